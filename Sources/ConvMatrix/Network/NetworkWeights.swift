/// The numbers of a network: each layer's weights, by the layer's full name.
///
/// Drawn from one seed, each layer from its own generator: layer k (in the
/// order of ``Network/layers``) draws from SplitMix64(s_k), where s_k is the
/// k-th value of SplitMix64(seed), so that no two layers share a stream. Or read
/// from a directory, `DIR/NAME.weight.npy` and `DIR/NAME.bias.npy` in PyTorch's
/// layout (``init(directory:for:budget:)``).
public struct NetworkWeights: Sendable {
    /// The weights of every layer that has parameters, by full name.
    public var byLayer: [String: LayerWeights]

    public init(byLayer: [String: LayerWeights]) {
        self.byLayer = byLayer
    }

    /// The weights of `layer`: its own, or none for a layer without parameters.
    public func weights(for layer: NetworkLayer) -> LayerWeights {
        byLayer[layer.name] ?? LayerWeights(unchecked: [], bias: nil)
    }

    /// PyTorch's default initialisation of every layer (``LayerWeights/pytorchDefault(for:seed:)-(any Layer,_)``).
    public static func pytorchDefault(for network: Network, seed: UInt64) -> NetworkWeights {
        drawn(network, seed: seed) { LayerWeights.pytorchDefault(for: $0, seed: $1) }
    }

    /// Small integers ±{1, 2, 3} in every layer, so that products stay exact.
    public static func integers(for network: Network, seed: UInt64) -> NetworkWeights {
        drawn(network, seed: seed) { LayerWeights.integers(for: $0, seed: $1) }
    }

    /// Whether `layer` has weights or a bias.
    public static func hasParameters(_ layer: any Layer) -> Bool {
        !layer.weightShape.isEmpty || layer.biasShape != nil
    }

    /// Each layer's weights from the layer's own seed s_k.
    private static func drawn(_ network: Network, seed: UInt64, draw: (any Layer, UInt64) -> LayerWeights) -> NetworkWeights {
        var seeds = SplitMix64(seed: seed)
        var byLayer: [String: LayerWeights] = [:]
        for layer in network.layers {
            let layerSeed = seeds.next()
            if hasParameters(layer.layer) { byLayer[layer.name] = draw(layer.layer, layerSeed) }
        }
        return NetworkWeights(byLayer: byLayer)
    }

    /// Bytes of every layer's parameter values (8 B each: the weights carry no
    /// names), before they are drawn or read.
    public static func estimatedBytes(_ network: Network) -> Int {
        network.layers.reduce(0) { saturatingSum($0, ResourceEstimate($1.layer.layerParameterCount, at: ResourceRate.value).bytes) }
    }
}

extension NetworkWeights {
    /// Every layer's weights read from `directory`: `NAME.weight.npy` in the
    /// layer's weight shape and, for a layer with a bias, `NAME.bias.npy` in its
    /// bias shape, NAME the layer's full name.
    ///
    /// - Throws: ``ConvMatrixError`` on field `weights`: a missing or unreadable
    ///   file, a shape the layer does not expect, a value that is not finite; or
    ///   `.budget` on `max-memory` when the parameters would not fit.
    public init(directory: String, for network: Network, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try budget.require(Self.estimatedBytes(network), for: "the parameters of \(network.name)")
        var byLayer: [String: LayerWeights] = [:]
        for layer in network.layers where Self.hasParameters(layer.layer) {
            byLayer[layer.name] = try Self.read(layer, from: directory)
        }
        self.init(byLayer: byLayer)
    }

    /// `layer`'s weight and bias files.
    private static func read(_ layer: NetworkLayer, from directory: String) throws(ConvMatrixError) -> LayerWeights {
        let described = "\(layer.name) = \(layer.layer.specDescription)"
        let base = (directory.hasSuffix("/") ? directory : directory + "/") + layer.name
        let weight = layer.layer.weightShape.isEmpty ? [] : try array(base + ".weight.npy", shape: layer.layer.weightShape, describedAs: described)
        let bias = try layer.layer.biasShape.map { shape throws(ConvMatrixError) in try array(base + ".bias.npy", shape: shape, describedAs: described) }
        do {
            return try LayerWeights(weight: weight, bias: bias, for: layer.layer)
        } catch {
            throw ConvMatrixError(error.kind, field: "weights", reason: "\(layer.name): \(error.field): \(error.reason)")
        }
    }

    /// The values of the .npy file at `path`, which must have `shape`.
    private static func array(_ path: String, shape: [Int], describedAs described: String) throws(ConvMatrixError) -> [Double] {
        try NpyArray(contentsOf: path, field: "weights").requireShape(shape, field: "weights", expectedBy: described, path: path).values
    }
}
