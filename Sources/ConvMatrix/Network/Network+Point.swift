extension Network {
    /// The seed a network's x is drawn from unless told otherwise, as a layer's.
    public static let defaultPointSeed = JacobianPoint.defaultSeed

    /// x for the whole network, flat: uniform in ±1 from SplitMix64(seed), as
    /// `invert` draws its x. Ties in a max pooling window and units exactly on
    /// ReLU's kink have probability 0; the forward pass then gives each layer
    /// the input its Jacobian is taken at.
    ///
    /// - Complexity: O(input.count).
    public func drawInput(seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<input.count).map { _ in random.nextSymmetric(bound: 1) }
    }
}

extension NetworkWeights {
    /// The weights layer `layer` of `network` draws from `seed`, alone: the same
    /// numbers as ``pytorchDefault(for:seed:)`` (or ``integers(for:seed:)``)
    /// give it, without drawing the others. Layer k draws from s_k, the k-th
    /// value of SplitMix64(seed), in the order of ``Network/layers``.
    public static func drawn(for layer: NetworkLayer, in network: Network, seed: UInt64, integers: Bool) -> LayerWeights {
        var seeds = SplitMix64(seed: seed)
        var layerSeed = seeds.next()
        for other in network.layers {
            if other.name == layer.name { break }
            layerSeed = seeds.next()
        }
        guard hasParameters(layer.layer) else { return LayerWeights(unchecked: [], bias: nil) }
        return integers ? LayerWeights.integers(for: layer.layer, seed: layerSeed) : LayerWeights.pytorchDefault(for: layer.layer, seed: layerSeed)
    }
}
