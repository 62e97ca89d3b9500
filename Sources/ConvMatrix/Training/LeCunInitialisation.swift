/// LeCun et al. 1989's initialisation: "the weights were initialized with random
/// values uniformly distributed between −2.4/F_i and 2.4/F_i, where F_i is the
/// number of inputs (fan-in) of the unit".
///
///     v uniform in [−2.4/F, 2.4/F),     b = 0
///
/// The form of F used here: the weights one unit of the layer actually reads,
/// without its bias, counted per output map. A convolution's map j reads |C_j|·∏k
/// taps (``ConvolutionSpec/fanIn(ofOutputMap:)``: 25 for H1, and 8·25 = 200 for
/// H2, whose connection table gives each map 8 of the 12 input maps, not
/// 12·25); a tap that lands on the −1 border still counts, since it is a weight
/// the unit reads. Every other layer uses ``Layer/fanIn`` (in_features for
/// Linear: 192 for H3, 30 for the output). The biases start at 0, as in the
/// public reproduction (the paper does not say).
///
/// Drawn from one seed like ``NetworkWeights``: layer k (in the order of
/// ``Network/layers``) draws from SplitMix64(s_k), s_k the k-th value of
/// SplitMix64(seed), its weight in flat order.
public enum LeCunInitialisation {
    /// The 2.4 in ±2.4/F.
    public static let scale = 2.4

    /// Every layer's initial weights.
    public static func weights(for network: Network, seed: UInt64) -> NetworkWeights {
        var seeds = SplitMix64(seed: seed)
        var byLayer: [String: LayerWeights] = [:]
        for layer in network.layers {
            let layerSeed = seeds.next()
            if NetworkWeights.hasParameters(layer.layer) { byLayer[layer.name] = weights(for: layer.layer, seed: layerSeed) }
        }
        return NetworkWeights(byLayer: byLayer)
    }

    /// One layer's weights, uniform in ±2.4/F(p) for each weight p, and zero biases.
    public static func weights(for layer: any Layer, seed: UInt64) -> LayerWeights {
        var generator = SplitMix64(seed: seed)
        let weight = fanIns(of: layer).map { generator.nextSymmetric(bound: scale / Double(max(1, $0))) }
        return LayerWeights(unchecked: weight, bias: layer.biasShape.map { _ in Array(repeating: 0.0, count: layer.biasParameterCount) })
    }

    /// F for each weight parameter, in the weight's flat order: the fan-in of the
    /// output map the parameter belongs to.
    public static func fanIns(of layer: any Layer) -> [Int] {
        guard let convolution = layer as? Convolution else { return Array(repeating: layer.fanIn, count: layer.weightParameterCount) }
        let spec = convolution.spec
        let firsts = spec.firstPairs
        var fanIns: [Int] = []
        fanIns.reserveCapacity(spec.weightParameterCount)
        for j in 0..<spec.outChannels {
            let count = (firsts[j + 1] - firsts[j]) * spec.tapsPerKernel
            fanIns.append(contentsOf: repeatElement(spec.fanIn(ofOutputMap: j), count: count))
        }
        return fanIns
    }
}
