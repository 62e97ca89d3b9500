/// Checks 2–4, the offset and the adjoint test on the sparse path: the batched
/// passes of ``SparseLayer`` (a batch of one) on the whole layer, against the naive
/// reference on a seeded sample of units and parameters (``SparseCheckSample``),
/// with the rounding bounds of Checker+Passes.swift taken from the compressed rows.
///
/// On integer data every product and sum is an exact integer, so those runs are
/// held to 0; otherwise |Wᵀ| (the passes with |v|, |x|, |c|) scales the bound.
struct SparseCheckPasses {
    let checker: Checker
    let form: CompressedMatrixForm
    let sample: SparseCheckSample
    /// m: the most consecutive entries on one (row, column); K: the most entries a row reads; L: the most on one column.
    let counts: (entry: Int, row: Int, column: Int)

    init(checker: Checker, form: CompressedMatrixForm, sample: SparseCheckSample) {
        self.checker = checker
        self.form = form
        self.sample = sample
        counts = Self.roundingCounts(form)
    }

    var layer: any Layer { form.layer }

    private var spec: ConvolutionSpec {
        guard let convolution = layer as? Convolution else { preconditionFailure("the sparse path is for convolutions") }
        return convolution.spec
    }

    /// y = Wᵀx + o + b against the sliding-window sum, on the sampled output units.
    func forward(_ m: SparseLayer, x: [Double], name: CheckReport.Name) throws(ConvMatrixError) -> CheckReport.Check {
        let units = sample.outputUnits
        let reference = ReferenceConvolution.forward(spec: spec, input: layer.input, x: x, weight: m.weights.weight, units: units)
        // The per-unit sum runs on the padded input, so it holds the offset; the bias is added as the reference adds it.
        let direct = units.indices.map { k in (layer.biasParameter(ofRow: units[k]).map { m.weights.bias?[$0] ?? 0 } ?? 0) + reference[k] }
        let full = m.forward(sampleRows: Checker.row(x)).storage
        let y = units.map { full[$0] }
        let exact = isExact(m.weights, x)
        let magnitudes = exact ? [] : try absolute(m, offsetScale: abs(form.offsetScale), bias: true).forward(sampleRows: Checker.row(x.map(abs))).storage
        let magnitude = units.map { magnitudes.isEmpty ? 0 : magnitudes[$0] }.max() ?? 0
        let tolerance = Tolerance.betweenTwoSums(roundings: counts.entry + counts.row + 1, max(layer.fanIn, counts.row) + 1, magnitude: magnitude)
        return .ran(
            name, error: maxAbsDifference(y, direct), tolerance: exact ? 0 : tolerance,
            note: "Wᵀx\(m.offset == nil ? "" : " + o")\(m.weights.bias == nil ? "" : " + b") (the sparse forward pass) against the sliding-window sum on "
                + (exact ? "integers: exact" : "reals: a rounding bound") + ", on \(sample.scope(\.outputUnits, of: layer.output.count, "output units"))")
    }

    /// δx = W δy against [∂E/∂z ∗ w] on the sampled input units.
    func inputGradient(_ m: SparseLayer, dy: [Double], dx: [Double]) throws(ConvMatrixError) -> CheckReport.Check {
        let units = sample.inputUnits
        let reference = ReferenceConvolution.inputGradient(spec: spec, input: layer.input, outputGradient: dy, weight: m.weights.weight, units: units)
        let exact = isExact(m.weights, dy)
        let magnitudes =
            exact
            ? []
            : try absolute(m, offsetScale: 0, bias: false).backward(
                sampleRows: Checker.row(Array(repeating: 0, count: layer.input.count)), outputGradientRows: Checker.row(dy.map(abs))
            ).input.storage
        let magnitude = units.map { magnitudes.isEmpty ? 0 : magnitudes[$0] }.max() ?? 0
        let tolerance = exact ? 0 : Tolerance.betweenTwoSums(roundings: counts.entry - 1 + counts.column, counts.column, magnitude: magnitude)
        return .ran(
            .inputGradient, error: maxAbsDifference(units.map { dx[$0] }, reference), tolerance: tolerance,
            note: "W δy (the sparse backward pass) against [∂E/∂z ∗ w], a full convolution with the kernel, on "
                + sample.scope(\.inputUnits, of: layer.input.count, "input units"))
    }

    /// The tied reduction of δy xᵀ against [∂E/∂z ⋆ x] on the sampled parameters:
    /// exact on the integer data unless c is fractional.
    func weightGradient(_ gradient: [Double], x: [Double], dy: [Double]) -> CheckReport.Check {
        let parameters = sample.parameters
        let direct = ReferenceConvolution.weightGradient(spec: spec, input: layer.input, x: x, outputGradient: dy, parameters: parameters)
        let c = form.offsetScale
        let positions = layer.output.mapSize
        let tolerance =
            Tolerance.areSmallIntegers([c])
            ? 0 : Tolerance.betweenTwoSums(roundings: positions + 1, positions, magnitude: 3 * Double(positions) * max(3, abs(c)))
        return .ran(
            .weightGradient, error: maxAbsDifference(parameters.map { gradient[$0] }, direct), tolerance: tolerance,
            note: "Σ over each parameter's entries of δy xᵀ (the sparse backward pass) against [∂E/∂z ⋆ x], a cross-correlation, on "
                + sample.scope(\.parameters, of: layer.weightParameterCount, "weights"))
    }

