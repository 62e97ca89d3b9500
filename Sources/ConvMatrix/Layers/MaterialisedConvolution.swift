/// A convolution layer with numbers: the dense Wᵀ, its bias and offset, and the
/// forward and backward passes as BLAS products.
///
/// Forward and backward sit side by side, as the two faces of one matrix:
///
///     forward:   y  = Wᵀ x + o + b                      (dgemv; a batch is one dgemm)
///     backward:  δx = W δy                              (the same storage, transposed)
///                δv_p = Σ_{terms (r, c, p)} (δy xᵀ)[r, c] + c·Σ_{border terms (r, e, p)} δy_r
///                δb_j = Σ_{r in map j} δy_r
///
/// The constant-padding term c·Σ δy_r is the derivative of the offset o; it
/// vanishes for every other mode.
public struct MaterialisedConvolution: Sendable {
    public let layer: Convolution
    /// The tied Wᵀ (terms on input units).
    public let tied: TiedMatrix
    public let weights: LayerWeights
    /// The dense Wᵀ, output units × input units.
    public let matrix: Matrix
    /// The valid terms on constant border units (empty unless c ≠ 0).
    public let borderTerms: [Term]
    /// o + b per output unit: the affine part of the layer.
    public let rowConstant: [Double]

    /// Materialises `layer` with `weights`.
    ///
    /// - Throws: ``ConvMatrixError`` when the weights do not fit the layer, or
    ///   `.budget` when the dense matrix would exceed `budget`.
    public init(_ layer: Convolution, weights: LayerWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        let weights = try LayerWeights(weight: weights.weight, bias: weights.bias, for: layer.spec)
        try budget.require(layer.denseBytesEstimate + layer.termBytesEstimate, for: "the dense matrix and terms of \(layer.spec) on \(layer.input)")
        self.layer = layer
        self.weights = weights
        tied = layer.tiedMatrix()
        matrix = tied.dense(parameters: weights.weight)
        borderTerms = layer.padding.hasOffset ? layer.borderTerms() : []
        rowConstant = Self.rowConstant(layer: layer, weights: weights, borderTerms: borderTerms)
    }

    /// o_r + b_{j(r)}, with o_r = c · Σ_{border terms (r, e, p)} v_p.
    private static func rowConstant(layer: Convolution, weights: LayerWeights, borderTerms: [Term]) -> [Double] {
        var constant = (0..<layer.output.count).map { weights.bias?[layer.biasParameter(ofRow: $0)] ?? 0 }
        let c = layer.padding.borderValue
        for term in borderTerms { constant[term.row] += c * weights.weight[term.parameter] }
        return constant
    }

    /// The offset o per output unit, or nil when the layer has none.
    public var offset: [Double]? {
        guard !borderTerms.isEmpty else { return nil }
        let c = layer.padding.borderValue
        var offset = Array(repeating: 0.0, count: layer.output.count)
        for term in borderTerms { offset[term.row] += c * weights.weight[term.parameter] }
        return offset
    }
}
