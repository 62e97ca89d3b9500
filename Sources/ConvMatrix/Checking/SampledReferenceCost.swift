/// What a kind's sampled reference (Layer+SampledReference.swift) costs, for the
/// sparse check's estimate (``Checker/sparseEstimate(for:)``), from the geometry alone.
///
/// A per-unit figure is the taps one sampled unit's sum visits; nil means the
/// default, which runs the whole-layer reference once per call, charged
/// ``Layer/wholeReferenceTaps`` (every term, input and output visited once).
public struct SampledReferenceCost: Sendable, Equatable {
    /// Taps per sampled output unit of the forward (and per formal row of the structure proof).
    public var forwardPerUnit: Int?
    /// Taps per sampled input unit of the input gradient.
    public var inputGradientPerUnit: Int?
    /// Taps per sampled weight of the weight gradient.
    public var weightGradientPerParameter: Int?
    /// Formal variables (``SymbolicScalar``) alive at once in ``Layer/referenceFormalRows(_:)``.
    public var formalVariables: Int

    public init(forwardPerUnit: Int? = nil, inputGradientPerUnit: Int? = nil, weightGradientPerParameter: Int? = nil, formalVariables: Int) {
        self.forwardPerUnit = forwardPerUnit
        self.inputGradientPerUnit = inputGradientPerUnit
        self.weightGradientPerParameter = weightGradientPerParameter
        self.formalVariables = formalVariables
    }
}

extension Layer {
    /// The default's cost: whole passes, and x_c and v_p for every input unit and weight at once.
    public var sampledReferenceCost: SampledReferenceCost {
        SampledReferenceCost(formalVariables: saturatingSum(input.count, weightParameterCount))
    }

    /// One whole pass of the reference: every term, input and output once.
    public var wholeReferenceTaps: Int { saturatingSum(entryCountBound, saturatingSum(input.count, output.count)) }
}

extension Convolution {
    /// Its fan-in per output unit; per input unit 2 · out · ∏⌈k/q⌉ (the taps that read
    /// one extended unit, ``Checker/tapsReadingOneUnit(_:)``, for each output map, twice
    /// for the copies of circular or reflect padding); one output map's positions per
    /// weight; x_c on the extended input twice over (the input and its padded copy) and v_p.
    public var sampledReferenceCost: SampledReferenceCost {
        SampledReferenceCost(
            forwardPerUnit: max(1, fanIn), inputGradientPerUnit: saturatingProduct(2 * output.channels, Checker.tapsReadingOneUnit(self)),
            weightGradientPerParameter: output.mapSize, formalVariables: saturatingSum(saturatingProduct(2, extendedUnitCount), weightParameterCount))
    }
}

extension Linear {
    /// in_features per output unit, out_features per input unit, L per weight; one row's
    /// in_features inputs and weights formal at a time.
    public var sampledReferenceCost: SampledReferenceCost {
        SampledReferenceCost(
            forwardPerUnit: inFeatures, inputGradientPerUnit: outFeatures, weightGradientPerParameter: leadingPositions, formalVariables: 2 * inFeatures)
    }
}
