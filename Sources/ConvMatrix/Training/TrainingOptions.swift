/// The recipe of a training run, LeCun et al. 1989's and its public reproduction's:
///
///     targets      t_k = +1 for the true class, −1 for the others (on the scaled-tanh outputs)
///     loss         E = 1/(10·B) Σ_{s in batch} Σ_k (y_k^(s) − t_k^(s))²        mean squared error
///     update       v ← v − η ∂E/∂v,  b ← b − η ∂E/∂b                          plain SGD
///     init         v uniform in ±2.4/F, F the unit's fan-in; b = 0   (``LeCunInitialisation``)
///
/// B is ``batch`` (1 by default: one example at a time), η the ``learningRate``,
/// and an epoch is one pass over the training set in an order reshuffled from
/// the seed. The defaults are the paper's: 23 passes, η = 0.03, batch 1, seed 0.
public struct TrainingOptions: Sendable, Equatable {
    /// Passes over the training set.
    public var epochs: Int
    /// The seed of the initial weights and of every epoch's example order.
    public var seed: UInt64
    /// η, the step of stochastic gradient descent.
    public var learningRate: Double
    /// Examples per step.
    public var batch: Int

    /// The most passes a run may ask for (about 40 minutes of the release build for LeNet 1989).
    public static let maximumEpochs = 1000

    public init(epochs: Int = 23, seed: UInt64 = 0, learningRate: Double = 0.03, batch: Int = 1) {
        self.epochs = epochs
        self.seed = seed
        self.learningRate = learningRate
        self.batch = batch
    }

    /// Throws unless 1 ≤ epochs ≤ ``maximumEpochs``, η is finite and > 0, and
    /// 1 ≤ batch ≤ `trainingCount`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.option` on field `epochs`,
    ///   `learning-rate` or `batch` (the flags' names).
    public func validate(trainingCount: Int) throws(ConvMatrixError) {
        guard (1...Self.maximumEpochs).contains(epochs) else {
            throw ConvMatrixError(.option, field: "epochs", reason: "\(epochs) is not a number of passes from 1 to \(Self.maximumEpochs)")
        }
        guard learningRate.isFinite, learningRate > 0 else {
            throw ConvMatrixError(.option, field: "learning-rate", reason: "\(learningRate) is not a step size; η must be a finite number > 0")
        }
        guard (1...max(1, trainingCount)).contains(batch) else {
            throw ConvMatrixError(
                .option, field: "batch", reason: "\(batch) is not a batch size from 1 to \(trainingCount), the size of the training set")
        }
    }
}
