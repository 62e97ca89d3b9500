/// GlobalSumPool(): each map summed over all its positions, one output unit per
/// channel. A ConvMatrix extension (the slides' φ_struct over a whole map; PyTorch
/// writes it `x.sum(dim=spatial)`), not a PyTorch class.
///
///     y_j  = Σ_{u} x_{j,u}                 (u over every position of map j)
///     Wᵀ   = I_C ⊗ 1ᵀ_{∏L}                 (a row of ones on each map's block)
///     δx_{j,u} = δy_j                      (the adjoint copies δy_j to every position)
///
/// Shapes: x is (C, *L) with any number of spatial dimensions (also none), y is
/// (C,), i.e. TensorShape(channels: C, spatial: []); no weight, no bias. Every
/// coefficient is 1, so the matrix is exact.
///
///     let layer = try LayerRegistry.layer(parsing: "GlobalSumPool()", input: TensorShape(parsing: "3x4x4"))
///     layer.output   // 3 (one unit per channel)
public struct GlobalSumPooling: PoolingLayer, Hashable {
    public let input: TensorShape

    /// Sums each map of `input`.
    public init(input: TensorShape) {
        self.input = input
    }

    public var kind: String { "GlobalSumPool" }
    public var specDescription: String { "GlobalSumPool()" }
    public var output: TensorShape { TensorShape(channels: input.channels, spatial: []) }
    /// One window over each whole dimension.
    public var axes: [PoolingAxis] { input.spatial.map { .whole(length: $0) } }

    public func coefficient(at position: [Int]) -> Double { 1 }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferencePooling.globalSumForward(channels: input.channels, mapSize: input.mapSize, x: x)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferencePooling.globalSumInputGradient(mapSize: input.mapSize, outputGradient: dy)
    }

    /// The layer a parsed `GlobalSumPool()` call writes: it takes no arguments.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` for any argument.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        _ = try SpecArguments(call, kind: call.name, parameters: [], required: 0)
        self.init(input: input)
    }
}