    /// Σ δy per output map.
    func biasGradient(_ gradient: [Double]?, dy: [Double]) -> CheckReport.Check {
        guard layer.biasShape != nil else { return .skipped(.biasGradient, because: "the layer has no bias") }
        return .ran(
            .biasGradient, error: maxAbsDifference(gradient ?? [], layer.referenceBiasGradient(outputGradient: dy) ?? []), tolerance: 0,
            note: "Σ_t δy_j(t) per output map against the reference")
    }

    /// o = c·Σ_border v_p against the reference on x = 0, on the sampled output units.
    func offset(_ m: SparseLayer) -> CheckReport.Check {
        let c = form.offsetScale
        guard c != 0 else { return .skipped(.offset, because: "no constant padding value") }
        let units = sample.outputUnits
        let zero = Array(repeating: 0.0, count: layer.input.count)
        let direct = ReferenceConvolution.forward(spec: spec, input: layer.input, x: zero, weight: m.weights.weight, units: units)
        let offset = m.offset ?? Array(repeating: 0, count: layer.output.count)
        let magnitude = abs(c) * (m.weights.weight.map(abs).max() ?? 0) * Double(layer.fanIn)
        let tolerance = isExact(m.weights, []) ? 0 : Tolerance.betweenTwoSums(terms: layer.fanIn, magnitude: magnitude)
        return .ran(
            .offset, error: maxAbsDifference(units.map { offset[$0] }, direct), tolerance: tolerance,
            note: "o = c·Σ_border v with c = \(Checker.noteNumber(c)) against the reference on x = 0, on "
                + sample.scope(\.outputUnits, of: layer.output.count, "output units"))
    }

    /// ⟨Wᵀx_S, y⟩ (the sparse forward, without o and b) against ⟨x_S, [y ∗ w]⟩ (the
    /// reference's backward), with x_S = x on the sampled input units S and 0 elsewhere:
    /// the reference's backward is needed on S only.
    func adjoint(_ m: SparseLayer, x: [Double], y: [Double]) throws(ConvMatrixError) -> CheckReport.Check {
        let units = sample.inputUnits
        var restricted = Array(repeating: 0.0, count: x.count)
        for u in units { restricted[u] = x[u] }
        let backward = ReferenceConvolution.inputGradient(spec: spec, input: layer.input, outputGradient: y, weight: m.weights.weight, units: units)
        let linear = try absolute(m, offsetScale: 0, bias: false, signed: true)
        let left = dot(linear.forward(sampleRows: Checker.row(restricted)).storage, y)
        let right = dot(units.map { x[$0] }, backward)
        let exact = isExact(m.weights, x)
        let magnitude =
            exact ? 0 : dot(try absolute(m, offsetScale: 0, bias: false).forward(sampleRows: Checker.row(restricted.map(abs))).storage, y.map(abs))
        let tolerance =
            exact ? 0 : Tolerance.betweenTwoSums(roundings: counts.entry - 1 + counts.row + y.count, counts.column + x.count, magnitude: magnitude)
        let scope = units.count == x.count ? "" : ", x_S = x on \(sample.scope(\.inputUnits, of: layer.input.count, "input units")), 0 elsewhere"
        return .ran(
            .adjoint, error: abs(left - right), tolerance: tolerance,
            note: "⟨Wᵀx, y⟩ = \(Checker.noteNumber(left)) (the sparse forward pass) against ⟨x, [y ∗ w]⟩ = \(Checker.noteNumber(right))" + scope)
    }

    /// The layer with |v| (or v when `signed`), |b| (or a zero bias), and offset scale
    /// `offsetScale`: its forward on |x| is |Wᵀ| |x| plus the chosen constant part.
    private func absolute(_ m: SparseLayer, offsetScale: Double, bias: Bool, signed: Bool = false) throws(ConvMatrixError) -> SparseLayer {
        let scaled = CompressedMatrixForm(
            layer: form.layer, tied: form.tied, border: form.border, offsetScale: offsetScale, gradientTied: form.gradientTied)
        let weight = signed ? m.weights.weight : m.weights.weight.map(abs)
        let weights = LayerWeights(unchecked: weight, bias: m.weights.bias.map { b in bias ? b.map(abs) : b.map { _ in 0 } })
        // |v| can overflow where the signed sums cancel: bad input (`.numerical`), as CheckRange says.
        return try SparseLayer(scaled, weights: weights)
    }

    /// True when the weights, bias, padding value and data are small integers.
    private func isExact(_ weights: LayerWeights, _ data: [Double]) -> Bool {
        Tolerance.areSmallIntegers(weights.weight + (weights.bias ?? []) + data + [form.offsetScale])
            && Tolerance.areSmallDyadics(form.tied.constantValues + (form.tied.coefficients ?? []))
    }

    /// m, K and L from one scan of the compressed rows.
    private static func roundingCounts(_ form: CompressedMatrixForm) -> (entry: Int, row: Int, column: Int) {
        let tied = form.tied
        var (entry, row) = (1, 0)
        var columns = Array(repeating: 0, count: tied.columns)
        for r in 0..<tied.rows {
            row = max(row, tied.entries(inRow: r).count + tied.constants(inRow: r).count + form.border.entries(inRow: r).count)
            var run = 0
            var previous: Int32 = -1
            for k in tied.entries(inRow: r) {
                run = tied.columnIndices[k] == previous ? run + 1 : 1
                previous = tied.columnIndices[k]
                entry = max(entry, run)
                columns[Int(previous)] += 1
            }
            for k in tied.constants(inRow: r) { columns[Int(tied.constantColumns[k])] += 1 }
        }
        return (entry + (tied.coefficients == nil ? 0 : 1), row, columns.max() ?? 0)
    }
}
