/// What a check of one layer holds and does, estimated before the matrix form is built.
extension Checker {
    /// Per tracked tap of the structure proof: the formal linear forms the
    /// reference builds (a dictionary entry per product, ~100 ns each) and the
    /// expected coefficients they are compared with.
    static let symbolicTermRate = ResourceEstimate.Rate(bytes: 256, work: 2_000)
    /// Per unit and parameter of the structure proof: its formal variable.
    static let symbolicUnitRate = ResourceEstimate.Rate(bytes: 160, work: 200)
    /// Per tap of a naive reference pass (forward or a gradient).
    static let referenceTapRate = ResourceEstimate.Rate(bytes: 0, work: 20)

    /// The check's peak and work for `layer`:
    ///
    ///     bytes = parameters + terms + 4 dense Wᵀ
    ///             (integer, real and given weights, and |Wᵀ| for the rounding bounds)
    ///             + the structure proof's formal forms
    ///     work  = the structure proof + 8 reference passes
    ///             + 2 energies (a perturbed copy of y each) per perturbed input and parameter
    ///
    /// with at most ``finiteDifferenceSample`` inputs and parameters perturbed:
    /// y is linear in both, so no perturbation rebuilds Wᵀ.
    public static func estimate(for layer: any Layer) -> ResourceEstimate {
        if SparsePath.applies(to: layer) { return sparseEstimate(for: layer) }
        let tracked = min(layer.entryCountBound, defaultStructureTapLimit)
        let symbolicUnits = saturatingSum(layer.input.count, saturatingSum(layer.output.count, layer.weightParameterCount))
        let proof = ResourceEstimate(tracked, at: symbolicTermRate) + ResourceEstimate(symbolicUnits, at: symbolicUnitRate)
        let references = ResourceEstimate(layer.entryCountBound, at: referenceTapRate).repeated(8)
        let energy = ResourceEstimate.Rate(bytes: 0, work: 8)
        let perturbations = min(layer.input.count, finiteDifferenceSample) + min(layer.layerParameterCount, finiteDifferenceSample)
        let perturbed = ResourceEstimate(layer.output.count, at: energy).repeated(2 * perturbations)
        let matrices = ResourceEstimate(bytes: saturatingProduct(4, layer.denseEstimate.bytes), work: 8 * layer.denseEstimate.work)
        return layer.parameterEstimate + layer.structureEstimate + matrices + proof
            + references + perturbed
    }
}

extension Checker {
    /// The sparse path's peak and work (Checker+Sparse.swift):
    ///
    ///     bytes = parameters + the compressed form + 24 vectors of the units
    ///             (the data, the passes' outputs, each SparseLayer's o + b)
    ///             + the structure sample's formal variables and forms
    ///     work  = the reference on its samples (``SparseCheckSample``): 3 forwards of
    ///             the sampled output units at their fan-in, 2 input gradients of the
    ///             sampled input units at 2 · out · ∏⌈k/q⌉ taps each, the sampled weights
    ///             at one tap per output position; + 8 sparse passes + the sampled rows' formal sums
    static func sparseEstimate(for layer: any Layer) -> ResourceEstimate {
        let compressed = ResourceEstimate(bytes: CompressedMatrixForm.estimatedBytes(for: layer), work: 10 * Double(layer.entryCountBound))
        let vectors = ResourceEstimate(bytes: saturatingProduct(24 * MemoryLayout<Double>.size, saturatingSum(layer.input.count, layer.output.count)), work: 0)
        let sampled = saturatingProduct(min(layer.output.count, sparseStructureRows), max(1, layer.fanIn))
        let symbolicUnits = saturatingSum(saturatingProduct(2, layer.extendedUnitCount), layer.weightParameterCount)
        let proof = ResourceEstimate(sampled, at: symbolicTermRate) + ResourceEstimate(symbolicUnits, at: symbolicUnitRate)
        let references = ResourceEstimate(sparseReferenceTaps(for: layer), at: referenceTapRate)
        let passes = ResourceEstimate(bytes: 0, work: 16 * Double(layer.entryCountBound))
        return layer.parameterEstimate + compressed + vectors + proof + references + passes
    }
}

extension Checker {
    /// The taps the sparse path's reference visits on its samples (see ``sparseEstimate(for:)``).
    static func sparseReferenceTaps(for layer: any Layer) -> Int {
        let outputs = min(layer.output.count, SparseCheckSample.outputUnitLimit)
        let inputs = min(layer.input.count, SparseCheckSample.inputUnitLimit)
        let weights = min(layer.weightParameterCount, SparseCheckSample.parameterLimit)
        let columnBound = saturatingProduct(2 * layer.output.channels, tapsReadingOneUnit(layer))
        return saturatingSum(
            saturatingProduct(3 * outputs, max(1, layer.fanIn)),
            saturatingSum(saturatingProduct(2 * inputs, columnBound), saturatingProduct(weights, layer.output.mapSize)))
    }
}

extension Checker {
    /// The most taps that read one extended unit e: per dimension, the taps s with
    /// o·stride + s·dilation = e, which are q = stride / gcd(stride, dilation) apart,
    /// so at most ⌈k/q⌉ of the k (the whole kernel for a layer that is not a convolution).
    static func tapsReadingOneUnit(_ layer: any Layer) -> Int {
        guard let spec = (layer as? Convolution)?.spec else { return max(1, layer.fanIn) }
        return spec.kernelSize.indices.reduce(1) { product, d in
            let q = spec.stride[d] / greatestCommonDivisor(spec.stride[d], spec.dilation[d])
            return product * ((spec.kernelSize[d] + q - 1) / q)
        }
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }
}

extension RandomCheckRun {
    /// The most configurations one `check --random` run draws: about two minutes
    /// of a release build at ~1 ms a configuration. More is several runs with
    /// other seeds.
    public static let maximumCount = 100_000
}
