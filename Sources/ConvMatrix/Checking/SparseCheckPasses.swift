/// Checks 2–4, the offset and the adjoint test on the sparse path: the batched
/// passes of ``SparseLayer`` (a batch of one) on the whole layer, against the kind's
/// naive reference on a seeded sample of units and parameters (``SparseCheckSample``;
/// ``Layer/referenceForward(x:weight:bias:units:)`` and its gradients), with the
/// rounding bounds of Checker+Passes.swift taken from the compressed rows.
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

    /// How the notes name the matrix and the reference.
    private var words: (forward: String, inputGradient: String, weightGradient: String, adjoint: String) { checker.referenceWords }
    private var product: String { layer.isInputDependent ? "J(x)·u" : "Wᵀx" }

    /// y = Wᵀx + o + b against the reference (a convolution's sliding-window sum), on the sampled output units.
    func forward(_ m: SparseLayer, x: [Double], name: CheckReport.Name) throws(ConvMatrixError) -> CheckReport.Check {
        let units = sample.outputUnits
        // The reference runs on the padded input, so it holds the offset, and adds the bias itself.
        let direct = layer.referenceForward(x: x, weight: m.weights.weight, bias: m.weights.bias, units: units)
        let full = m.forward(sampleRows: Checker.row(x)).storage
        let y = units.map { full[$0] }
        let exact = isExact(m.weights, x)
        let magnitudes = exact ? [] : try absolute(m, offsetScale: abs(form.offsetScale), bias: true).forward(sampleRows: Checker.row(x.map(abs))).storage
        let magnitude = units.map { magnitudes.isEmpty ? 0 : magnitudes[$0] }.max() ?? 0
        let tolerance = Tolerance.betweenTwoSums(roundings: counts.entry + counts.row + 1, max(layer.fanIn, counts.row) + 1, magnitude: magnitude)
        return .ran(
            name, error: maxAbsDifference(y, direct), tolerance: exact ? 0 : tolerance,
            note: "\(product)\(m.offset == nil ? "" : " + o")\(m.weights.bias == nil ? "" : " + b") (the sparse forward pass) against \(words.forward) on "
                + (exact ? "integers: exact" : "reals: a rounding bound") + ", on \(sample.scope(\.outputUnits, of: layer.output.count, "output units"))")
    }

    /// δx = W δy against the reference's adjoint ([∂E/∂z ∗ w] for a convolution) on the sampled input units.
    func inputGradient(_ m: SparseLayer, dy: [Double], dx: [Double]) throws(ConvMatrixError) -> CheckReport.Check {
        let units = sample.inputUnits
        let reference = layer.referenceInputGradient(outputGradient: dy, weight: m.weights.weight, units: units)
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
            note: "W δy (the sparse backward pass) against \(words.inputGradient) on "
                + sample.scope(\.inputUnits, of: layer.input.count, "input units"))
    }

    /// The tied reduction of δy xᵀ against the reference's ∂E/∂v ([∂E/∂z ⋆ x] for a
    /// convolution) on the sampled parameters: exact on the integer data unless c is fractional.
    func weightGradient(_ gradient: [Double], x: [Double], dy: [Double]) -> CheckReport.Check {
        let parameters = sample.parameters
        let direct = layer.referenceWeightGradient(input: x, outputGradient: dy, parameters: parameters)
        let c = form.offsetScale
        let positions = layer.output.mapSize
        let tolerance =
            Tolerance.areSmallIntegers([c])
            ? 0 : Tolerance.betweenTwoSums(roundings: positions + 1, positions, magnitude: 3 * Double(positions) * max(3, abs(c)))
        return .ran(
            .weightGradient, error: maxAbsDifference(parameters.map { gradient[$0] }, direct), tolerance: tolerance,
            note: "Σ over each parameter's entries of δy xᵀ (the sparse backward pass) against \(words.weightGradient) on "
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
        let direct = layer.referenceForward(x: zero, weight: m.weights.weight, bias: nil, units: units)
        let offset = m.offset ?? Array(repeating: 0, count: layer.output.count)
        let magnitude = abs(c) * (m.weights.weight.map(abs).max() ?? 0) * Double(layer.fanIn)
        let tolerance = isExact(m.weights, []) ? 0 : Tolerance.betweenTwoSums(terms: layer.fanIn, magnitude: magnitude)
        return .ran(
            .offset, error: maxAbsDifference(units.map { offset[$0] }, direct), tolerance: tolerance,
            note: "o = c·Σ_border v with c = \(Checker.noteNumber(c)) against the reference on x = 0, on "
                + sample.scope(\.outputUnits, of: layer.output.count, "output units"))
    }

    /// ⟨Wᵀx_S, y⟩ (the sparse forward, without o and b) against ⟨x_S, W y⟩ from the
    /// reference's backward ([y ∗ w] for a convolution), with x_S = x on the sampled
    /// input units S and 0 elsewhere: the reference's backward is needed on S only.
    func adjoint(_ m: SparseLayer, x: [Double], y: [Double]) throws(ConvMatrixError) -> CheckReport.Check {
        let units = sample.inputUnits
        var restricted = Array(repeating: 0.0, count: x.count)
        for u in units { restricted[u] = x[u] }
        let backward = layer.referenceInputGradient(outputGradient: y, weight: m.weights.weight, units: units)
        let linear = try linear(m)
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
            note: "⟨\(product), y⟩ = \(Checker.noteNumber(left)) (the sparse forward pass) against \(words.adjoint) = \(Checker.noteNumber(right))" + scope)
    }

    /// The linear part of `m`: its weights, no offset and a zero bias, so that its
    /// forward pass is Wᵀx alone (J(x)·u for an input-dependent layer).
    func linear(_ m: SparseLayer) throws(ConvMatrixError) -> SparseLayer {
        try absolute(m, offsetScale: 0, bias: false, signed: true)
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

    /// True when the weights, bias, padding value and data are small integers (each
    /// array scanned where it is: fc6's 37,748,736 weights are not copied to be read).
    private func isExact(_ weights: LayerWeights, _ data: [Double]) -> Bool {
        [weights.weight, weights.bias ?? [], data, [form.offsetScale]].allSatisfy(Tolerance.areSmallIntegers)
            && [form.tied.constantValues, form.tied.coefficients ?? []].allSatisfy(Tolerance.areSmallDyadics)
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
