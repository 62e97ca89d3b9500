import Foundation

/// Finite weights can still build a Wᵀ that leaves the Double range: an entry
/// sums every parameter that lands on it (circular, reflect and replicate padding
/// fold several taps onto one input unit), and the offset multiplies parameters by
/// the padding value c:
///
///     Wᵀ[r, c] = Σ_{terms (r, c, p)} v_p          o_r = c · Σ_{border terms (r, e, p)} v_p
///
/// Either can exceed the largest Double, 1.79769·10³⁰⁸, and become ±inf; so can
/// o_r + b_j. Such a layer is bad input (FiniteValues states the rule), refused
/// here, once, for every command that builds its numbers (``WeightedForm``), with the value it would
/// have had: the sum is recomputed on values scaled by 2⁻⁶⁴ (exact, a power of two),
/// where it fits.
struct FiniteEntries {
    let form: MatrixForm
    let weights: LayerWeights
    let offset: [Double]?
    let rowConstant: [Double]

    private var layer: any Layer { form.layer }
    private var tied: TiedMatrix { form.tied }
    private var borderTerms: [Term] { form.borderTerms }

    /// Throws unless every entry of Wᵀ (summed term by term, no dense matrix),
    /// every offset and every o + b is finite.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `weight` (an entry),
    ///   `padding_value` (an offset) or `bias` (o + b).
    func require() throws(ConvMatrixError) {
        var overflowing: (row: Int, column: Int)?
        WeightedForm.termEntries(form: form, weights: weights) { r, c, value in
            if overflowing == nil, !value.isFinite { overflowing = (r, c) }
        }
        if let (r, c) = overflowing {
            let parameters = tied.terms(row: r, column: c).map { weights.weight[$0.parameter] }
            throw ConvMatrixError(
                .numerical, field: "weight",
                reason: "entry (\(r + 1), \(c + 1)) of Wᵀ sums \(Self.count(parameters.count, "weight")) to \(Self.scaledSum(parameters)), "
                    + "beyond the largest Double (\(FiniteValues.largest)); scale the weights down")
        }
        if let offset, let r = FiniteValues.firstNonFinite(offset) {
            let c = form.offsetScale
            let parameters = borderTerms.filter { $0.row == r }.map { c * 0x1p-64 * weights.weight[$0.parameter] }
            throw ConvMatrixError(
                .numerical, field: "padding_value",
                reason: "the offset o = c·Σv of output unit \(r + 1), with c = \(FiniteValues.describe(c)), is \(Self.describe(scaled: parameters)), "
                    + "beyond the largest Double (\(FiniteValues.largest)); use a smaller padding_value")
        }
        if let r = FiniteValues.firstNonFinite(rowConstant) {
            let bias = layer.biasParameter(ofRow: r).map { weights.bias?[$0] ?? 0 } ?? 0
            let sum = Self.describe(scaled: [bias * 0x1p-64, (offset?[r] ?? 0) * 0x1p-64])
            throw ConvMatrixError(
                .numerical, field: "bias",
                reason: "o + b of output unit \(r + 1) is \(sum), beyond the largest Double (\(FiniteValues.largest)); use a smaller bias")
        }
    }

    /// Σ v, summed on v·2⁻⁶⁴ and written as a number: `about 3e+308`.
    private static func scaledSum(_ values: [Double]) -> String {
        describe(scaled: values.map { $0 * 0x1p-64 })
    }

    /// 2⁶⁴ · Σ s, written with its decimal exponent (it may exceed the Double range).
    static func describe(scaled values: [Double]) -> String {
        let sum = values.reduce(0, +)
        guard sum.isFinite, sum != 0 else { return "out of range" }
        let exponent = log10(abs(sum)) + 64 * log10(2.0)
        let decade = exponent.rounded(.down)
        let mantissa = pow(10, exponent - decade)
        return "about " + (sum < 0 ? "-" : "") + String(format: "%.3ge%+03d", mantissa, Int(decade))
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
