/// Checks 2, 3, 4, 6 and the offset: the numbers of the matrix form against the reference.
extension Checker {
    /// Check 2: y = Wᵀx + o + b against direct convolution. Held to 0 when weights,
    /// bias, padding value and input are small integers, else to
    /// (γ_{m+K+1} + γ_{fan_in+1})·max_r M_r (``Tolerance`` derives it).
    func forward(_ m: MaterialisedConvolution, x: [Double], name: CheckReport.Name) -> CheckReport.Check {
        let direct: [Double] = layer.referenceForward(x: x, weight: m.weights.weight, bias: m.weights.bias)
        let y = m.forward(x)
        let exact = isExact(m.weights, x)
        let counts = RoundingCounts(form)
        let magnitude = exact ? 0 : (forwardMagnitudes(m, x: x).max() ?? 0)
        let tolerance = Tolerance.betweenTwoSums(roundings: counts.entry + counts.row + 1, referenceSumLength + 1, magnitude: magnitude)
        return .ran(
            name, error: maxAbsDifference(y, direct), tolerance: exact ? 0 : tolerance,
            note:
                "\(layer.isInputDependent ? "J(x)·u" : "Wᵀx")\(m.offset == nil ? "" : " + o")\(m.weights.bias == nil ? "" : " + b") (dgemv) against \(referenceWords.forward) on \(dataWords(exact: exact, x))"
        )
    }

    /// Check 3: δx = W δy against the slides' ∂E/∂x = [∂E/∂z ∗ w], a full convolution.
    /// Exact with integer weights; with given weights held to (γ_{m−1+L} + γ_L)·max_c (|Wᵀ|_termsᵀ|δy|)_c.
    func inputGradient(_ m: MaterialisedConvolution, dy: [Double]) -> CheckReport.Check {
        let direct = layer.referenceInputGradient(outputGradient: dy, weight: m.weights.weight)
        let dx = m.matrix.multiply(dy, transposed: true)
        let exact = isExact(m.weights, dy)
        let counts = RoundingCounts(form)
        let magnitude = exact ? 0 : (termMagnitudes(m).multiply(dy.map(abs), transposed: true).max() ?? 0)
        let tolerance = exact ? 0 : Tolerance.betweenTwoSums(roundings: counts.entry - 1 + counts.column, counts.column, magnitude: magnitude)
        return .ran(
            .inputGradient, error: maxAbsDifference(dx, direct), tolerance: tolerance,
            note: "W δy (the transposed dgemv) against \(referenceWords.inputGradient)")
    }

    /// Check 4: the tied reduction of δy xᵀ against the slides' ∂E/∂w = [∂E/∂z ⋆ x].
    /// The data are integers, so the check is exact whatever the weights.
    func weightGradient(_ m: MaterialisedConvolution, x: [Double], dy: [Double]) -> CheckReport.Check {
        let direct = layer.referenceWeightGradient(input: x, outputGradient: dy)
        let gradients = m.backward(input: x, outputGradient: dy)
        return .ran(
            .weightGradient, error: maxAbsDifference(gradients.weight, direct), tolerance: exactUnlessFractionalPadding,
            note: "Σ over each parameter's tied entries of δy xᵀ against \(referenceWords.weightGradient)")
    }

    /// Check 4 for the bias: Σ of δy over each output map.
    func biasGradient(_ m: MaterialisedConvolution, x: [Double], dy: [Double]) -> CheckReport.Check {
        guard layer.biasShape != nil else { return .skipped(.biasGradient, because: "the layer has no bias") }
        let direct = layer.referenceBiasGradient(outputGradient: dy) ?? []
        let gradients = m.backward(input: x, outputGradient: dy)
        return .ran(
            .biasGradient, error: maxAbsDifference(gradients.bias ?? [], direct), tolerance: 0,
            note: "Σ_t δy_j(t) per output map against the reference")
    }

    /// The constant part: o = Wᵀ_valid (c·b) against the reference's output on x = 0.
    func offset(_ m: MaterialisedConvolution) -> CheckReport.Check {
        let c = form.offsetScale
        guard c != 0 else { return .skipped(.offset, because: "no constant padding value") }
        let zero = Array(repeating: 0.0, count: layer.input.count)
        let direct: [Double] = layer.referenceForward(x: zero, weight: m.weights.weight, bias: nil)
        let offset = m.offset ?? Array(repeating: 0, count: layer.output.count)
        let magnitude = abs(c) * (m.weights.weight.map(abs).max() ?? 0) * Double(layer.fanIn)
        let tolerance = isExact(m.weights, []) ? 0 : Tolerance.betweenTwoSums(terms: layer.fanIn, magnitude: magnitude)
        return .ran(
            .offset, error: maxAbsDifference(offset, direct), tolerance: tolerance,
            note: "o = Wᵀ_valid (c·b) with c = \(Self.noteNumber(c)) against the reference on x = 0")
    }

