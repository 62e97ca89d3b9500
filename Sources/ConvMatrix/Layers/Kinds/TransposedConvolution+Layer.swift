/// The transposed convolution as a ``Layer``: Wᵀ from the scatter's geometry
/// (TransposedConvolution.swift) and the scatter-loop reference
/// (Reference/ReferenceTransposedConvolution.swift).
extension TransposedConvolution: Layer {
    /// `ConvTranspose1d`, `ConvTranspose2d` or `ConvTranspose3d`.
    public var kind: String { spec.typeName }
    public var specDescription: String { spec.canonical }
    /// (in, out/groups, *kernel).
    public var weightShape: [Int] { spec.weightShape }
    /// (out,), or nil with `bias=False`.
    public var biasShape: [Int]? { spec.bias ? [spec.outChannels] : nil }

    /// Output map o of unit r: biases are shared across each map, as in PyTorch.
    public func biasParameter(ofRow r: Int) -> Int? { spec.bias ? r / output.mapSize : nil }

    /// Wᵀ: one term per landing, every coefficient 1, no constants, no offset.
    public func matrixForm() -> MatrixForm {
        MatrixForm(layer: self, tied: tiedMatrix())
    }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceTransposedConvolution.forward(spec: spec, input: input, x: x, weight: weight, bias: bias)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferenceTransposedConvolution.inputGradient(spec: spec, input: input, outputGradient: dy, weight: weight)
    }

    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double]) -> [Double] {
        ReferenceTransposedConvolution.weightGradient(spec: spec, input: input, x: x, outputGradient: dy)
    }
}
