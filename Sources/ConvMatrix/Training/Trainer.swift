import Foundation

/// A training run of a digits network (``TrainingNetwork/requireDigitsShapes(_:)``)
/// by the recipe of ``TrainingOptions``, through the matrices.
///
///     seeds        s_w, s_o = the first two values of SplitMix64(seed)
///     weights      LeCunInitialisation(s_w)
///     each epoch   the training set in Fisher–Yates order from SplitMix64(s_o)
///                  (one generator for the whole run), cut into batches of B
///                  (the last one shorter), one SGD step each;
///                  then the training and the test error on the whole sets
///
/// Determinism: the same network, data and options give the same losses, errors
/// and weights bit for bit on one machine (the arithmetic is in a fixed order;
/// only the seconds differ).
public enum Trainer {
    /// Samples per forward pass when measuring an error: bounds the batch held in memory.
    static let evaluationChunk = 128

    /// Trains `network` on `training`, measuring on `test`, and calls `progress`
    /// after every epoch.
    ///
    /// - Throws: ``ConvMatrixError``: a network of other shapes (`network`),
    ///   options out of range (`epochs`, `learning-rate`, `batch`), matrices over
    ///   `budget`, or a run that diverged (`learning-rate`).
    public static func run(
        _ network: Network, training: DigitsSplit.Part = DigitsSplit.standard.training, test: DigitsSplit.Part = DigitsSplit.standard.test,
        options: TrainingOptions = TrainingOptions(), budget: MemoryBudget = .default, progress: (TrainingEpoch) -> Void = { _ in }
    ) throws(ConvMatrixError) -> TrainingResult {
        try TrainingNetwork.requireDigitsShapes(network)
        try options.validate(trainingCount: training.count)
        let started = DispatchTime.now().uptimeNanoseconds
        var order = SplitMix64(seed: seeds(options.seed).order)
        var trainee = try TrainingNetwork(network, weights: initialWeights(network, seed: options.seed), budget: budget)
        var epochs: [TrainingEpoch] = []
        for epoch in 1...options.epochs {
            let epochStart = DispatchTime.now().uptimeNanoseconds
            let loss = try pass(&trainee, over: training, batch: options.batch, learningRate: options.learningRate, order: &order)
            let record = TrainingEpoch(
                epoch: epoch, loss: loss, trainError: error(trainee, on: training), testError: error(trainee, on: test),
                seconds: seconds(since: epochStart))
            epochs.append(record)
            progress(record)
        }
        let predictions = self.predictions(trainee, on: test)
        let misses = zip(predictions, test.labels).filter { $0 != $1 }.count
        return TrainingResult(
            network: network.name, options: options, trainSize: training.count, testSize: test.count, epochs: epochs,
            trainError: epochs.last?.trainError ?? error(trainee, on: training), testError: fraction(misses, test.count), testMisses: misses,
            confusion: TrainingResult.confusion(labels: test.labels, predictions: predictions, classes: TrainingNetwork.digitsClasses),
            seconds: seconds(since: started),
            layerTimes: zip(trainee.layerNames, zip(trainee.formNames, trainee.seconds)).map {
                TrainingLayerTime(name: $0.0, form: $0.1.0, seconds: $0.1.1)
            },
            weights: trainee.weights)
    }

    /// s_w and s_o: the first two values of SplitMix64(seed).
    static func seeds(_ seed: UInt64) -> (weights: UInt64, order: UInt64) {
        var streams = SplitMix64(seed: seed)
        let weights = streams.next()
        return (weights, streams.next())
    }

    /// The weights a run with `seed` starts from.
    public static func initialWeights(_ network: Network, seed: UInt64) -> NetworkWeights {
        LeCunInitialisation.weights(for: network, seed: seeds(seed).weights)
    }

    /// One epoch: the set in a fresh shuffled order, batch by batch. Returns the
    /// mean loss, each step's E weighted by its batch's size.
    static func pass(
        _ trainee: inout TrainingNetwork, over set: DigitsSplit.Part, batch: Int, learningRate: Double, order: inout SplitMix64
    ) throws(ConvMatrixError) -> Double {
        var indices = Array(0..<set.count)
        DigitsSplit.shuffle(&indices, with: &order)
        var total = 0.0
        for start in stride(from: 0, to: indices.count, by: batch) {
            let chosen = indices[start..<min(start + batch, indices.count)]
            let x = Matrix(columns: chosen.map { set.inputs[$0] }, rows: DigitsPreparation.shape.count)
            let loss = try trainee.train(batch: x, labels: chosen.map { set.labels[$0] }, learningRate: learningRate)
            total += loss * Double(chosen.count)
        }
        return total / Double(max(1, indices.count))
    }

    /// The class the network reads off each sample of `set`.
    public static func predictions(_ trainee: TrainingNetwork, on set: DigitsSplit.Part) -> [Int] {
        stride(from: 0, to: set.count, by: evaluationChunk).flatMap { start in
            let inputs = Array(set.inputs[start..<min(start + evaluationChunk, set.count)])
            return TrainingLoss.predictions(trainee.forward(batch: Matrix(columns: inputs, rows: DigitsPreparation.shape.count)))
        }
    }

    /// The fraction of `set` misclassified.
    public static func error(_ trainee: TrainingNetwork, on set: DigitsSplit.Part) -> Double {
        fraction(zip(predictions(trainee, on: set), set.labels).filter { $0 != $1 }.count, set.count)
    }

    private static func fraction(_ count: Int, _ total: Int) -> Double {
        total == 0 ? 0 : Double(count) / Double(total)
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
