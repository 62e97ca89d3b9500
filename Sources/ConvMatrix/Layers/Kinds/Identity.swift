/// PyTorch's `Identity()`: y = x, on any input shape.
///
///     y_u  = x_u                (forward)
///     δx_u = δy_u               (adjoint: δx = W δy, W = I)
///     Wᵀ   = I_n,  n = input.count, every diagonal entry the constant 1
///
/// No weights and no bias, so the weight gradient is empty. Shapes: x and y
/// are the same shape.
///
/// PyTorch's `nn.Identity(*args, **kwargs)` accepts and ignores any arguments.
/// ConvMatrix refuses them instead (field: the keyword, or `spec` for a
/// positional), so that no argument is silently dropped from the printed form.
///
///     let layer = try LayerRegistry.layer(parsing: "Identity()", input: TensorShape(parsing: "2x3"))
///     layer.matrixForm().tied.constants.count   // 6
public struct Identity: Hashable, Sendable {
    public let input: TensorShape

    /// The identity on `input`.
    public init(input: TensorShape) {
        self.input = input
    }

    /// The layer a parsed `Identity()` call writes, on `input`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` for any argument.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        if let argument = call.arguments.first {
            let reason =
                "Identity takes no arguments in ConvMatrix (PyTorch's nn.Identity ignores them; write Identity())"
            throw .spec(argument.keyword ?? "spec", reason, offset: argument.offset)
        }
        self.init(input: input)
    }
}

/// Identity as a ``Layer``: Wᵀ = I and the plain-loop reference (Reference/ReferenceRegrouping.swift).
extension Identity: ParameterFreeLayer {
    public var kind: String { "Identity" }
    public var specDescription: String { "Identity()" }
    public var output: TensorShape { input }

    public func matrixForm() -> MatrixForm { .identity(of: self) }

    public var geometricNonzeroCount: Int? { input.count }
    /// y = x: no connections.
    public var hasConnections: Bool { false }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceRegrouping.identity(x)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferenceRegrouping.identity(dy)
    }

}

extension MatrixForm {
    /// The form of a layer that only regroups its units (Identity, Flatten):
    ///
    ///     Wᵀ[u, u] = 1   (a constant, no parameter),   n = input.count = output.count
    ///
    /// Row and column blocks are the output's and input's maps.
    static func identity(of layer: any Layer) -> MatrixForm {
        precondition(layer.input.count == layer.output.count, "a regrouping keeps its \(layer.input.count) units")
        let n = layer.input.count
        let tied = TiedMatrix(
            rows: n, columns: n, rowBlockSize: layer.output.mapSize, columnBlockSize: layer.input.mapSize,
            parameters: [], terms: [], constants: (0..<n).map { ConstantEntry(row: $0, column: $0, value: 1) })
        return MatrixForm(layer: layer, tied: tied)
    }
}
