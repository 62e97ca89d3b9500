/// A layer's matrix form with its numbers but without the dense Wᵀ: what the
/// views that draw entries one at a time need (text, LaTeX, Markdown, CSV, SVG,
/// JSON's terms), at the cost of the terms, not of rows × columns.
///
///     Wᵀ[r, c] = Σ_{terms (r, c, p, a)} a · v_p + κ[r, c],     o_r = c · Σ_{border terms (r, e, p)} v_p
///
/// ``MaterialisedLayer`` adds the dense Wᵀ for BLAS on top of it.
public struct WeightedForm: Sendable {
    public let form: MatrixForm
    public let weights: LayerWeights
    /// The offset o per output unit, or nil when the layer has none.
    public let offset: [Double]?
    /// o + b per output unit: the affine part of the layer.
    public let rowConstant: [Double]

    public var layer: any Layer { form.layer }
    public var tied: TiedMatrix { form.tied }
    public var convolution: Convolution? { form.convolution }

    /// `form` with `weights`, checked.
    ///
    /// - Throws: ``ConvMatrixError`` when the weights do not fit the layer or are
    ///   not finite, and `.numerical` when an entry of Wᵀ, an offset or o + b
    ///   leaves the Double range (``FiniteEntries``).
    /// - Complexity: O(terms + constants + rows).
    public init(_ form: MatrixForm, weights: LayerWeights) throws(ConvMatrixError) {
        let layer = form.layer
        let weights = try LayerWeights(weight: weights.weight, bias: weights.bias, for: layer)
        self.form = form
        self.weights = weights
        offset = Self.offset(form: form, weights: weights)
        rowConstant = Self.rowConstant(layer: layer, weights: weights, offset: offset)
        try FiniteEntries(form: form, weights: weights, offset: offset, rowConstant: rowConstant).require()
    }

    /// The parts of a form already checked (a ``MaterialisedLayer``'s).
    init(checked form: MatrixForm, weights: LayerWeights, offset: [Double]?, rowConstant: [Double]) {
        self.form = form
        self.weights = weights
        self.offset = offset
        self.rowConstant = rowConstant
    }

    /// `layer`'s own form with `weights`, sized against `budget` first (its terms).
    public init(_ layer: any Layer, weights: LayerWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try budget.require(layer.structureEstimate.bytes, for: "the terms of \(layer.specDescription) on \(layer.input)")
        try self.init(layer.matrixForm(), weights: weights)
    }

    /// Wᵀ[r, c] for every entry that a term reaches, row by row: the values a dense
    /// matrix would hold there (constants add κ).
    ///
    /// - Complexity: O(terms).
    public func termEntries(_ visit: (_ row: Int, _ column: Int, _ value: Double) -> Void) {
        Self.termEntries(form: form, weights: weights, visit)
    }

    static func termEntries(form: MatrixForm, weights: LayerWeights, _ visit: (_ row: Int, _ column: Int, _ value: Double) -> Void) {
        let tied = form.tied
        for r in 0..<tied.rows {
            var k = tied.rowStarts[r]
            while k < tied.rowStarts[r + 1] {
                let column = tied.terms[k].column
                var sum = 0.0
                while k < tied.rowStarts[r + 1], tied.terms[k].column == column {
                    sum += tied.coefficient(ofTerm: k) * weights.weight[tied.terms[k].parameter]
                    k += 1
                }
                visit(r, column, sum + (tied.constant(row: r, column: column) ?? 0))
            }
        }
    }

    /// o_r = c · Σ_{border terms (r, e, p)} v_p, or nil when the layer has no border constant.
    private static func offset(form: MatrixForm, weights: LayerWeights) -> [Double]? {
        guard !form.borderTerms.isEmpty else { return nil }
        var offset = Array(repeating: 0.0, count: form.tied.rows)
        for term in form.borderTerms { offset[term.row] += form.offsetScale * weights.weight[term.parameter] }
        return offset
    }

    /// o_r + b_{j(r)}.
    private static func rowConstant(layer: any Layer, weights: LayerWeights, offset: [Double]?) -> [Double] {
        (0..<layer.output.count).map { r in
            (layer.biasParameter(ofRow: r).map { weights.bias?[$0] ?? 0 } ?? 0) + (offset?[r] ?? 0)
        }
    }
}
