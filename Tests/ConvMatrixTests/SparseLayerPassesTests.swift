import Testing

@testable import ConvMatrix

/// The batched sparse passes equal MaterialisedLayer's dense BLAS passes exactly
/// on integer data, for every convolution edge case and every kind at random.
@Suite struct SparseLayerPassesTests {
    @Test(arguments: LayerCases.edges + LayerCases.edgesInEveryMode + CompressedTiedMatrixTests.lecun)
    func convolutionPassesEqualDensePasses(_ layerCase: LayerCase) throws {
        try assertPassesEqualDense(try layerCase.layer(), label: layerCase.testDescription, seed: 11)
    }

    @Test func everyKindsPassesEqualDensePasses() throws {
        var generator = SplitMix64(seed: 1313)
        for _ in 0..<150 {
            let (configuration, layer) = RandomLayerDraw.next(&generator)
            try assertPassesEqualDense(layer, label: "\(configuration.spec) on \(configuration.input)", seed: 12)
        }
    }

    /// One sample is a batch of one: the sample-rows layout of B = 1 is a plain vector.
    @Test func singleSampleMatchesDenseForward() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 3, padding=1, padding_mode='reflect')", input: "2x5x5").layer()
        let weights = LayerWeights.integers(for: layer, seed: 4)
        let sparse = try SparseLayer(layer, weights: weights)
        let dense = try MaterialisedLayer(layer, weights: weights)
        var random = SplitMix64(seed: 9)
        let x = random.integers(layer.input.count)
        #expect(sparse.forward(sampleRows: Matrix(rows: 1, columns: x.count, columnMajor: x)).storage == dense.forward(x))
    }

    private func assertPassesEqualDense(_ layer: any Layer, label: String, seed: UInt64) throws {
        let weights = LayerWeights.integers(for: layer, seed: seed)
        let dense = try MaterialisedLayer(layer, weights: weights)
        let sparse = try SparseLayer(layer, weights: weights)
        var random = SplitMix64(seed: seed)
        let batch = 3
        let x = Matrix(rows: layer.input.count, columns: batch, columnMajor: random.integers(layer.input.count * batch))
        let dy = Matrix(rows: layer.output.count, columns: batch, columnMajor: random.integers(layer.output.count * batch))
        #expect(sparse.offset == dense.offset, "offset of \(label)")
        #expect(sparse.rowConstant == dense.rowConstant, "o + b of \(label)")
        let expected = dense.backward(batch: x, outputGradients: dy)
        let actual = sparse.backward(batch: x, outputGradients: dy)
        #expect(actual.bias == expected.bias, "δb of \(label)")
        guard dense.matrix.storage.contains(where: { $0 != $0.rounded() }) else {
            #expect(sparse.forward(batch: x) == dense.forward(batch: x), "forward of \(label)")
            #expect(actual.input == expected.input, "δX of \(label)")
            #expect(actual.weight == expected.weight, "δv of \(label)")
            return
        }
        // Fractions in Wᵀ: the two orders of summation round differently, within Higham's bound.
        let rounding = SparseRounding(form: sparse.form, weight: weights.weight, rowConstant: dense.rowConstant)
        #expect(Self.within(sparse.forward(batch: x).storage, dense.forward(batch: x).storage, rounding.forward(x).storage), "forward of \(label)")
        #expect(Self.within(actual.input.storage, expected.input.storage, rounding.inputGradient(dy).storage), "δX of \(label)")
        #expect(Self.within(actual.weight, expected.weight, rounding.weightGradient(x, dy)), "δv of \(label)")
    }

    private static func within(_ a: [Double], _ b: [Double], _ bound: [Double]) -> Bool {
        a.count == b.count && a.indices.allSatisfy { abs(a[$0] - b[$0]) <= bound[$0] }
    }
}
