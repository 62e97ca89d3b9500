/// The convolution as a ``Layer``: Wᵀ = Wᵀ_valid · P (Convolution+Materialise.swift)
/// and the sliding-window reference (Reference/ReferenceConvolution.swift).
extension Convolution: Layer {
    /// `Conv1d`, `Conv2d` or `Conv3d`.
    public var kind: String { spec.typeName }
    public var specDescription: String { spec.description }
    /// (out, in/groups, *kernel), or (pairs, *kernel) with `connections`.
    public var weightShape: [Int] { spec.weightShape }
    /// (out,); (out, *output spatial) with `bias='untied'`; nil with `bias=False`.
    public var biasShape: [Int]? {
        guard spec.bias else { return nil }
        return spec.untiedBias ? [spec.outChannels] + output.spatial : [spec.outChannels]
    }

    /// Taps on the extended input (``tapCount``).
    public var entryCountBound: Int { tapCount }
    public var geometricNonzeroCount: Int? { realTapCount }
    /// Taps on the extended input (Wᵀ_valid's terms), plus the biased units.
    public var geometricConnectionCount: Int? { saturatingSum(tapCount, biasedUnitCount) }
    public func connectionMatrix() -> TiedMatrix { validTiedMatrix() }

    /// Output map j of unit r: biases are shared across each map, as in PyTorch;
    /// r itself with `bias='untied'` (LeCun 1989: one bias per output unit).
    public func biasParameter(ofRow r: Int) -> Int? {
        guard spec.bias else { return nil }
        return spec.untiedBias ? r : r / output.mapSize
    }

    /// Wᵀ = Wᵀ_valid · P, with the border terms of constant padding as the offset.
    public func matrixForm() -> MatrixForm {
        let (tied, border) = composed()
        return MatrixForm(
            layer: self, tied: tied, borderTerms: padding.hasOffset ? border : [], offsetScale: padding.hasOffset ? padding.borderValue : 0)
    }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceConvolution.forward(spec: spec, input: input, x: x, weight: weight, bias: bias)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferenceConvolution.inputGradient(spec: spec, input: input, outputGradient: dy, weight: weight)
    }

    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double]) -> [Double] {
        ReferenceConvolution.weightGradient(spec: spec, input: input, x: x, outputGradient: dy)
    }

    /// y at `units` alone, each at the cost of its fan-in (Reference/ReferenceConvolution+Rows.swift).
    public func referenceForward(x: [Double], weight: [Double], bias: [Double]?, units: [Int]) -> [Double] {
        ReferenceConvolution.forward(spec: spec, input: input, x: x, weight: weight, bias: bias, units: units)
    }

    /// The sampled rows alone, on x_c and v_p for every input unit and weight.
    public func referenceFormalRows(_ rows: [Int]) -> [SymbolicScalar] {
        let xs: [SymbolicScalar] = (0..<input.count).map { .input($0) }
        let ws: [SymbolicScalar] = (0..<weightParameterCount).map { .parameter($0) }
        return ReferenceConvolution.forward(spec: spec, input: input, x: xs, weight: ws, units: rows)
    }

    /// δx at `units` alone, read backwards from each input unit (Reference/ReferenceConvolution+Samples.swift).
    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double], units: [Int]) -> [Double] {
        ReferenceConvolution.inputGradient(spec: spec, input: input, outputGradient: dy, weight: weight, units: units)
    }

    /// ∂E/∂v at `parameters` alone, one output map's positions each.
    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double], parameters: [Int]) -> [Double] {
        ReferenceConvolution.weightGradient(spec: spec, input: input, x: x, outputGradient: dy, parameters: parameters)
    }

    /// Σ_t δy_j(t) per output map (per unit with `bias='untied'`), from the reference's own loops.
    public func referenceBiasGradient(outputGradient dy: [Double]) -> [Double]? {
        spec.bias ? ReferenceConvolution.biasGradient(spec: spec, input: input, outputGradient: dy) : nil
    }
}
