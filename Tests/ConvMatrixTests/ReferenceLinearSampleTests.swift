import Testing

@testable import ConvMatrix

/// Linear's sampled reference (what the sparse check runs on fc6-sized layers)
/// against its whole-layer passes, and the in-place formal sum it relies on.
@Suite struct ReferenceLinearSampleTests {
    @Test(arguments: [("Linear(6, 3)", "4x6"), ("Linear(9, 4, bias=False)", "9"), ("Linear(3, 5)", "2x2x3")])
    func everyUnitWeightAndRowEqualsTheWholePass(_ spec: String, _ input: String) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        let weights = LayerWeights.integers(for: layer, seed: 6)
        var random = SplitMix64(seed: 9)
        let x = (0..<layer.input.count).map { _ in Double(random.nextInt(in: -3...3)) }
        let dy = (0..<layer.output.count).map { _ in Double(random.nextInt(in: -3...3)) }
        let outputs = Array((0..<layer.output.count).reversed()) + [0]
        let whole: [Double] = layer.referenceForward(x: x, weight: weights.weight, bias: weights.bias)
        #expect(layer.referenceForward(x: x, weight: weights.weight, bias: weights.bias, units: outputs) == outputs.map { whole[$0] })
        let inputs = Array(0..<layer.input.count)
        #expect(
            layer.referenceInputGradient(outputGradient: dy, weight: weights.weight, units: inputs)
                == layer.referenceInputGradient(outputGradient: dy, weight: weights.weight))
        let parameters = Array(0..<layer.weightParameterCount)
        #expect(
            layer.referenceWeightGradient(input: x, outputGradient: dy, parameters: parameters) == layer.referenceWeightGradient(input: x, outputGradient: dy))
        let xs: [SymbolicScalar] = (0..<layer.input.count).map { .input($0) }
        let ws: [SymbolicScalar] = (0..<layer.weightParameterCount).map { .parameter($0) }
        let formal = layer.referenceForward(x: xs, weight: ws, bias: nil)
        #expect(layer.referenceFormalRows(outputs) == outputs.map { formal[$0] })
    }

    /// a += b is a + b, on forms with cancelling products, inputs, offsets and constants.
    @Test func anInPlaceSumIsTheSum() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let terms: [SymbolicScalar] = (0..<6).map { _ in
                let (p, c) = (random.nextInt(in: 0...2), random.nextInt(in: 0...2))
                let scale = SymbolicScalar(paddingValue: Double(random.nextInt(in: -2...2)))
                switch random.nextInt(in: 0...4) {
                case 0: return .parameter(p) * .input(c)
                case 1: return scale * .input(c)
                case 2: return .parameter(p) * scale
                case 3: return scale
                default: return .zero
                }
            }
            var inPlace = SymbolicScalar.zero
            var sum = SymbolicScalar.zero
            for term in terms {
                inPlace += term
                sum = sum + term
            }
            #expect(inPlace == sum)
        }
    }
}
