/// A layer with numbers on its compressed form: the weights, the offset and the
/// affine part per output unit, with batched passes over the compressed rows
/// (SparseLayer+Passes.swift). Nothing of the size of the dense Wᵀ exists.
///
///     forward:   y  = Wᵀ x + o + b
///     backward:  δx = W δy
///                δv_p = Σ_{entries (r, c, p, a)} a·(δy xᵀ)[r, c] + c·Σ_{border entries (r, e, p)} δy_r
///                δb_j = Σ_{r : β(r) = j} δy_r
///
/// the same formulas as ``MaterialisedLayer``, summed entry by entry instead of
/// through a dense matrix.
public struct SparseLayer: Sendable {
    public let form: CompressedMatrixForm
    public let weights: LayerWeights
    /// The offset o per output unit, or nil when the layer has none.
    public let offset: [Double]?
    /// o + b per output unit: the affine part of the layer.
    public let rowConstant: [Double]

    /// The layer of the form.
    public var layer: any Layer { form.layer }

    /// Builds `layer`'s compressed form and gives it `weights`.
    ///
    /// - Throws: ``ConvMatrixError`` as ``CompressedMatrixForm/init(_:budget:)-(any Layer,_)``
    ///   and ``init(_:weights:)``.
    public init(_ layer: any Layer, weights: LayerWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try self.init(CompressedMatrixForm(layer, budget: budget), weights: weights)
    }

    /// A compressed form with `weights`.
    ///
    /// - Throws: ``ConvMatrixError`` when the weights do not fit the layer or are not
    ///   finite, or `.numerical` when an entry of Wᵀ, an offset or o + b overflows.
    public init(_ form: CompressedMatrixForm, weights: LayerWeights) throws(ConvMatrixError) {
        let layer = form.layer
        let weights = try LayerWeights(weight: weights.weight, bias: weights.bias, for: layer)
        self.form = form
        self.weights = weights
        offset = Self.offset(form: form, weights: weights)
        rowConstant = (0..<layer.output.count).map { [offset] r in
            (layer.biasParameter(ofRow: r).map { weights.bias?[$0] ?? 0 } ?? 0) + (offset?[r] ?? 0)
        }
        try requireFiniteValues()
    }

    /// o_r = c · Σ_{border entries (r, e, p)} v_p, or nil when the form has no border entries.
    private static func offset(form: CompressedMatrixForm, weights: LayerWeights) -> [Double]? {
        let border = form.border
        guard border.entryCount > 0 else { return nil }
        var offset = Array(repeating: 0.0, count: border.rows)
        for r in 0..<border.rows {
            for k in border.entries(inRow: r) { offset[r] += form.offsetScale * weights.weight[Int(border.parameterIndices[k])] }
        }
        return offset
    }

    /// Throws unless every entry of Wᵀ (the running sum of its consecutive
    /// same-column entries, in the order ``TiedMatrix/dense(parameters:)`` adds
    /// them), every offset and every o + b is finite.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `weight`, `padding_value` or `bias`.
    private func requireFiniteValues() throws(ConvMatrixError) {
        let tied = form.tied
        let v = weights.weight
        for r in 0..<tied.rows {
            var (column, sum) = (Int32(-1), 0.0)
            for k in tied.entries(inRow: r) {
                if tied.columnIndices[k] != column { (column, sum) = (tied.columnIndices[k], 0) }
                sum += tied.coefficient(ofEntry: k) * v[Int(tied.parameterIndices[k])]
                guard sum.isFinite else {
                    throw ConvMatrixError(
                        .numerical, field: "weight",
                        reason: "entry (\(r + 1), \(column + 1)) of Wᵀ sums weights beyond the largest Double (\(FiniteValues.largest)); scale the weights down"
                    )
                }
            }
        }
        if let offset, let r = FiniteValues.firstNonFinite(offset) {
            throw ConvMatrixError(
                .numerical, field: "padding_value",
                reason: "the offset o = c·Σv of output unit \(r + 1) is beyond the largest Double (\(FiniteValues.largest)); use a smaller padding_value")
        }
        if let r = FiniteValues.firstNonFinite(rowConstant) {
            throw ConvMatrixError(
                .numerical, field: "bias", reason: "o + b of output unit \(r + 1) is beyond the largest Double (\(FiniteValues.largest)); use a smaller bias")
        }
    }
}
