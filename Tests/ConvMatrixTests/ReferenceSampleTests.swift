import Testing

@testable import ConvMatrix

/// The reference's per-unit and per-parameter gradients (what the sparse path's
/// check samples) equal its whole-layer passes, entry for entry, on integer data.
@Suite struct ReferenceSampleTests {
    static let cases = LayerCases.edges + LayerCases.edgesInEveryMode + LayerCases.random(count: 60, seed: 77)

    @Test(arguments: cases)
    func everyUnitAndWeightEqualsTheWholePass(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let (spec, input) = (layer.spec, layer.input)
        let weight = LayerWeights.integers(for: layer, seed: 6).weight
        var random = SplitMix64(seed: 9)
        let x = (0..<input.count).map { _ in Double(random.nextInt(in: -3...3)) }
        let dy = (0..<layer.output.count).map { _ in Double(random.nextInt(in: -3...3)) }
        let wholeInput: [Double] = ReferenceConvolution.inputGradient(spec: spec, input: input, outputGradient: dy, weight: weight)
        let sampledInput: [Double] = ReferenceConvolution.inputGradient(
            spec: spec, input: input, outputGradient: dy, weight: weight, units: Array(0..<input.count))
        #expect(sampledInput == wholeInput, "\(layerCase.testDescription)")
        let wholeWeight: [Double] = ReferenceConvolution.weightGradient(spec: spec, input: input, x: x, outputGradient: dy)
        let sampledWeight: [Double] = ReferenceConvolution.weightGradient(
            spec: spec, input: input, x: x, outputGradient: dy, parameters: Array(0..<weight.count))
        #expect(sampledWeight == wholeWeight, "\(layerCase.testDescription)")
    }

    /// A sample is the units it names, in any order and with repeats.
    @Test func aSampleReturnsTheUnitsItNames() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 4, 3, stride=2, dilation=2, padding=3, padding_mode='circular', groups=2)", input: "2x9x8").layer()
        let weight = LayerWeights.integers(for: layer, seed: 1).weight
        let dy = (0..<layer.output.count).map { Double($0 % 7 - 3) }
        let whole: [Double] = ReferenceConvolution.inputGradient(spec: layer.spec, input: layer.input, outputGradient: dy, weight: weight)
        let units = [143, 0, 17, 17, 88]
        let sampled: [Double] = ReferenceConvolution.inputGradient(spec: layer.spec, input: layer.input, outputGradient: dy, weight: weight, units: units)
        #expect(sampled == units.map { whole[$0] })
    }

    @Test func theCheckSamplesAboveItsLimitsAndSaysSo() {
        let drawn = SparseCheckSample.draw(100_000, limit: 1_000, seed: 4)
        #expect(drawn.count == 1_000 && Set(drawn).count == 1_000 && drawn == drawn.sorted() && drawn.allSatisfy { (0..<100_000).contains($0) })
        #expect(SparseCheckSample.draw(100_000, limit: 1_000, seed: 4) == drawn)
        #expect(SparseCheckSample.draw(500, limit: 1_000, seed: 4) == Array(0..<500))
    }
}
