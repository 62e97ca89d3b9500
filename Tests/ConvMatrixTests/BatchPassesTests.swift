import Testing

@testable import ConvMatrix

/// A batch (one dgemm) is the same as its samples one by one (dgemv, dger).
@Suite struct BatchPassesTests {
    @Test(arguments: Array(LayerCases.edges.prefix(12)) + Array(LayerCases.edgesInEveryMode.prefix(8)))
    func batchEqualsSamples(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let m = try MaterialisedConvolution(layer, weights: LayerWeights.integers(for: layer.spec, seed: 5))
        var random = SplitMix64(seed: 6)
        let samples = 3
        let xs = (0..<samples).map { _ in random.integers(layer.input.count) }
        let dys = (0..<samples).map { _ in random.integers(layer.output.count) }
        let batchX = Matrix(columns: xs, rows: layer.input.count)
        let batchDY = Matrix(columns: dys, rows: layer.output.count)

        let outputs = m.forward(batch: batchX)
        for s in 0..<samples { #expect(outputs.column(s) == m.forward(xs[s]), "sample \(s)") }

        let batch = m.backward(batch: batchX, outputGradients: batchDY)
        let single = (0..<samples).map { m.backward(input: xs[$0], outputGradient: dys[$0]) }
        for s in 0..<samples { #expect(batch.input.column(s) == single[s].input.column(0), "δx of sample \(s)") }
        let summedWeight = single.map(\.weight).reduce(Array(repeating: 0.0, count: batch.weight.count)) { zip($0, $1).map(+) }
        #expect(batch.weight == summedWeight)
        if let bias = batch.bias {
            let summedBias = single.compactMap(\.bias).reduce(Array(repeating: 0.0, count: bias.count)) { zip($0, $1).map(+) }
            #expect(bias == summedBias)
        }
    }
}
