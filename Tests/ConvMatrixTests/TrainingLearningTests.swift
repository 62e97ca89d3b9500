import Testing

@testable import ConvMatrix

/// Learning happens, and the same seed gives the same run bit for bit.
@Suite struct TrainingLearningTests {
    /// A short run on the debug build: 700 training digits, one epoch at η = 0.1.
    static let trainingCount = 700
    static let testCount = 100

    /// The loss on 64 digits the run never sees falls over the run, and the run
    /// reads the test digits far better than chance (90 % error): under 50 % here
    /// (a generous bound); the full run's figures are in docs/training.md.
    @Test func theLossFallsAndAShortRunBeatsChance() throws {
        let network = try Network(named: "lenet1989")
        let split = DigitsSplit.standard
        let probe = Matrix(columns: Array(split.training.inputs[1200..<1264]), rows: 256)
        let probeLabels = Array(split.training.labels[1200..<1264])
        let initial = try TrainingNetwork(network, weights: Trainer.initialWeights(network, seed: 0))
        let before = try initial.lossAndGradients(batch: probe, labels: probeLabels).loss

        let result = try Trainer.run(
            network, training: split.training.prefix(Self.trainingCount), test: split.test.prefix(Self.testCount),
            options: TrainingOptions(epochs: 1, seed: 0, learningRate: 0.1))
        let trained = try TrainingNetwork(network, weights: result.weights)
        let after = try trained.lossAndGradients(batch: probe, labels: probeLabels).loss
        #expect(after < 0.8 * before, "loss on 64 unseen digits: \(before) before, \(after) after the run")
        #expect(result.testError < 0.5, "test error \(result.testError) after a short run")
        #expect(result.confusion.flatMap { $0 }.reduce(0, +) == Self.testCount)
        #expect(result.testMisses == Self.testCount - (0..<10).reduce(0) { $0 + result.confusion[$1][$1] })
        #expect(result.testError == Double(result.testMisses) / Double(Self.testCount))
    }

    /// Two runs from one seed agree in every loss, error and weight, bit for bit;
    /// another seed gives other weights.
    @Test func theSameSeedGivesTheSameRun() throws {
        let split = DigitsSplit.standard
        let network = try Network(named: "lenet1989")
        let options = TrainingOptions(epochs: 2, seed: 5, learningRate: 0.03, batch: 16)
        func run(_ options: TrainingOptions) throws -> TrainingResult {
            try Trainer.run(network, training: split.training.prefix(64), test: split.test.prefix(32), options: options)
        }
        let first = try run(options)
        let second = try run(options)
        #expect(first.epochs.map(\.loss.bitPattern) == second.epochs.map(\.loss.bitPattern))
        #expect(first.epochs.map(\.testError) == second.epochs.map(\.testError))
        #expect(first.confusion == second.confusion)
        for (name, weights) in first.weights.byLayer {
            #expect(weights.weight.map(\.bitPattern) == second.weights.byLayer[name]?.weight.map(\.bitPattern), "\(name)")
            #expect(weights.bias?.map(\.bitPattern) == second.weights.byLayer[name]?.bias?.map(\.bitPattern), "\(name)")
        }
        var other = options
        other.seed = 6
        #expect(try run(other).weights.byLayer["H1"]?.weight != first.weights.byLayer["H1"]?.weight)
    }
}
