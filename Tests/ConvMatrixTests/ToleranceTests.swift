import Testing

@testable import ConvMatrix

/// The rounding bounds of Tolerance.swift: wide enough for entries that sum
/// several parameters, tight enough that a corrupted entry still fails.
@Suite struct ToleranceTests {
    static let folding = "Conv1d(1, 1, kernel_size=2, padding='full', bias=False, padding_mode='replicate')"

    /// On one input unit both taps of both windows fold onto one column:
    /// Wᵀ = [v₁ + v₂; v₁ + v₂], so m = 2 per entry, K = 2 per row, L = 4 in the column.
    @Test func roundingCountsOfAFoldedLayer() throws {
        let counts = RoundingCounts(try LayerCase(spec: Self.folding, input: "1x1").layer().matrixForm())
        #expect(counts.entry == 2 && counts.row == 2 && counts.column == 4)
        let plain = RoundingCounts(try LayerCase(spec: "Conv1d(2, 3, 3)", input: "2x6").layer().matrixForm())
        #expect(plain.entry == 1 && plain.row == 6 && plain.column == 3 * 3)
    }

    /// The false failure of `check --random` (seed 334): v₁ ≈ −v₂ made |Wᵀ||x| tiny
    /// while the rounding of v₁ + v₂ is u·|v₁|.
    @Test func theSeed334FalseFailurePasses() throws {
        let report = try Checker(layer: LayerCase(spec: Self.folding, input: "1x1").layer(), seed: 334).run()
        let reals = try #require(report[.forwardReals])
        #expect(reals.passed == true && reals.maxAbsError! > 0, "\(reals)")
        #expect(report.passed)
    }

    /// Folding layers in every mode, many seeds: no real-valued check fails.
    @Test(arguments: [
        LayerCase(spec: folding, input: "1x1"), LayerCase(spec: "Conv1d(1, 1, 3, padding=2, padding_mode='reflect')", input: "1x3"),
        LayerCase(spec: "Conv1d(1, 2, 5, padding=2, padding_mode='circular', bias=False)", input: "1x2"),
        LayerCase(spec: "Conv2d(1, 1, 3, padding=2, padding_mode='replicate')", input: "1x2x2"),
    ])
    func foldingLayersPassOnManySeeds(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        for seed in UInt64(0)..<300 {
            let report = try Checker(layer: layer, seed: seed).run()
            #expect(report.passed, "seed \(seed): \(report.failures.map { "\($0.name.rawValue) \($0.maxAbsError!) > \($0.tolerance!)" })")
        }
    }

    /// Real weights, one term moved: the forward and adjoint bounds still catch it.
    @Test func aCorruptedEntryFailsTheRealValuedChecks() throws {
        let layer = try LayerCase(spec: "Conv1d(2, 3, kernel_size=3, padding=1, padding_mode='reflect', bias=False)", input: "2x6").layer()
        let form = layer.matrixForm()
        var terms = form.tied.terms
        let moved = try #require(terms.firstIndex { $0.row == 1 && $0.column < form.tied.columns - 1 })
        terms[moved].column += 1
        let t = form.tied
        let corrupted = MatrixForm(
            layer: layer,
            tied: TiedMatrix(
                rows: t.rows, columns: t.columns, rowBlockSize: t.rowBlockSize, columnBlockSize: t.columnBlockSize,
                parameters: t.parameters, terms: terms),
            borderTerms: form.borderTerms)
        let report = try Checker(form: corrupted, weights: .pytorchDefault(for: layer.spec, seed: 9)).run()
        for name in [CheckReport.Name.forwardGivenWeights, .forwardReals, .inputGradient, .adjoint] {
            let check = try #require(report[name])
            #expect(check.passed == false, "\(name.rawValue): \(check.maxAbsError!) ≤ \(check.tolerance!)")
        }
    }

    /// Finite differences perturb up to 200 parameters whatever the size of Wᵀ
    /// (y is linear in them: no rebuild), a seeded sample beyond, and the note reports what ran.
    @Test func finiteDifferencesReportTheParametersTheyPerturb() throws {
        let layer = try LayerCase(spec: "Conv2d(4, 8, 3)", input: "4x10x10").layer()
        let parameters = layer.spec.weightParameterCount + layer.spec.biasParameterCount
        let check = try #require(try Checker(layer: layer).run()[.finiteDifferences])
        #expect(parameters > Checker.finiteDifferenceSample)
        #expect(check.note.contains("\(Checker.finiteDifferenceSample) of \(parameters) parameters (a seeded sample)"), "\(check.note)")
        #expect(check.passed == true)
        let wide = try LayerCase(spec: "Conv1d(1, 1, 3, bias=False)", input: "1x300").layer()
        let note = try #require(try Checker(layer: wide).run()[.finiteDifferences]).note
        #expect(note.contains("200 of 300 inputs and 3 of 3 parameters"), "\(note)")
    }
}
