/// What a network check holds and does, estimated before anything is built.
extension NetworkChecker {
    /// The sum of every layer's ``Checker/estimate(for:)`` (one layer's check at a
    /// time, so the peak is the largest) plus the network passes:
    ///
    ///     bytes = max(the network's forms (``MaterialisedNetwork/estimatedBytes(_:)``)
    ///                 + one compressed Jacobian + the gradients + one layer's weights copied,
    ///                 the largest layer check) + the weights
    ///     work  = 2·(inputs + parameters perturbed) forward passes (``forwardWork(_:)``)
    ///             + a rebuilt layer per perturbed parameter + the Jacobians of
    ///             backward and of the bounds (one per draw of x) + every layer's check
    public static func estimate(for network: Network) -> ResourceEstimate {
        let layers = network.layers.map(\.layer)
        let layerChecks = layers.map(Checker.estimate(for:))
        let largestCheck = layerChecks.map(\.bytes).max() ?? 0
        let checksWork = layerChecks.reduce(0) { $0 + $1.work }
        let forwardWork = forwardWork(network)
        let directions = directionLimit(for: network)
        let inputs = min(network.input.count, Checker.finiteDifferenceSample, directions)
        var work = 2 * Double(inputs) * forwardWork + checksWork
        for layer in layers where NetworkWeights.hasParameters(layer) {
            let perturbed = min(layer.layerParameterCount, parameterSampleLimit(entryCount: layer.entryCount), directions)
            work += 2 * Double(perturbed) * (forwardWork + LayerPasses.forwardWork(layer, use: .builtOnce))
        }
        let jacobians = layers.filter(\.isInputDependent).reduce(ResourceEstimate.zero) { $0 + $1.structureEstimate }
        work += Double(drawAttempts + 2) * (jacobians.work + forwardWork) + layers.reduce(0.0) { $0 + $1.structureEstimate.work }
        // The network's forms and one Jacobian live during the differences; the layer checks run after they are freed.
        let largestJacobian = layers.filter(\.isInputDependent).map { CompressedMatrixForm.estimatedBytes(for: $0) }.max() ?? 0
        // The backward pass's δv and δb, one value a parameter; a perturbed parameter
        // copies its layer's values while the original lives.
        let gradients = NetworkWeights.estimatedBytes(network)
        let largestWeights = layers.map { ResourceEstimate($0.layerParameterCount, at: ResourceRate.value).bytes }.max() ?? 0
        let passes = saturatingSum(
            saturatingSum(MaterialisedNetwork.estimatedBytes(network), largestJacobian), saturatingSum(gradients, largestWeights))
        let bytes = saturatingSum(max(passes, largestCheck), NetworkWeights.estimatedBytes(network))
        return ResourceEstimate(bytes: bytes, work: work)
    }

    /// The whole-network finite differences spend about this many flops on forward
    /// passes at most, beyond the minimum of two directions a class.
    public static let finiteDifferenceWork = 2e10
    static let finiteDifferenceWorkNote = "2·10¹⁰ flops"

    /// Flops of one forward pass of the network on the forms ``MaterialisedNetwork``
    /// builds: 2 per stored entry of a linear layer, a few per unit of an input-dependent one.
    public static func forwardWork(_ network: Network) -> Double {
        network.layers.reduce(0.0) { sum, layer in
            sum + (layer.layer.isInputDependent ? 4 * Double(layer.layer.input.count) : LayerPasses.forwardWork(layer.layer, use: .builtOnce))
        }
    }

    /// Directions each class (x, then each layer with parameters) may take so that
    /// the central differences, two forward passes a direction, stay within
    /// ``finiteDifferenceWork``: never fewer than 2. A network of LeNet's size
    /// is far below it (every class keeps its full sample); AlexNet, 1.3·10⁹
    /// flops a pass, is held to the minimum.
    public static func directionLimit(for network: Network) -> Int {
        let classes = 1 + network.layers.filter { NetworkWeights.hasParameters($0.layer) }.count
        let perDirection = 2 * Double(classes) * max(1, forwardWork(network))
        let affordable = finiteDifferenceWork / perDirection
        return affordable >= Double(Int.max / 2) ? Int.max / 2 : max(2, Int(affordable))
    }

    /// The whole-network finite differences rebuild a layer's dense Wᵀ twice per
    /// perturbed parameter: at most about this many entries rebuilt per layer.
    public static let rebuildEntryBudget = 50_000_000

    /// How many of a layer's parameters the network's finite differences perturb:
    /// at most ``Checker/finiteDifferenceSample``, fewer on a large Wᵀ, never fewer than 8.
    public static func parameterSampleLimit(entryCount: Int) -> Int {
        min(Checker.finiteDifferenceSample, max(8, rebuildEntryBudget / max(1, entryCount)))
    }
}
