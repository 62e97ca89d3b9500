import Testing

@testable import ConvMatrix

/// The gradient training follows is the loss's: central differences of E on a
/// seeded sample of parameters of every layer, at initialisation and after some
/// steps, agree with ∂E/∂v and ∂E/∂b from the backward pass through W.
@Suite struct TrainingGradientTests {
    /// Parameters per layer and kind (weight, bias) drawn for the comparison.
    static let sampled = 4
    /// The step h of (E(v + h) − E(v − h)) / 2h.
    static let step = 1e-5

    @Test func backwardAgreesWithFiniteDifferencesAtInitialisationAndAfterTraining() throws {
        let network = try Network(named: "lenet1989")
        var trainee = try TrainingNetwork(network, weights: LeCunInitialisation.weights(for: network, seed: 3))
        let data = DigitsSplit.standard.training
        let x = Matrix(columns: [data.inputs[10], data.inputs[11]], rows: 256)
        let labels = [data.labels[10], data.labels[11]]
        try compare(trainee, x, labels, seed: 1)
        for k in 0..<12 {
            _ = try trainee.train(batch: Matrix(columns: [data.inputs[k]], rows: 256), labels: [data.labels[k]], learningRate: 0.03)
        }
        try compare(trainee, x, labels, seed: 2)
    }

    /// The same through max pooling (its Jacobian at each sample) and ReLU, away from ties and kinks.
    @Test func backwardThroughMaxPoolingAgreesWithFiniteDifferences() throws {
        let network = try Network(
            parsing: "input 1x16x16\nConv2d(1, 2, 3, padding=1)\nMaxPool2d(2)\nTanh()\nFlatten()\nLinear(128, 10)", name: "pooled")
        let trainee = try TrainingNetwork(network, weights: LeCunInitialisation.weights(for: network, seed: 4))
        let data = DigitsSplit.standard.training
        try compare(trainee, Matrix(columns: [data.inputs[3], data.inputs[4]], rows: 256), [data.labels[3], data.labels[4]], seed: 3)
    }

    /// For each layer with parameters, `sampled` weights and biases: the analytic
    /// derivative against the central difference. The difference's truncation
    /// error is h²/6·|E‴| and its rounding about u·|E|/h; with E ≲ 4 and h = 10⁻⁵
    /// both are below 10⁻⁹, held against 10⁻⁷ + 10⁻⁴·|∂E/∂v|.
    private func compare(_ trainee: TrainingNetwork, _ x: Matrix, _ labels: [Int], seed: UInt64) throws {
        let (_, gradients) = try trainee.lossAndGradients(batch: x, labels: labels)
        var random = SplitMix64(seed: seed)
        let weights = trainee.weights
        var checked = 0
        for layer in trainee.network.layers {
            guard let current = weights.byLayer[layer.name], let analytic = gradients[layer.name] else { continue }
            for isBias in [false, true] {
                let count = isBias ? current.bias?.count ?? 0 : current.weight.count
                guard count > 0 else { continue }
                for _ in 0..<Self.sampled {
                    let p = random.nextInt(in: 0...(count - 1))
                    let numeric = try difference(trainee, weights, layer: layer.name, parameter: p, isBias: isBias, x, labels)
                    let exact = isBias ? analytic.bias?[p] ?? .nan : analytic.weight[p]
                    #expect(abs(numeric - exact) <= 1e-7 + 1e-4 * abs(exact), "\(layer.name) \(isBias ? "bias" : "weight") \(p): \(exact) vs \(numeric)")
                    checked += 1
                }
            }
        }
        #expect(checked == 2 * weights.byLayer.count * Self.sampled)
    }

    /// (E(v + h e_p) − E(v − h e_p)) / 2h.
    private func difference(
        _ trainee: TrainingNetwork, _ weights: NetworkWeights, layer: String, parameter p: Int, isBias: Bool, _ x: Matrix, _ labels: [Int]
    ) throws -> Double {
        var losses: [Double] = []
        for sign in [1.0, -1.0] {
            var values = try #require(weights.byLayer[layer])
            if isBias { values.bias?[p] += sign * Self.step } else { values.weight[p] += sign * Self.step }
            let shifted = try trainee.setting(layer, to: values)
            losses.append(TrainingLoss.loss(outputs: shifted.forward(batch: x), labels: labels))
        }
        return (losses[0] - losses[1]) / (2 * Self.step)
    }
}
