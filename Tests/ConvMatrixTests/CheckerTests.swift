import Testing

@testable import ConvMatrix

/// The checker passes on every correct layer.
@Suite struct CheckerTests {
    @Test(arguments: LayerCases.edges + LayerCases.edgesInEveryMode)
    func everyEdgeCaseInEveryModePasses(_ layerCase: LayerCase) throws {
        let report = try Checker(layer: layerCase.layer(), seed: 3).run()
        #expect(report.passed, "\(report.failures.map { "\($0.name.rawValue): \($0.note)" })")
        #expect(report[.structure]?.ran == true)
        #expect(report[.finiteDifferences]?.maxAbsError == 0)
    }

    @Test(arguments: LayerCases.random(count: 200, seed: 77))
    func randomConfigurationsPass(_ layerCase: LayerCase) throws {
        let report = try Checker(layer: layerCase.layer(), seed: 11).run()
        #expect(report.passed, "\(report.failures.map { "\($0.name.rawValue): \($0.note)" })")
    }

    /// Integer runs are held to exactly 0; the real run to a positive rounding bound.
    @Test func tolerancesAreZeroForIntegersAndARoundingBoundForReals() throws {
        let report = try Checker(layer: LayerCase(spec: "Conv2d(4, 12, 5)", input: "4x14x14").layer()).run()
        #expect(report[.forwardIntegers]?.tolerance == 0)
        let reals = try #require(report[.forwardReals])
        #expect(reals.tolerance! > 0 && reals.tolerance! < 1e-12)
        #expect(reals.maxAbsError! <= reals.tolerance!)
    }

    @Test func givenWeightsReplaceTheIntegerRun() throws {
        let layer = try LayerCase(spec: "Conv1d(2, 3, 3)", input: "2x6").layer()
        let weights = LayerWeights.pytorchDefault(for: layer.spec, seed: 5)
        let report = try Checker(layer: layer, weights: weights).run()
        #expect(report[.forwardIntegers]?.ran == false)
        #expect(report[.forwardGivenWeights]?.passed == true)
        #expect(report.passed)
    }

    @Test func structureSamplesLargeLayersAndSaysSo() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 3, padding=1)", input: "2x8x8").layer()
        var checker = Checker(layer: layer)
        checker.structureTapLimit = 300
        #expect(layer.tapCount > checker.structureTapLimit)
        let check = checker.structure()
        #expect(check.passed == true)
        #expect(check.note.contains("seeded sample"))
    }
}
