/// `convmat train --format json` (docs/json.md): errors as fractions in [0, 1],
/// confusion[t][p] the test digits of class t read as p, seconds of wall time.
///
///     {"version": 1, "network": "lenet1989", "seed": 0, "train_size": 1297, "test_size": 500,
///      "epochs": [{"epoch": 1, "loss": 0.26, "train_error": 0.09, "test_error": 0.10, "seconds": 1.3}, …],
///      "train_error": 0.01, "test_error": 0.05, "test_misses": 25, "confusion": [[…], …], "seconds": 30.1}
public struct TrainingDocument: Encodable, Sendable {
    public struct Epoch: Encodable, Sendable {
        let epoch: Int
        let loss: Double
        let trainError: Double
        let testError: Double
        let seconds: Double

        enum CodingKeys: String, CodingKey {
            case epoch, loss, seconds
            case trainError = "train_error"
            case testError = "test_error"
        }
    }

    let version = 1
    let network: String
    let seed: UInt64
    let trainSize: Int
    let testSize: Int
    let epochs: [Epoch]
    let trainError: Double
    let testError: Double
    let testMisses: Int
    let confusion: [[Int]]
    let seconds: Double

    enum CodingKeys: String, CodingKey {
        case version, network, seed, epochs, confusion, seconds
        case trainSize = "train_size"
        case testSize = "test_size"
        case trainError = "train_error"
        case testError = "test_error"
        case testMisses = "test_misses"
    }

    public init(_ result: TrainingResult) {
        network = result.network
        seed = result.options.seed
        trainSize = result.trainSize
        testSize = result.testSize
        epochs = result.epochs.map {
            Epoch(epoch: $0.epoch, loss: $0.loss, trainError: $0.trainError, testError: $0.testError, seconds: $0.seconds)
        }
        trainError = result.trainError
        testError = result.testError
        testMisses = result.testMisses
        confusion = result.confusion
        seconds = result.seconds
    }
}
