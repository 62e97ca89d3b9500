/// The check of a layer on the sparse path (``SparsePath``): the checks that scale,
/// on the compressed form (``CompressedMatrixForm``) and its batched passes
/// (``SparseLayer``), with no ``TiedMatrix`` and no dense Wᵀ.
///
/// - structure: every entry of a seeded sample of ``sparseStructureRows`` rows
///   against the reference's formal sum for that row alone
///   (``ReferenceConvolution/forward(spec:input:x:weight:units:)``);
/// - forward, input, weight and bias gradients, the offset and the adjoint test:
///   the sparse passes on the whole layer against the naive reference on a seeded
///   sample of units and weights (``SparseCheckSample``), exact on the integer
///   data (a rounding bound from |Wᵀ| on the reals or given weights);
/// - finite differences: skipped, said so in the note.
extension Checker {
    /// Rows whose entries the sparse path's structure check compares, at most.
    public static let sparseStructureRows = 2_048

    func runSparse(budget: MemoryBudget) throws(ConvMatrixError) -> CheckReport {
        let data = CheckData(layer: layer, seed: seed)
        let compressed = try CompressedMatrixForm(layer, budget: budget)
        let integerLayer = try SparseLayer(compressed, weights: data.integerWeights)
        let realLayer = try SparseLayer(compressed, weights: data.realWeights)
        let givenLayer = try givenWeights.map { w throws(ConvMatrixError) in try SparseLayer(compressed, weights: w) }
        let passes = SparseCheckPasses(checker: self, form: compressed, sample: SparseCheckSample(layer: layer, seed: seed))
        var checks = [sparseStructure(compressed)]
        if let givenLayer {
            checks.append(.skipped(.forwardIntegers, because: "replaced by the given weights"))
            checks.append(try passes.forward(givenLayer, x: data.x, name: .forwardGivenWeights))
        } else {
            checks.append(try passes.forward(integerLayer, x: data.x, name: .forwardIntegers))
            checks.append(.skipped(.forwardGivenWeights, because: "no --weight given"))
        }
        checks.append(try passes.forward(realLayer, x: data.realX, name: .forwardReals))
        let gradientLayer = givenLayer ?? integerLayer
        let gradients = gradientLayer.backward(sampleRows: Self.row(data.x), outputGradientRows: Self.row(data.dy))
        checks.append(try passes.inputGradient(gradientLayer, dy: data.dy, dx: gradients.input.storage))
        checks.append(passes.weightGradient(gradients.weight, x: data.x, dy: data.dy))
        checks.append(passes.biasGradient(gradients.bias, dy: data.dy))
        checks.append(passes.offset(gradientLayer))
        checks.append(
            .skipped(
                .finiteDifferences,
                because:
                    "on the sparse path (more than \(NumberFormat.count(SparsePath.termLimit)) terms): the layer is linear, so its derivatives are "
                    + "Wᵀ and W themselves, checked above against the reference"))
        checks.append(try passes.adjoint(gradientLayer, x: data.x, y: data.dy))
        try CheckRange.requireFiniteResults(checks)
        return CheckReport(spec: layer.specDescription, input: layer.input, seed: seed, point: nil, pointSource: nil, checks: checks)
    }

    /// A vector as a batch of one sample (one row).
    static func row(_ values: [Double]) -> Matrix {
        Matrix(rows: 1, columns: values.count, columnMajor: values)
    }

    /// Check 1 on a seeded sample of rows: the reference runs once on formal
    /// variables (x_c for every input unit, v_p for every weight), but only for
    /// the sampled output units, each at the cost of its fan-in; row r's entries
    /// must be exactly the products a_{pc} v_p x_c and the border terms c·v_p of
    /// that formal sum. Every row when there are no more than ``sparseStructureRows``.
    func sparseStructure(_ form: CompressedMatrixForm) -> CheckReport.Check {
        guard let convolution = layer as? Convolution else { preconditionFailure("the sparse path is for convolutions") }
        let rows = SparseCheckSample.draw(form.tied.rows, limit: Self.sparseStructureRows, seed: seed ^ 0x5A3B_1E0F)
        let xs: [SymbolicScalar] = (0..<layer.input.count).map { .input($0) }
        let ws: [SymbolicScalar] = (0..<layer.weightParameterCount).map { .parameter($0) }
        let reference = ReferenceConvolution.forward(spec: convolution.spec, input: layer.input, x: xs, weight: ws, units: rows)
        var tally = CoefficientTally()
        let (tied, border) = (form.tied, form.border)
        for (k, r) in rows.enumerated() {
            var expected: [SymbolicScalar.Pair: Double] = [:]
            for e in tied.entries(inRow: r) {
                expected[SymbolicScalar.Pair(parameter: Int(tied.parameterIndices[e]), input: Int(tied.columnIndices[e])), default: 0] +=
                    tied.coefficient(ofEntry: e)
            }
            var expectedConstant: [Int: Double] = [:]
            for e in border.entries(inRow: r) { expectedConstant[Int(border.parameterIndices[e]), default: 0] += form.offsetScale }
            let found = reference[k].expanded
            tally.compare(expected, found.products) { pair, matrix, sum in
                "row \(r + 1), column \(pair.input + 1): Wᵀ has \(NumberFormat.compact(matrix)) × v\(pair.parameter + 1), the sliding-window sum \(NumberFormat.compact(sum))"
            }
            tally.compare(expectedConstant, found.constantProducts) { p, matrix, sum in
                "row \(r + 1): the constant part of v\(p + 1) is \(matrix) in the matrix form, \(sum) in the sliding-window sum"
            }
        }
        let scope =
            rows.count == tied.rows
            ? "all \(NumberFormat.count(tied.rows)) rows"
            : "a seeded sample of \(NumberFormat.count(rows.count)) of \(NumberFormat.count(tied.rows)) rows (sparse path: every entry of each sampled row against the reference's formal sum for that row alone)"
        let note =
            tally.first.map { "\(tally.mismatches) coefficient\(tally.mismatches == 1 ? "" : "s") differ; first: \($0)" }
            ?? "terms equal the sliding-window sum on \(scope)"
        return .ran(.structure, error: tally.largest, tolerance: 0, note: note)
    }
}
