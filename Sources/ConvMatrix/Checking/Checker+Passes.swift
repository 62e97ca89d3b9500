/// Checks 2, 3, 4, 6 and the offset: the numbers of the matrix form against the reference.
extension Checker {
    /// Check 2: y = Wᵀx + o + b against direct convolution. Held to 0 when weights,
    /// bias, padding value and input are small integers, else to 2γ_K (|Wᵀ||x| + |o| + |b|)_max
    /// with K the longest row plus its constants.
    func forward(_ m: MaterialisedConvolution, x: [Double], name: CheckReport.Name) -> CheckReport.Check {
        let direct: [Double] = ReferenceConvolution.forward(spec: spec, input: layer.input, x: x, weight: m.weights.weight, bias: m.weights.bias)
        let y = m.forward(x)
        let magnitude = absoluteForward(m, x: x)
        let exact = isExact(m.weights, x)
        let k = longestRow + form.borderTerms.count + 2
        let tolerance = exact ? 0 : (magnitude.max() ?? 0) * 2 * Tolerance.gamma(k)
        return .ran(
            name, error: maxAbsDifference(y, direct), tolerance: tolerance,
            note:
                "Wᵀx\(m.offset == nil ? "" : " + o")\(m.weights.bias == nil ? "" : " + b") (dgemv) against the sliding-window sum on \(exact ? "integers: exact" : "reals: a rounding bound")"
        )
    }

    /// Check 3: δx = W δy against the slides' ∂E/∂x = [∂E/∂z ∗ w], a full convolution.
    func inputGradient(_ m: MaterialisedConvolution, dy: [Double]) -> CheckReport.Check {
        let direct: [Double] = ReferenceConvolution.inputGradient(spec: spec, input: layer.input, outputGradient: dy, weight: m.weights.weight)
        let dx = m.matrix.multiply(dy, transposed: true)
        let exact = isExact(m.weights, dy)
        let magnitude = m.matrix.absolute.multiply(dy.map(abs), transposed: true).max() ?? 0
        let tolerance = exact ? 0 : Tolerance.betweenTwoSums(terms: m.matrix.rows, magnitude: magnitude)
        return .ran(
            .inputGradient, error: maxAbsDifference(dx, direct), tolerance: tolerance,
            note: "W δy (the transposed dgemv) against [∂E/∂z ∗ w], a full convolution with the kernel")
    }

    /// Check 4: the tied reduction of δy xᵀ against the slides' ∂E/∂w = [∂E/∂z ⋆ x].
    /// The data are integers, so the check is exact whatever the weights.
    func weightGradient(_ m: MaterialisedConvolution, x: [Double], dy: [Double]) -> CheckReport.Check {
        let direct: [Double] = ReferenceConvolution.weightGradient(spec: spec, input: layer.input, x: x, outputGradient: dy)
        let gradients = m.backward(input: x, outputGradient: dy)
        return .ran(
            .weightGradient, error: maxAbsDifference(gradients.weight, direct), tolerance: exactUnlessFractionalPadding,
            note: "Σ over each parameter's tied entries of δy xᵀ (dger) against [∂E/∂z ⋆ x], a cross-correlation")
    }

    /// Check 4 for the bias: Σ of δy over each output map.
    func biasGradient(_ m: MaterialisedConvolution, x: [Double], dy: [Double]) -> CheckReport.Check {
        guard spec.bias else { return .skipped(.biasGradient, because: "the layer has no bias") }
        let direct: [Double] = ReferenceConvolution.biasGradient(spec: spec, input: layer.input, outputGradient: dy)
        let gradients = m.backward(input: x, outputGradient: dy)
        return .ran(
            .biasGradient, error: maxAbsDifference(gradients.bias ?? [], direct), tolerance: 0,
            note: "Σ_t δy_j(t) per output map against the reference")
    }

    /// The constant part: o = Wᵀ_valid (c·b) against the reference's output on x = 0.
    func offset(_ m: MaterialisedConvolution) -> CheckReport.Check {
        guard case .constant(let c) = spec.paddingMode, c != 0 else {
            return .skipped(.offset, because: "no constant padding value")
        }
        let zero = Array(repeating: 0.0, count: layer.input.count)
        let direct: [Double] = ReferenceConvolution.forward(spec: spec, input: layer.input, x: zero, weight: m.weights.weight, bias: nil)
        let offset = m.offset ?? Array(repeating: 0, count: layer.output.count)
        let magnitude = abs(c) * (m.weights.weight.map(abs).max() ?? 0) * Double(spec.fanIn)
        let tolerance = isExact(m.weights, []) ? 0 : Tolerance.betweenTwoSums(terms: spec.fanIn, magnitude: magnitude)
        return .ran(
            .offset, error: maxAbsDifference(offset, direct), tolerance: tolerance,
            note: "o = Wᵀ_valid (c·b) with c = \(NumberFormat.compact(c)) against the reference on x = 0")
    }

    /// Check 6, the dot test between independently written pairs:
    /// ⟨Wᵀx, y⟩ = ⟨x, [y ∗ w]⟩, the matrix's forward against the reference's backward.
    func adjoint(_ m: MaterialisedConvolution, x: [Double], y: [Double]) -> CheckReport.Check {
        let left = dot(m.matrix.multiply(x), y)
        let backward: [Double] = ReferenceConvolution.inputGradient(spec: spec, input: layer.input, outputGradient: y, weight: m.weights.weight)
        let right = dot(x, backward)
        let magnitude = dot(m.matrix.absolute.multiply(x.map(abs)), y.map(abs))
        let tolerance = isExact(m.weights, x) ? 0 : Tolerance.betweenTwoSums(terms: form.tied.termCount + x.count, magnitude: magnitude)
        return .ran(
            .adjoint, error: abs(left - right), tolerance: tolerance,
            note: "⟨Wᵀx, y⟩ = \(NumberFormat.compact(left, fractionDigits: 6)) against ⟨x, [y ∗ w]⟩ = \(NumberFormat.compact(right, fractionDigits: 6))")
    }

    /// (|Wᵀ||x|)_r + |o_r| + |b_r|: the magnitude the forward rounding bound scales with.
    private func absoluteForward(_ m: MaterialisedConvolution, x: [Double]) -> [Double] {
        zip(m.matrix.absolute.multiply(x.map(abs)), m.rowConstant).map { $0 + abs($1) }
    }

    /// The most terms in one row of Wᵀ.
    var longestRow: Int {
        (0..<form.tied.rows).map { form.tied.terms(inRow: $0).count }.max() ?? 0
    }

    /// True when the weights, bias, padding value and data are small integers.
    func isExact(_ weights: LayerWeights, _ data: [Double]) -> Bool {
        Tolerance.areSmallIntegers(weights.weight + (weights.bias ?? []) + data + [layer.padding.borderValue])
    }

    /// 0, unless a fractional padding value makes c·Σδy inexact.
    private var exactUnlessFractionalPadding: Double {
        let c = layer.padding.borderValue
        return Tolerance.areSmallIntegers([c]) ? 0 : abs(c) * 3 * Double(layer.output.count) * Tolerance.gamma(layer.output.count)
    }
}

extension Matrix {
    /// |A|, entrywise: for rounding bounds.
    var absolute: Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: storage.map(abs))
    }
}
