/// PyTorch's `Flatten(start_dim=1, end_dim=-1)` on one sample: merges a
/// contiguous range of dimensions into one, and moves no unit.
///
/// Dimensions count as in PyTorch, on the batched tensor (N, C, *spatial) of
/// rank R = 2 + spatial dimensions: 0 is the batch, 1 the channels; a negative
/// d means d + R. With s…e the range after that, the sample's extents
/// (n₁, …, n_{R−1}) become
///
///     (n₁, …, n_{s−1}, ∏_{d=s}^{e} n_d, n_{e+1}, …, n_{R−1})
///
/// and, because C order flattens the merged block exactly as it was laid out,
///
///     y_u  = x_u                (forward)
///     δx_u = δy_u               (adjoint: δx = W δy, W = I)
///     Wᵀ   = I_n,  n = input.count, every diagonal entry the constant 1
///
/// The default flattens the whole sample: 4x14x14 becomes 784. No weights and
/// no bias. PyTorch's errors, on the keyword: a dimension outside [−R, R − 1],
/// and start_dim after end_dim. ConvMatrix shows one sample, so it also refuses
/// a start_dim of the batch dimension (0, or −R), which would merge samples.
///
///     let layer = try LayerRegistry.layer(parsing: "Flatten(2)", input: TensorShape(parsing: "2x3x4"))
///     layer.output   // 2x12
public struct Flatten: Hashable, Sendable {
    /// start_dim as written (1 by default).
    public let startDim: Int
    /// end_dim as written (−1 by default).
    public let endDim: Int
    public let input: TensorShape
    public let output: TensorShape
    /// The merged sample dimensions, 0-based over (C, *spatial): s − 1 … e − 1.
    let merged: ClosedRange<Int>

    /// Flattens dimensions start_dim…end_dim of (N, *input).
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on `start_dim` or `end_dim`.
    public init(startDim: Int = 1, endDim: Int = -1, input: TensorShape) throws(ConvMatrixError) {
        try self.init(startDim: startDim, endDim: endDim, input: input) { name, reason in .spec(name, reason) }
    }

    /// The layer a parsed `Flatten(…)` call writes, on `input`.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        let arguments = try SpecArguments(call, kind: "Flatten", parameters: ["start_dim", "end_dim"], required: 0)
        for (position, name) in ["start_dim", "end_dim"].enumerated() {
            try call.refuseNone(name, position: position, "expected an integer, got None (PyTorch refuses None here too)")
        }
        let start = try arguments.integer("start_dim", default: 1)
        let end = try arguments.integer("end_dim", default: -1)
        try self.init(startDim: start, endDim: end, input: input, error: arguments.error)
    }

    private init(
        startDim: Int, endDim: Int, input: TensorShape, error: (String, String) -> ConvMatrixError
    ) throws(ConvMatrixError) {
        let rank = input.extents.count + 1
        func normalised(_ d: Int, _ name: String) throws(ConvMatrixError) -> Int {
            guard (-rank...(rank - 1)).contains(d) else {
                throw error(name, "dimension \(d) is out of range for \(input) with its batch dimension (expected -\(rank) to \(rank - 1), as in PyTorch)")
            }
            return d < 0 ? d + rank : d
        }
        let start = try normalised(startDim, "start_dim")
        let end = try normalised(endDim, "end_dim")
        guard start <= end else {
            throw error("start_dim", "start_dim cannot come after end_dim (\(start) > \(end) on \(input) with its batch dimension), as in PyTorch")
        }
        guard start >= 1 else {
            throw error("start_dim", "dimension \(startDim) is the batch dimension; ConvMatrix shows one sample, so start from 1 (the channels) or later")
        }
        self.startDim = startDim
        self.endDim = endDim
        self.input = input
        self.merged = (start - 1)...(end - 1)
        self.output = Self.merging(input, merged)
    }

    /// The sample's extents with extents[range] replaced by their product.
    private static func merging(_ shape: TensorShape, _ range: ClosedRange<Int>) -> TensorShape {
        let extents = shape.extents
        let result = Array(extents[..<range.lowerBound]) + [extents[range].reduce(1, *)] + Array(extents[(range.upperBound + 1)...])
        return TensorShape(channels: result[0], spatial: Array(result.dropFirst()))
    }

    /// `Flatten()`, `Flatten(start_dim=2)`, `Flatten(end_dim=2)`: defaults omitted.
    public var canonical: String {
        var arguments: [String] = []
        if startDim != 1 { arguments.append("start_dim=\(startDim)") }
        if endDim != -1 { arguments.append("end_dim=\(endDim)") }
        return "Flatten(\(arguments.joined(separator: ", ")))"
    }
}

/// Flatten as a ``Layer``: Wᵀ = I and the plain-loop reference (Reference/ReferenceRegrouping.swift).
extension Flatten: ParameterFreeLayer {
    public var kind: String { "Flatten" }
    public var specDescription: String { canonical }
    /// Flatten moves no number: Wᵀ is the identity on the units in torch's order.
    public var geometricNonzeroCount: Int? { input.count }
    /// Flatten moves no unit: no connections.
    public var hasConnections: Bool { false }

    public var matrixNote: String? {
        "Flatten only regroups the units: Wᵀ is the identity, y holds x's numbers in the same order, read as \(output)"
    }
    public func matrixForm() -> MatrixForm { .identity(of: self) }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceRegrouping.flatten(x, extents: input.extents, merging: merged)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferenceRegrouping.unflatten(dy, extents: input.extents, merging: merged)
    }

}
