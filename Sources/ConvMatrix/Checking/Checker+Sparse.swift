/// The check of a layer on the sparse path (``SparsePath``): the checks that scale,
/// on the compressed form (``CompressedMatrixForm``) and its batched passes
/// (``SparseLayer``), with no ``TiedMatrix`` of a direct-built kind and no dense Wᵀ.
/// The report lists the same checks, in the same order, as the dense path's.
///
/// - structure: every entry of a seeded sample of rows against the reference's
///   formal sum for those rows (``Layer/referenceFormalRows(_:)``);
/// - forward, input, weight and bias gradients, the offset and the adjoint test:
///   the sparse passes on the whole layer against the naive reference on a seeded
///   sample of units and weights (``SparseCheckSample``, the kind's sampled
///   reference: Layer+SampledReference.swift), exact on the integer data (a
///   rounding bound from |Wᵀ| on the reals or given weights);
/// - at a point x of an input-dependent layer: f(x) against its reference, and
///   central differences of f against the compressed J(x)·e_k on the dense path's
///   seeded sample of coordinate directions, with its step and tolerance
///   (Checker+Point.swift);
/// - finite differences of a linear layer's energy: skipped, said so in the note.
extension Checker {
    /// Rows whose entries the sparse path's structure check compares, at most.
    public static let sparseStructureRows = 2_048
    /// Products of the sampled rows' formal sums, at most (about 1 µs each, release build).
    public static let sparseStructureTaps = 750_000

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
        let point = (layer as? any InputDependentLayer).map { ($0, $0.pointValues) }
        if let (nonlinear, x) = point {
            checks.insert(forwardAtPoint(nonlinear, x: x), at: 1)
            let jacobian = try passes.linear(integerLayer)
            checks.append(
                finiteDifferencesAtPoint(nonlinear, x: x) { k in
                    var direction = Array(repeating: 0.0, count: x.count)
                    direction[k] = 1
                    return jacobian.forward(sampleRows: Self.row(direction)).storage
                })
        } else {
            checks.append(
                .skipped(
                    .finiteDifferences,
                    because:
                        "on the sparse path (\(sparseReason)): the layer is linear, so its derivatives are Wᵀ and W themselves, checked above against the reference"
                ))
        }
        checks.append(try passes.adjoint(gradientLayer, x: data.x, y: data.dy))
        try CheckRange.requireFiniteResults(checks)
        return CheckReport(
            spec: layer.specDescription, input: layer.input, seed: seed, point: point?.1, pointSource: point?.0.point.sourceDescription, checks: checks)
    }

    /// Which clause of ``SparsePath`` sent the layer here, in words.
    var sparseReason: String {
        if layer.entryCount > SparsePath.denseEntryLimit {
            return "a dense Wᵀ of \(NumberFormat.count(layer.entryCount)) entries, more than \(NumberFormat.count(SparsePath.denseEntryLimit))"
        }
        if layer.entryCountBound > SparsePath.termLimit { return "more than \(NumberFormat.count(SparsePath.termLimit)) terms" }
        return "its limits lowered"
    }

    /// A vector as a batch of one sample (one row).
    static func row(_ values: [Double]) -> Matrix {
        Matrix(rows: 1, columns: values.count, columnMajor: values)
    }

    /// Rows the structure check compares: ``sparseStructureRows``, fewer when the
    /// layer's fan-in would take the formal sums beyond ``sparseStructureTaps`` products
    /// (AlexNet's conv1, fan-in 363: 2,048 rows; Linear(9216, 4096): 81 rows of 9,216 products).
    static func sparseStructureRowLimit(_ layer: any Layer) -> Int {
        min(sparseStructureRows, max(1, sparseStructureTaps / max(1, layer.fanIn)))
    }

    /// Check 1 on a seeded sample of rows: the reference runs on formal variables
    /// (x_c for every input unit, v_p for every weight) for the sampled output units
    /// only (``Layer/referenceFormalRows(_:)``); row r's entries must be exactly the
    /// products a_{pc} v_p x_c, the constants b_c x_c (a Jacobian's entries) and the
    /// border terms c·v_p of that formal sum. Every row when there are no more than
    /// ``sparseStructureRowLimit(_:)``.
    func sparseStructure(_ form: CompressedMatrixForm) -> CheckReport.Check {
        let rows = SparseCheckSample.draw(form.tied.rows, limit: Self.sparseStructureRowLimit(layer), seed: seed ^ 0x5A3B_1E0F)
        let reference = layer.referenceFormalRows(rows)
        var tally = CoefficientTally()
        let (tied, border) = (form.tied, form.border)
        for (k, r) in rows.enumerated() {
            var expected: [SymbolicScalar.Pair: Double] = [:]
            for e in tied.entries(inRow: r) {
                expected[SymbolicScalar.Pair(parameter: Int(tied.parameterIndices[e]), input: Int(tied.columnIndices[e])), default: 0] +=
                    tied.coefficient(ofEntry: e)
            }
            var expectedInputs: [Int: Double] = [:]
            for e in tied.constants(inRow: r) { expectedInputs[Int(tied.constantColumns[e])] = tied.constantValues[e] }
            var expectedConstant: [Int: Double] = [:]
            for e in border.entries(inRow: r) { expectedConstant[Int(border.parameterIndices[e]), default: 0] += form.offsetScale }
            let found = reference[k].expanded
            tally.compare(expectedInputs, found.inputTerms) { c, matrix, sum in
                "row \(r + 1), column \(c + 1): Wᵀ holds the constant \(NumberFormat.compact(matrix)), the reference \(NumberFormat.compact(sum))"
            }
            tally.compare(expected, found.products) { pair, matrix, sum in
                "row \(r + 1), column \(pair.input + 1): Wᵀ has \(NumberFormat.compact(matrix)) × v\(pair.parameter + 1), the reference \(NumberFormat.compact(sum))"
            }
            tally.compare(expectedConstant, found.constantProducts) { p, matrix, sum in
                "row \(r + 1): the constant part of v\(p + 1) is \(matrix) in the matrix form, \(sum) in the reference"
            }
        }
        let scope =
            rows.count == tied.rows
            ? "all \(NumberFormat.count(tied.rows)) rows"
            : "a seeded sample of \(NumberFormat.count(rows.count)) of \(NumberFormat.count(tied.rows)) rows (sparse path: every entry of each sampled row against the reference's formal sum for that row alone)"
        let note =
            tally.first.map { "\(tally.mismatches) coefficient\(tally.mismatches == 1 ? "" : "s") differ; first: \($0)" }
            ?? "\(layer.isInputDependent ? "J(x)'s entries equal" : "terms equal") \(referenceWords.forward) on \(scope)"
        return .ran(.structure, error: tally.largest, tolerance: 0, note: note)
    }
}
