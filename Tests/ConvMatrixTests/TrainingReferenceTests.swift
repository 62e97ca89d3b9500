import Testing

@testable import ConvMatrix

/// Matrix-form training is CNN training: LeNet 1989 trained a few SGD steps
/// through Wᵀ and W, and again through the naive sliding-window references
/// (``ReferenceTrainer``), from the same initial weights and the same examples,
/// holds the same weights after every step.
@Suite struct TrainingReferenceTests {
    /// The shipped LeNet 1989.
    static func lenet() throws -> Network {
        try Network(named: "lenet1989")
    }

    /// How far two runs of the same arithmetic in different orders may drift, per
    /// unit of the largest weight: γ_4096 ≈ 4.5·10⁻¹³. Each step's gradient of a
    /// parameter sums at most 768·25 products through four layers (one H1 kernel
    /// tap reads 64 outputs, H2's 16 of 12 maps' gradients, each of 30·10 paths),
    /// each product meeting fewer than 4,096 roundings on either side; the weights
    /// change by η·|δv| per step, and earlier differences carry over almost
    /// unchanged (η = 0.03 is small). A wrong index in either form moves a weight
    /// by a whole η·δv, orders of magnitude more.
    static let relativeTolerance = Tolerance.gamma(4096)

    @Test func trainingThroughTheMatricesFollowsTheReferenceStepByStep() throws {
        let network = try Self.lenet()
        let initial = LeCunInitialisation.weights(for: network, seed: 7)
        var matrices = try TrainingNetwork(network, weights: initial)
        var reference = ReferenceTrainer(network, weights: initial)
        let data = DigitsSplit.standard.training
        // Three steps of one example, then two of a batch of three.
        let batches: [[Int]] = [[0], [1], [2], [3, 4, 5], [6, 7, 8]]
        for (step, batch) in batches.enumerated() {
            let xs = batch.map { data.inputs[$0] }
            let labels = batch.map { data.labels[$0] }
            _ = try matrices.train(batch: Matrix(columns: xs, rows: 256), labels: labels, learningRate: 0.03)
            reference.step(xs, labels: labels, learningRate: 0.03)
            let trained = matrices.weights.byLayer
            #expect(Set(trained.keys) == Set(reference.weights.keys))
            for (name, weights) in trained {
                let expected = try #require(reference.weights[name])
                let before = try #require(initial.byLayer[name])
                let scale = max(before.weight.map(abs).max() ?? 0, 1e-3)
                let moved = maxAbsDifference(weights.weight, before.weight)
                #expect(moved > 0, "step \(step + 1): \(name)'s weights did not move")
                let difference = maxAbsDifference(weights.weight, expected.weight)
                #expect(difference <= Self.relativeTolerance * scale, "step \(step + 1): \(name) weight differs by \(difference)")
                let biasDifference = maxAbsDifference(weights.bias ?? [], expected.bias ?? [])
                #expect(biasDifference <= Self.relativeTolerance * scale, "step \(step + 1): \(name) bias differs by \(biasDifference)")
            }
        }
    }

    /// The reference trainer is not blind: a step on another example gives other weights.
    @Test func theComparisonWouldSeeAnotherExample() throws {
        let network = try Self.lenet()
        let initial = LeCunInitialisation.weights(for: network, seed: 7)
        var matrices = try TrainingNetwork(network, weights: initial)
        var reference = ReferenceTrainer(network, weights: initial)
        let data = DigitsSplit.standard.training
        _ = try matrices.train(batch: Matrix(columns: [data.inputs[0]], rows: 256), labels: [data.labels[0]], learningRate: 0.03)
        reference.step([data.inputs[1]], labels: [data.labels[1]], learningRate: 0.03)
        let h1 = try #require(matrices.weights.byLayer["H1"])
        let expected = try #require(reference.weights["H1"])
        #expect(maxAbsDifference(h1.weight, expected.weight) > 1e3 * Self.relativeTolerance)
    }
}
