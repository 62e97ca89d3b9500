/// A layer with numbers: the dense Wᵀ, its bias and offset, and the forward
/// and backward passes as BLAS products, for any ``Layer``.
///
/// Forward and backward sit side by side, as the two faces of one matrix:
///
///     forward:   y  = Wᵀ x + o + b                      (dgemv; a batch is one dgemm)
///     backward:  δx = W δy                              (the same storage, transposed)
///                δv_p = Σ_{terms (r, c, p, a)} a·(δy xᵀ)[r, c] + c·Σ_{border terms (r, e, p)} δy_r
///                δb_j = Σ_{r : β(r) = j} δy_r
///
/// The constant-padding term c·Σ δy_r is the derivative of the offset o; it
/// vanishes for every other mode.
public struct MaterialisedLayer: Sendable {
    public let form: MatrixForm
    public let weights: LayerWeights
    /// The dense Wᵀ, output units × input units.
    public let matrix: Matrix
    /// The offset o per output unit, or nil when the layer has none.
    public let offset: [Double]?
    /// o + b per output unit: the affine part of the layer.
    public let rowConstant: [Double]

    /// The layer of the form.
    public var layer: any Layer { form.layer }
    /// The layer as a convolution, for the views only convolutions have.
    public var convolution: Convolution? { form.convolution }
    /// The tied Wᵀ (terms on input units).
    public var tied: TiedMatrix { form.tied }
    /// The valid terms on constant border units (empty unless c ≠ 0).
    public var borderTerms: [Term] { form.borderTerms }

    /// Materialises `layer` with `weights`.
    ///
    /// - Throws: ``ConvMatrixError`` when the weights do not fit the layer or are
    ///   not finite, `.budget` when the dense matrix would exceed `budget`, or
    ///   `.numerical` when a value of Wᵀ, o or o + b overflows.
    public init(_ layer: any Layer, weights: LayerWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try budget.require(layer.materialisedEstimate.bytes, for: "the dense matrix and terms of \(layer.specDescription) on \(layer.input)")
        try self.init(layer.matrixForm(), weights: weights, budget: budget)
    }

    /// Materialises a matrix form, the layer's own or one from outside, with `weights`.
    ///
    /// - Throws: as ``init(_:weights:budget:)``, and `.numerical` when an entry of
    ///   Wᵀ, an offset or o + b overflows the Double range (``requireFiniteValues()``).
    public init(_ form: MatrixForm, weights: LayerWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try budget.require(form.layer.denseBytesEstimate, for: "the dense matrix of \(form.layer.specDescription) on \(form.layer.input)")
        self.init(try WeightedForm(form, weights: weights))
    }

    /// The dense Wᵀ of a checked weighted form.
    ///
    /// - Complexity: O(rows · columns) memory: size it first (``Layer/denseEstimate``).
    public init(_ weighted: WeightedForm) {
        form = weighted.form
        weights = weighted.weights
        offset = weighted.offset
        rowConstant = weighted.rowConstant
        matrix = weighted.form.tied.dense(parameters: weighted.weights.weight)
    }

    /// The numbers without the dense matrix.
    public var weighted: WeightedForm { WeightedForm(checked: form, weights: weights, offset: offset, rowConstant: rowConstant) }
}

/// The name the convolution-only code knew it by.
public typealias MaterialisedConvolution = MaterialisedLayer

extension Layer {
    /// Bytes of the dense Wᵀ: rows · columns · 8 (``denseEstimate``).
    public var denseBytesEstimate: Int { denseEstimate.bytes }
}
