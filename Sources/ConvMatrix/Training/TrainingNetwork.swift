import Foundation

/// A chain of layers under training, every pass through the matrices:
///
///     forward    X_{k+1} = Wᵀ_k X_k + (o_k + b_k) 1ᵀ    or  f_k(X_k)
///     backward   δX_k = W_k δX_{k+1},  δv_k = tied(δX_{k+1} X_kᵀ),  δb_k = Σ over a bias's units
///                δX_k = f′_k(X_k) ∘ δX_{k+1}                       (an activation: a diagonal Jacobian)
///     step       v_k ← v_k − η δv_k,  b_k ← b_k − η δb_k
///
/// samples as columns (``TrainingStage`` picks dense or compressed Wᵀ per layer).
/// Untied biases and connection tables are in the forms themselves: a bias per
/// output unit, and only the taps a map's table lists.
public struct TrainingNetwork: Sendable {
    public let network: Network
    var stages: [TrainingStage]
    let budget: MemoryBudget
    /// Seconds spent in each layer's forward pass, backward pass and update, by
    /// stage, over every ``train(batch:labels:learningRate:)`` so far.
    public private(set) var seconds: [Double]

    /// The input shape and output count a digits network needs.
    public static let digitsInput = DigitsPreparation.shape
    public static let digitsClasses = 10

    /// `network` with `weights`, ready to train.
    ///
    /// - Throws: ``ConvMatrixError`` on field `network` for a Residual or Concat
    ///   block (training reads a chain), and as ``MaterialisedLayer`` for weights
    ///   or matrices that do not fit.
    public init(_ network: Network, weights: NetworkWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        var stages: [TrainingStage] = []
        for node in network.nodes {
            guard case .layer(let layer) = node else {
                throw ConvMatrixError(.shape, field: "network", reason: "\(network.name) has a block; train reads a chain of layers, one a line")
            }
            stages.append(try TrainingStage(layer, weights: weights.weights(for: layer), budget: budget))
        }
        self.network = network
        self.stages = stages
        self.budget = budget
        seconds = Array(repeating: 0, count: stages.count)
    }

    /// Throws unless `network` reads 1×16×16 and writes 10 values.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on field `network`, naming both shapes.
    public static func requireDigitsShapes(_ network: Network) throws(ConvMatrixError) {
        if network.input == digitsInput && network.output.count == digitsClasses { return }
        throw ConvMatrixError(
            .shape, field: "network",
            reason:
                "train needs a network with input \(digitsInput) and \(digitsClasses) outputs; \(network.name) reads \(network.input) and writes \(network.output)"
        )
    }

    /// The layers' names, in order.
    public var layerNames: [String] { stages.map(\.name) }
    /// Each layer's form (`compressed Wᵀ`, `dense Wᵀ`, `elementwise`), in order.
    public var formNames: [String] { stages.map(\.formName) }

    /// The current weights of every layer that has them.
    public var weights: NetworkWeights {
        var byLayer: [String: LayerWeights] = [:]
        for stage in stages {
            if let weights = stage.weights, !weights.weight.isEmpty || weights.bias != nil { byLayer[stage.name] = weights }
        }
        return NetworkWeights(byLayer: byLayer)
    }

    /// The same network with `name`'s weights replaced, its form kept.
    ///
    /// - Throws: ``ConvMatrixError`` for weights that do not fit the layer.
    public func setting(_ name: String, to weights: LayerWeights) throws(ConvMatrixError) -> TrainingNetwork {
        var copy = self
        for k in copy.stages.indices where copy.stages[k].name == name { try copy.stages[k].set(weights, budget: budget) }
        return copy
    }

    /// Y for a batch X whose columns are samples.
    public func forward(batch x: Matrix) -> Matrix {
        stages.reduce(x) { $1.forward($0) }
    }

    /// E and every layer's ∂E/∂v, ∂E/∂b (by name) for a batch and its labels
    /// (``TrainingLoss``), with no update.
    ///
    /// - Throws: as ``TrainingStage/backward(input:outputGradients:)``.
    public func lossAndGradients(batch x: Matrix, labels: [Int]) throws(ConvMatrixError) -> (loss: Double, gradients: [String: Gradients]) {
        var clock = StageClock(enabled: false, count: stages.count)
        let (loss, gradients) = try passes(x, labels: labels, clock: &clock)
        return (loss, Dictionary(uniqueKeysWithValues: zip(stages.map(\.name), gradients)))
    }

    /// One step of gradient descent on a batch: forward, backward, update, each
    /// layer timed. Returns E before the update.
    ///
    /// - Throws: ``ConvMatrixError`` `.numerical` on `learning-rate` when the
    ///   weights stop being finite.
    public mutating func train(batch x: Matrix, labels: [Int], learningRate: Double) throws(ConvMatrixError) -> Double {
        var clock = StageClock(enabled: true, count: stages.count)
        let (loss, gradients) = try passes(x, labels: labels, clock: &clock)
        for k in stages.indices {
            try clock.measure(k) { () throws(ConvMatrixError) in try stages[k].update(gradients[k], learningRate: learningRate, budget: budget) }
        }
        for k in seconds.indices { seconds[k] += clock.seconds[k] }
        return loss
    }

    /// The forward pass keeping each layer's input, the loss, and the backward pass.
    private func passes(_ x: Matrix, labels: [Int], clock: inout StageClock) throws(ConvMatrixError) -> (Double, [Gradients]) {
        var inputs: [Matrix] = []
        var value = x
        for k in stages.indices {
            inputs.append(value)
            value = clock.measure(k) { stages[k].forward(value) }
        }
        let loss = TrainingLoss.loss(outputs: value, labels: labels)
        var gradient = TrainingLoss.outputGradient(outputs: value, labels: labels)
        var gradients: [Gradients] = Array(repeating: Gradients(input: Matrix(rows: 0, columns: 0), weight: [], bias: nil), count: stages.count)
        for k in stages.indices.reversed() {
            gradients[k] = try clock.measure(k) { () throws(ConvMatrixError) in try stages[k].backward(input: inputs[k], outputGradients: gradient) }
            gradient = gradients[k].input
        }
        return (loss, gradients)
    }
}

/// Seconds per stage, read off a monotonic clock only when enabled.
struct StageClock {
    let enabled: Bool
    var seconds: [Double]

    init(enabled: Bool, count: Int) {
        self.enabled = enabled
        seconds = Array(repeating: 0, count: count)
    }

    mutating func measure<T, E: Error>(_ k: Int, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        seconds[k] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }
}
