/// What a network check holds and does, estimated before anything is built.
extension NetworkChecker {
    /// The sum of every layer's ``Checker/estimate(for:)`` (one layer's check at a
    /// time, so the peak is the largest) plus the network passes:
    ///
    ///     bytes = the network's matrices (``MaterialisedNetwork/estimatedBytes(_:)``)
    ///             + one rebuilt or Jacobian matrix + the largest layer check
    ///     work  = 2·(inputs + parameters perturbed) forward passes of 2·Σ entries flops
    ///             + a rebuilt dense Wᵀ per perturbed parameter + the Jacobians of
    ///             backward and of the bounds (one per draw of x)
    public static func estimate(for network: Network) -> ResourceEstimate {
        let layers = network.layers.map(\.layer)
        let layerChecks = layers.map(Checker.estimate(for:))
        let largestCheck = layerChecks.map(\.bytes).max() ?? 0
        let checksWork = layerChecks.reduce(0) { $0 + $1.work }
        let forwardWork = layers.reduce(0.0) { $0 + 2 * Double($1.entryCount) }
        let inputs = min(network.input.count, Checker.finiteDifferenceSample)
        var work = 2 * Double(inputs) * forwardWork + checksWork
        for layer in layers where NetworkWeights.hasParameters(layer) {
            let perturbed = min(layer.layerParameterCount, parameterSampleLimit(entryCount: layer.entryCount))
            work += 2 * Double(perturbed) * (forwardWork + layer.denseEstimate.work)
        }
        let jacobians = layers.filter(\.isInputDependent).reduce(ResourceEstimate.zero) { $0 + $1.materialisedEstimate }
        work += Double(drawAttempts + 1) * jacobians.work + layers.reduce(0.0) { $0 + $1.structureEstimate.work }
        let largestMatrix = layers.map(\.materialisedEstimate.bytes).max() ?? 0
        let bytes = saturatingSum(
            saturatingSum(MaterialisedNetwork.estimatedBytes(network), NetworkWeights.estimatedBytes(network)),
            saturatingSum(largestMatrix, largestCheck))
        return ResourceEstimate(bytes: bytes, work: work)
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
