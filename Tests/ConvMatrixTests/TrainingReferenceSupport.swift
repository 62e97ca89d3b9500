@testable import ConvMatrix

/// SGD on the naive sliding-window references, sharing no index code with the
/// matrices: each layer's ``Layer/referenceForward(x:weight:bias:)``,
/// ``Layer/referenceInputGradient(outputGradient:weight:)``, weight and bias
/// gradients (ReferenceConvolution, ReferenceLinear), and the activations'
/// ``ReferenceActivation``, one sample at a time, with the recipe's loss written
/// out again:
///
///     δy = 2 (y − t) / (10 · B),   v ← v − η Σ_samples δv
struct ReferenceTrainer {
    let network: Network
    var weights: [String: LayerWeights]

    init(_ network: Network, weights: NetworkWeights) {
        self.network = network
        self.weights = weights.byLayer
    }

    /// y for one sample, and the input each layer saw.
    func forward(_ x: [Double]) -> (inputs: [[Double]], output: [Double]) {
        var inputs: [[Double]] = []
        var value = x
        for layer in network.layers {
            inputs.append(value)
            if let activation = layer.layer as? Activation {
                value = ReferenceActivation.value(activation.function, x: value)
            } else {
                let w = weights[layer.name]
                value = layer.layer.referenceForward(x: value, weight: w?.weight ?? [], bias: w?.bias)
            }
        }
        return (inputs, value)
    }

    /// One step on the samples `xs` with `labels` (a batch of xs.count).
    mutating func step(_ xs: [[Double]], labels: [Int], learningRate: Double) {
        var sums: [String: LayerWeights] = [:]
        for (x, label) in zip(xs, labels) {
            let (inputs, y) = forward(x)
            var dy = y.indices.map { k in 2 * (y[k] - (k == label ? 1.0 : -1.0)) / Double(10 * xs.count) }
            for (k, layer) in network.layers.enumerated().reversed() {
                if let activation = layer.layer as? Activation {
                    dy = ReferenceActivation.jacobianProduct(activation.function, at: inputs[k], dy)
                    continue
                }
                let w = weights[layer.name]
                if let w {
                    let dv = layer.layer.referenceWeightGradient(input: inputs[k], outputGradient: dy)
                    let db = layer.layer.referenceBiasGradient(outputGradient: dy)
                    let previous =
                        sums[layer.name] ?? LayerWeights(unchecked: Array(repeating: 0, count: dv.count), bias: db.map { Array(repeating: 0, count: $0.count) })
                    sums[layer.name] = LayerWeights(
                        unchecked: zip(previous.weight, dv).map { $0 + $1 },
                        bias: previous.bias.map { b in zip(b, db ?? []).map { $0 + $1 } })
                }
                dy = layer.layer.referenceInputGradient(outputGradient: dy, weight: w?.weight ?? [])
            }
        }
        for (name, sum) in sums {
            guard let w = weights[name] else { continue }
            weights[name] = LayerWeights(
                unchecked: zip(w.weight, sum.weight).map { $0 - learningRate * $1 },
                bias: w.bias.map { b in zip(b, sum.bias ?? []).map { $0 - learningRate * $1 } })
        }
    }
}
