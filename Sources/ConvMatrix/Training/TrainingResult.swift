/// One epoch of a training run: the mean loss of its steps and the errors after it.
public struct TrainingEpoch: Sendable, Equatable {
    /// 1-based.
    public let epoch: Int
    /// The mean over the epoch's steps of E before each step's update, weighted by batch size.
    public let loss: Double
    /// The fraction of the training set the network misclassifies after the epoch.
    public let trainError: Double
    /// The same on the test set.
    public let testError: Double
    /// Wall time of the epoch, its two evaluations included.
    public let seconds: Double
}

/// Where a layer's training time went: its forward pass, backward pass and update.
public struct TrainingLayerTime: Sendable, Equatable {
    public let name: String
    /// The form its passes ran on (``TrainingNetwork/formNames``).
    public let form: String
    public let seconds: Double
}

/// What a training run gives: the epochs, the final errors, the test set's
/// confusion matrix, the wall time, and the trained weights.
public struct TrainingResult: Sendable {
    public let network: String
    public let options: TrainingOptions
    public let trainSize: Int
    public let testSize: Int
    public let epochs: [TrainingEpoch]
    /// The training and test error after the last epoch, fractions in [0, 1].
    public let trainError: Double
    public let testError: Double
    /// Test digits misclassified after the last epoch.
    public let testMisses: Int
    /// confusion[t][p]: test digits of class t the network reads as p.
    public let confusion: [[Int]]
    /// Wall time of the whole run.
    public let seconds: Double
    /// Training time by layer (steps only, not the evaluations), in network order.
    public let layerTimes: [TrainingLayerTime]
    /// The weights after the last epoch.
    public let weights: NetworkWeights

    /// The test set's confusion matrix and misses for its predictions.
    static func confusion(labels: [Int], predictions: [Int], classes: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (label, predicted) in zip(labels, predictions) where (0..<classes).contains(label) && (0..<classes).contains(predicted) {
            counts[label][predicted] += 1
        }
        return counts
    }
}
