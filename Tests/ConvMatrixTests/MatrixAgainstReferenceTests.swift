import Testing

@testable import ConvMatrix

/// The matrix form against the naive sliding-window reference. Weights, inputs and
/// output gradients are small integers, so every product and sum is an integer far
/// below 2⁵³ and Double arithmetic is exact: the comparisons are equalities.
@Suite struct MatrixAgainstReferenceTests {
    @Test(arguments: LayerCases.edges)
    func edgeCases(_ layerCase: LayerCase) throws {
        try assertMatrixEqualsReference(layerCase, seed: 1)
    }

    @Test(arguments: LayerCases.edgesInEveryMode)
    func edgeCasesInEveryPaddingMode(_ layerCase: LayerCase) throws {
        try assertMatrixEqualsReference(layerCase, seed: 2)
    }

    @Test(arguments: LayerCases.random(count: 300, seed: 2026))
    func randomConfigurations(_ layerCase: LayerCase) throws {
        try assertMatrixEqualsReference(layerCase, seed: 3)
    }

    /// PyLops' todense in reverse: Wᵀ built column by column from the reference,
    /// Wᵀ e_c = forward(e_c) − forward(0), equals the materialised matrix. One
    /// reference pass per column: layers of up to 300 input units.
    @Test(arguments: (LayerCases.edges + LayerCases.edgesInEveryMode).filter { (try? $0.layer().input.count) ?? 0 <= 300 })
    func matrixBuiltFromReferenceColumns(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let weights = LayerWeights.integers(for: layer, seed: 4)
        let m = try MaterialisedConvolution(layer, weights: weights)
        let zero = Array(repeating: 0.0, count: layer.input.count)
        let constant: [Double] = ReferenceConvolution.forward(spec: layer.spec, input: layer.input, x: zero, weight: weights.weight, bias: nil)
        for c in 0..<layer.input.count {
            var unit = zero
            unit[c] = 1
            let column: [Double] = ReferenceConvolution.forward(spec: layer.spec, input: layer.input, x: unit, weight: weights.weight, bias: nil)
            #expect(zip(column, constant).map { $0 - $1 } == m.matrix.column(c), "column \(c)")
        }
    }

    private func assertMatrixEqualsReference(_ layerCase: LayerCase, seed: UInt64) throws {
        let layer = try layerCase.layer()
        let weights = LayerWeights.integers(for: layer, seed: seed)
        let m = try MaterialisedConvolution(layer, weights: weights)
        var random = SplitMix64(seed: seed)
        let x = random.integers(layer.input.count)
        let dy = random.integers(layer.output.count)
        let spec = layer.spec, input = layer.input

        let direct: [Double] = ReferenceConvolution.forward(spec: spec, input: input, x: x, weight: weights.weight, bias: weights.bias)
        #expect(m.forward(x) == direct, "forward")

        let gradients = m.backward(input: x, outputGradient: dy)
        let dx: [Double] = ReferenceConvolution.inputGradient(spec: spec, input: input, outputGradient: dy, weight: weights.weight)
        let dw: [Double] = ReferenceConvolution.weightGradient(spec: spec, input: input, x: x, outputGradient: dy)
        #expect(gradients.input.column(0) == dx, "input gradient")
        #expect(gradients.weight == dw, "weight gradient")
        if spec.bias {
            let db: [Double] = ReferenceConvolution.biasGradient(spec: spec, input: input, outputGradient: dy)
            #expect(gradients.bias == db, "bias gradient")
        } else {
            #expect(gradients.bias == nil)
        }
    }
}
