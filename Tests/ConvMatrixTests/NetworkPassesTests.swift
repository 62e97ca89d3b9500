import Testing

@testable import ConvMatrix

/// A network's forward and backward passes through its layers' matrices, held
/// to the layers' plain-loop references composed by hand and to finite differences.
@Suite struct NetworkPassesTests {
    static let residual = """
        input 2x5x5
        r: Residual:
          Conv2d(2, 3, 3, padding=1, padding_mode='constant', padding_value=-1)
          Tanh()
          Conv2d(3, 3, 3, stride=2, padding=1)
          shortcut:
            Conv2d(2, 3, 1, stride=2)
        Sigmoid()
        """

    static let concat = """
        input 2x4x4
        Concat:
          branch:
            Conv2d(2, 1, 1)
          branch:
            Conv2d(2, 2, 3, padding=1, bias='untied')
            Tanh()
          branch:
            AvgPool2d(3, stride=1, padding=1)
        Residual:
          Conv2d(5, 5, 3, padding=1, groups=5)
        Flatten()
        Linear(80, 3)
        """

    /// y from each layer's reference (referenceForward, or referenceValue for f), composed
    /// as the block says: x + F(x), S(x) + F(x), or the branches stacked.
    static func reference(_ nodes: [NetworkNode], _ x: [Double], weights: NetworkWeights) -> [Double] {
        nodes.reduce(x) { value, node in
            switch node {
            case .layer(let layer):
                if let f = layer.layer as? any InputDependentLayer { return f.referenceValue(at: value) }
                let w = weights.weights(for: layer)
                return layer.layer.referenceForward(x: value, weight: w.weight, bias: w.bias)
            case .residual(let block):
                let f = reference(block.body, value, weights: weights)
                let s = block.shortcut.map { reference($0, value, weights: weights) } ?? value
                return zip(s, f).map { $0 + $1 }
            case .concat(let block):
                return block.branches.flatMap { reference($0.nodes, value, weights: weights) }
            }
        }
    }

    static func draw(_ count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in generator.nextSymmetric(bound: 1) }
    }

    @Test(arguments: [residual, concat])
    func theForwardPassIsTheReferenceComposed(_ text: String) throws {
        let network = try Network(parsing: text, name: "t")
        let weights = NetworkWeights.pytorchDefault(for: network, seed: 7)
        let materialised = try MaterialisedNetwork(network, weights: weights)
        let x = Self.draw(network.input.count, seed: 3)
        let y = materialised.forward(x)
        let expected = Self.reference(network.nodes, x, weights: weights)
        #expect(y.count == network.output.count)
        #expect(zip(y, expected).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    }

    /// A linear network's output is exact with integer weights and data: the residual's
    /// I + Wᵀ_F and the concatenation's stacked blocks, against the reference loops.
    @Test func aLinearNetworkIsExactOnIntegers() throws {
        let text = """
            input 2x4x4
            Residual:
              Conv2d(2, 2, 3, padding=1)
              SumPool2d(1)
            Concat:
              branch:
                Conv2d(2, 1, 1, bias=False)
              branch:
                Identity()
            """
        let network = try Network(parsing: text, name: "t")
        let weights = NetworkWeights.integers(for: network, seed: 5)
        let x = (0..<network.input.count).map { Double($0 % 5) - 2 }
        #expect(try MaterialisedNetwork(network, weights: weights).forward(x) == Self.reference(network.nodes, x, weights: weights))
    }

    /// ∂E/∂x and every ∂E/∂θ for E = ½‖y‖², against central differences of the forward pass.
    @Test(arguments: [residual, concat])
    func theBackwardPassAgreesWithFiniteDifferences(_ text: String) throws {
        let network = try Network(parsing: text, name: "t")
        let weights = NetworkWeights.pytorchDefault(for: network, seed: 11)
        let x = Self.draw(network.input.count, seed: 4)
        let materialised = try MaterialisedNetwork(network, weights: weights)
        let y = materialised.forward(x)
        let gradients = try materialised.backward(input: x, outputGradient: y)
        func energy(_ m: MaterialisedNetwork, _ x: [Double]) -> Double { m.forward(x).reduce(0) { $0 + $1 * $1 } / 2 }
        let h = 1e-5
        for u in 0..<x.count {
            var plus = x, minus = x
            plus[u] += h
            minus[u] -= h
            let difference = (energy(materialised, plus) - energy(materialised, minus)) / (2 * h)
            #expect(abs(difference - gradients.input[u]) <= 1e-6 * max(1, abs(difference)), "∂E/∂x[\(u)]")
        }
        for layer in network.layers where NetworkWeights.hasParameters(layer.layer) {
            let base = weights.weights(for: layer)
            let layerGradients = try #require(gradients.layers[layer.name])
            let all = base.weight + (base.bias ?? [])
            let analytic = layerGradients.weight + (layerGradients.bias ?? [])
            for p in stride(from: 0, to: all.count, by: max(1, all.count / 12)) {
                func shifted(_ by: Double) throws -> Double {
                    var values = all
                    values[p] += by
                    var changed = weights
                    let split = base.weight.count
                    changed.byLayer[layer.name] = LayerWeights(
                        unchecked: Array(values[..<split]), bias: base.bias == nil ? nil : Array(values[split...]))
                    return energy(try MaterialisedNetwork(network, weights: changed), x)
                }
                let difference = (try shifted(h) - shifted(-h)) / (2 * h)
                #expect(abs(difference - analytic[p]) <= 1e-6 * max(1, abs(difference)), "∂E/∂θ[\(p)] of \(layer.name)")
            }
        }
    }

    @Test func everyLayerIsSeededDistinctly() throws {
        let network = try Network(parsing: "input 1x6\nConv1d(1, 1, 3)\nConv1d(1, 1, 3)", name: "t")
        let weights = NetworkWeights.pytorchDefault(for: network, seed: 1)
        #expect(weights.byLayer["Conv1d_1"] != weights.byLayer["Conv1d_2"])
        #expect(NetworkWeights.pytorchDefault(for: network, seed: 1).byLayer == weights.byLayer)
    }

    @Test func theSizeGuardRefusesANetworkTooLargeToMaterialise() throws {
        let network = try Network(parsing: "input 3x227x227\nConv2d(3, 96, 11, stride=4)", name: "big")
        #expect(throws: ConvMatrixError.self) {
            try MaterialisedNetwork(network, weights: NetworkWeights(byLayer: [:]), budget: MemoryBudget(limitBytes: 1 << 20))
        }
    }
}
