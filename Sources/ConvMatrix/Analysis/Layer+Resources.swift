/// The pieces a command builds for one layer, each estimated from
/// the geometry before it exists (see ``ResourceEstimate``).
///
/// The byte rates are upper bounds on what the library allocates per item at its
/// peak, read off the code and confirmed by `PeakMemoryTests`:
///
///     a parameter   8 B per copy of its value (up to 3 at once) + its name,
///                   a ParameterName with its tap index array (≤ 96 B)    = 128 B
///     a value       8 B: a parameter's number alone, without a name (a network's weights)
///     a term        24 B on the valid list + 24 B on the composed list
///                   + 24 B for the sorted copy of TiedMatrix             =  96 B (charged 128)
///     an entry      8 B in a dense Matrix
///
/// Work is the flops of BLAS products and, for building and sorting, the time's worth.
public enum ResourceRate {
    /// Per parameter: its values, its name and the work of drawing it.
    public static let parameter = ResourceEstimate.Rate(bytes: 128, work: 50)
    /// Per parameter value held without its name: a network's drawn or read weights.
    public static let value = ResourceEstimate.Rate(bytes: 8, work: 20)
    /// Per term of a tied matrix: the term lists and their sort.
    public static let term = ResourceEstimate.Rate(bytes: 128, work: 200)
    /// Per entry of a dense matrix: zero fill and scatter.
    public static let dense = ResourceEstimate.Rate(bytes: 8, work: 2)
}

extension Layer {
    /// The weights and biases with their names.
    public var parameterEstimate: ResourceEstimate {
        ResourceEstimate(layerParameterCount, at: ResourceRate.parameter)
    }

    /// The matrix form: its terms and constants (``Layer/entryCountBound``), their
    /// row index, and per-unit index tables.
    public var structureEstimate: ResourceEstimate {
        ResourceEstimate(entryCountBound, at: ResourceRate.term)
            + ResourceEstimate(saturatingSum(output.count, extendedUnitCount), at: ResourceRate.parameter)
    }

    /// Units of the extended input: a convolution's padded input, else the input.
    public var extendedUnitCount: Int { (self as? Convolution)?.geometry.extendedInput.count ?? input.count }

    /// One dense Wᵀ, output units × input units.
    public var denseEstimate: ResourceEstimate {
        ResourceEstimate(saturatingProduct(output.count, input.count), at: ResourceRate.dense)
    }

    /// Entries of Wᵀ: output units · input units.
    public var entryCount: Int { saturatingProduct(output.count, input.count) }

    /// The layer with its numbers: parameters, matrix form and one dense Wᵀ.
    public var materialisedEstimate: ResourceEstimate {
        parameterEstimate + structureEstimate + denseEstimate
    }
}

extension Convolution {
    /// What Wᵀ = Wᵀ_valid · P adds: Wᵀ_valid's own terms on the extended input.
    public var factorStructureEstimate: ResourceEstimate {
        ResourceEstimate(tapCount, at: ResourceRate.term)
    }

    /// Entries of Wᵀ_valid and P together, the two extra matrices of the factorisation.
    public var factorEntryCount: Int {
        let extended = geometry.extendedInput.count
        return saturatingSum(saturatingProduct(output.count, extended), saturatingProduct(extended, input.count))
    }
}