    /// Check 6, the dot test between independently written pairs:
    /// ⟨Wᵀx, y⟩ = ⟨x, [y ∗ w]⟩, the matrix's forward against the reference's backward,
    /// held to (γ_{m−1+K+n_out} + γ_{L+n_in})·⟨|Wᵀ|_terms|x|, |y|⟩ unless exact.
    func adjoint(_ m: MaterialisedConvolution, x: [Double], y: [Double]) -> CheckReport.Check {
        let left = dot(m.matrix.multiply(x), y)
        let backward = layer.referenceInputGradient(outputGradient: y, weight: m.weights.weight)
        let right = dot(x, backward)
        let exact = isExact(m.weights, x)
        let counts = RoundingCounts(form)
        let magnitude = exact ? 0 : dot(termMagnitudes(m).multiply(x.map(abs)), y.map(abs))
        let tolerance =
            exact
            ? 0 : Tolerance.betweenTwoSums(roundings: counts.entry - 1 + counts.row + y.count, counts.column + x.count, magnitude: magnitude)
        return .ran(
            .adjoint, error: abs(left - right), tolerance: tolerance,
            note: "⟨\(layer.isInputDependent ? "J(x)u" : "Wᵀx"), y⟩ = \(Self.noteNumber(left)) against \(referenceWords.adjoint) = \(Self.noteNumber(right))")
    }

    /// M_r = (|Wᵀ|_terms |x|)_r + |c|·Σ_border |v_p| + |b_r|: the sum of the absolute
    /// values of the products output unit r adds up, which the forward bound scales with.
    private func forwardMagnitudes(_ m: MaterialisedConvolution, x: [Double]) -> [Double] {
        var magnitudes = termMagnitudes(m).multiply(x.map(abs))
        let c = abs(m.form.offsetScale)
        for term in m.borderTerms { magnitudes[term.row] += c * abs(m.weights.weight[term.parameter]) }
        for r in magnitudes.indices { magnitudes[r] += abs(layer.biasParameter(ofRow: r).map { m.weights.bias?[$0] ?? 0 } ?? 0) }
        return magnitudes
    }

    /// |Wᵀ|_terms[r, c] = Σ_{terms (r, c, p, a)} |a|·|v_p| + |κ[r, c]|, which bounds what
    /// rounding the entry's own sum and the products with it can do (|Wᵀ| would lose
    /// it to cancellation; signed a or κ, a negative divisor_override's −½, would
    /// make it negative).
    func termMagnitudes(_ m: MaterialisedConvolution) -> Matrix {
        let tied = form.tied
        var magnitudes = Matrix(rows: tied.rows, columns: tied.columns)
        for entry in tied.constants { magnitudes[entry.row, entry.column] += abs(entry.value) }
        for (k, term) in tied.terms.enumerated() {
            magnitudes[term.row, term.column] += abs(tied.coefficient(ofTerm: k)) * abs(m.weights.weight[term.parameter])
        }
        return magnitudes
    }

    /// How the notes name the reference: the slides' formulas for a convolution,
    /// the kind's own formula otherwise.
    var referenceWords: (forward: String, inputGradient: String, weightGradient: String, adjoint: String) {
        if layer is Convolution {
            return ("the sliding-window sum", "[∂E/∂z ∗ w], a full convolution with the kernel", "[∂E/∂z ⋆ x], a cross-correlation", "⟨x, [y ∗ w]⟩")
        }
        if layer.isInputDependent {
            return (
                "J(x)·u from the \(layer.kind) formula (plain loops)", "J(x)ᵀδy from the \(layer.kind) formula (the gradient's routing)",
                "the reference's ∂E/∂v", "⟨u, J(x)ᵀy⟩ from the formula"
            )
        }
        return (
            "the \(layer.kind) reference (its formula, plain loops)", "the reference's adjoint of \(layer.kind)",
            "the reference's ∂E/∂v", "⟨x, reference adjoint(y)⟩"
        )
    }

    /// `integers: exact`, `integers, entries not dyadic: a rounding bound` or `reals: a rounding bound`.
    private func dataWords(exact: Bool, _ x: [Double]) -> String {
        if exact { return "integers: exact" }
        return Tolerance.areSmallIntegers(x) ? "integers, entries not dyadic: a rounding bound" : "reals: a rounding bound"
    }

    /// The most products the reference adds for one output: its fan-in, or the
    /// longest row of Wᵀ (terms and constants) for a layer whose windows are not weights.
    var referenceSumLength: Int {
        max(layer.fanIn, RoundingCounts(form).row)
    }

    /// Six decimals below 10¹⁵ (integers as integers), six significant digits beyond.
    static func noteNumber(_ value: Double) -> String {
        abs(value) < 1e15 ? NumberFormat.compact(value, fractionDigits: 6) : NumberFormat.significant(value)
    }

    /// A small positive distance or bound in a note: six decimals, or three
    /// significant digits below 10⁻⁴, where six decimals would print 0.000000.
    static func noteDistance(_ value: Double) -> String {
        value != 0 && abs(value) < 1e-4 ? NumberFormat.significant(value, digits: 3) : noteNumber(value)
    }

    /// True when the weights, bias, padding value and data are small integers.
    func isExact(_ weights: LayerWeights, _ data: [Double]) -> Bool {
        Tolerance.areSmallIntegers(weights.weight + (weights.bias ?? []) + data + [form.offsetScale])
            && Tolerance.areSmallDyadics(form.tied.constants.map(\.value) + (form.tied.coefficients ?? []))
    }

    /// 0, unless a fractional padding value makes c·Σδy inexact. Then each side sums,
    /// over the P output positions of a parameter, the products δy·x̃ with |δy| ≤ 3 and
    /// |x̃| ≤ max(3, |c|): the matrix form exactly for the integers, then P + 1 roundings
    /// at most for the border terms; the reference P.
    private var exactUnlessFractionalPadding: Double {
        let c = form.offsetScale
        let positions = layer.output.mapSize
        let magnitude = 3 * Double(positions) * max(3, abs(c))
        return Tolerance.areSmallIntegers([c]) ? 0 : Tolerance.betweenTwoSums(roundings: positions + 1, positions, magnitude: magnitude)
    }
}
