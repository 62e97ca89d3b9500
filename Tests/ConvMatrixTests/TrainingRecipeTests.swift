import Foundation
import Testing

@testable import ConvMatrix

/// The recipe's parts: the initialisation's bounds and fan-ins, the loss and its
/// gradient, the forms each layer trains on, and what a run refuses.
@Suite struct TrainingRecipeTests {
    /// H1 reads 25 taps, H2 8·25 = 200 (its connection table), H3 192, the output 30;
    /// every weight lies within ±2.4/F, the biases start at 0.
    @Test func weightsAreUniformInPlusMinus2Point4OverTheFanIn() throws {
        let network = try Network(named: "lenet1989")
        let weights = LeCunInitialisation.weights(for: network, seed: 0)
        let expected = ["H1": 25, "H2": 200, "H3": 192, "output": 30]
        #expect(Set(weights.byLayer.keys) == Set(expected.keys))
        for (name, fanIn) in expected {
            let layer = try #require(network.layer(named: name))
            #expect(Set(LeCunInitialisation.fanIns(of: layer.layer)) == [fanIn], "\(name)")
            let values = try #require(weights.byLayer[name])
            let bound = 2.4 / Double(fanIn)
            #expect(values.weight.allSatisfy { abs($0) <= bound }, "\(name)")
            // Uniform: the largest draw comes close to the bound.
            #expect((values.weight.map(abs).max() ?? 0) > 0.9 * bound, "\(name)")
            #expect(values.bias?.allSatisfy { $0 == 0 } == true, "\(name)")
        }
        #expect(weights.byLayer["H1"]?.bias?.count == 12 * 8 * 8)
    }

    /// E = 1/(K·B) Σ (y − t)² and ∂E/∂y = 2(y − t)/(K·B), on numbers worked by hand.
    @Test func theLossIsTheMeanSquaredErrorAgainstPlusMinusOne() {
        let y = Matrix(rows: 3, columns: 2, columnMajor: [1, -1, 0, 0.5, 0.5, -1])
        // Sample 0, label 0: targets (1, −1, −1), errors (0, 0, 1). Sample 1, label 2: targets (−1, −1, 1), errors (1.5, 1.5, −2).
        #expect(TrainingLoss.loss(outputs: y, labels: [0, 2]) == (0 + 0 + 1 + 2.25 + 2.25 + 4) / 6)
        #expect(TrainingLoss.outputGradient(outputs: y, labels: [0, 2]).storage == [0, 0, 1, 1.5, 1.5, -2].map { 2 * $0 / 6 })
        #expect(TrainingLoss.predictions(y) == [0, 0])
    }

    /// H1 and H2 train on the compressed form, H3 and the output on the dense one.
    @Test func convolutionsTrainCompressedAndLinearLayersDense() throws {
        let network = try Network(named: "lenet1989")
        let trainee = try TrainingNetwork(network, weights: LeCunInitialisation.weights(for: network, seed: 0))
        let forms = Dictionary(uniqueKeysWithValues: zip(trainee.layerNames, trainee.formNames))
        #expect(forms["H1"] == "compressed Wᵀ" && forms["H2"] == "compressed Wᵀ")
        #expect(forms["H3"] == "dense Wᵀ" && forms["output"] == "dense Wᵀ")
        #expect(forms["ScaledTanh_1"] == "elementwise")
    }

    @Test(arguments: [
        (TrainingOptions(epochs: 0), "epochs"), (TrainingOptions(epochs: 1001), "epochs"),
        (TrainingOptions(learningRate: 0), "learning-rate"), (TrainingOptions(learningRate: -1), "learning-rate"),
        (TrainingOptions(learningRate: .infinity), "learning-rate"), (TrainingOptions(learningRate: .nan), "learning-rate"),
        (TrainingOptions(batch: 0), "batch"), (TrainingOptions(batch: 1298), "batch"),
    ])
    func optionsOutOfRangeAreRefused(options: TrainingOptions, field: String) {
        #expect(throws: ConvMatrixError.self) { try options.validate(trainingCount: 1297) }
        do {
            try options.validate(trainingCount: 1297)
        } catch {
            #expect(error.field == field && error.kind == .option)
        }
        #expect(throws: Never.self) { try TrainingOptions().validate(trainingCount: 1297) }
    }

    /// A network of other shapes is refused in one line naming both.
    @Test func aNetworkOfOtherShapesIsRefused() throws {
        let network = try Network(parsing: "input 1x8x8\nFlatten()\nLinear(64, 10)", name: "small")
        do {
            try TrainingNetwork.requireDigitsShapes(network)
            Issue.record("accepted a 1x8x8 network")
        } catch {
            #expect(error.field == "network")
            #expect(error.reason.contains("1x16x16") && error.reason.contains("1x8x8") && !error.reason.contains("\n"))
        }
        #expect(throws: Never.self) { try TrainingNetwork.requireDigitsShapes(try Network(named: "lenet1989")) }
    }

    /// A learning rate so large that the weights overflow ends the run with an error, not a trap.
    @Test func aDivergingRunIsAnError() throws {
        let split = DigitsSplit.standard
        let network = try Network(parsing: "input 1x16x16\nFlatten()\nLinear(256, 10)", name: "linear")
        do {
            _ = try Trainer.run(
                network, training: split.training.prefix(8), test: split.test.prefix(4), options: TrainingOptions(epochs: 1000, learningRate: 1e300))
            Issue.record("a run at η = 1e300 finished")
        } catch {
            #expect(error.field == "learning-rate" && error.kind == .numerical && error.reason.contains("diverged"))
        }
    }

    /// --save writes LeNet 1989's layout, NAME.weight.npy and NAME.bias.npy (the
    /// untied H1 bias as (12, 8, 8)), which ``NetworkWeights/init(directory:for:budget:)`` reads back exactly.
    @Test func savedWeightsReadBackExactly() throws {
        let network = try Network(named: "lenet1989")
        var weights = LeCunInitialisation.weights(for: network, seed: 2)
        weights.byLayer["H1"]?.bias = (0..<768).map { Double($0) / 7 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-save-\(UUID().uuidString)").path
        let written = try TrainingSaving.save(weights, of: network, to: directory)
        #expect(
            written.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
                == ["H1", "H2", "H3", "output"].flatMap { [$0 + ".bias.npy", $0 + ".weight.npy"] })
        let read = try NetworkWeights(directory: directory, for: network)
        #expect(read.byLayer == weights.byLayer)
        let h1 = try NpyArray(contentsOf: directory + "/H1.bias.npy")
        #expect(h1.shape == [12, 8, 8])
    }
}
