import ConvMatrix
import Foundation

/// `show NETWORK`: the table of its layers (text, json), their chain of matrices
/// (svg), one layer as `show` shows a SPEC (`--layer NAME`), or the network's
/// matrix (`--product`). docs/networks.md, "Showing a network".
struct ShowNetwork {
    let show: Show

    func run() throws {
        let shape = try show.layer.input.map { try TensorShape(parsing: $0) }
        let network = try Network(named: show.layer.spec, input: shape)
        let budget = try ResourceBudget(memory: show.layer.budget(), flops: show.flopOptions.budget())
        if show.view == .receptiveField {
            try ShowReceptiveField.write(show, network: network, budget: budget.memory)
        } else if let name = show.layerName {
            try showLayer(name, of: network, budget: budget)
        } else if show.product {
            try ShowNetworkProduct(show: show, network: network).run(budget: budget, weights: weights(for: network, budget: budget.memory))
        } else if show.format == .svg {
            try showChain(network, budget: budget)
        } else {
            let table = try NetworkShowTable(network, budget: budget.memory)
            if show.weightsDirectory != nil { _ = try weights(for: network, budget: budget.memory) }
            let text = show.format == .json ? try JSONOutput.encode(NetworkShowDocument(table)) : table.text
            try show.write(Array(text.utf8))
        }
    }

    /// `--layer NAME`: the layer with the network's weights, an input-dependent
    /// one linearised at the input the forward pass gives it on x.
    private func showLayer(_ name: String, of network: Network, budget: ResourceBudget) throws {
        guard let named = network.layer(named: name) else {
            throw OptionError(
                field: "layer",
                reason: "\(EchoedText.quoted(name)) is not a layer of \(network.name); its layers are \(network.layers.map(\.name).joined(separator: ", "))")
        }
        let described = "\(named.name) = \(named.layer.specDescription) on \(named.layer.input)"
        if show.view == .kernels {
            try ShowKernels.write(show, layer: named.layer, weights: try weights(of: named, in: network, budget: budget.memory), title: described)
            return
        }
        if let convolution = named.layer as? Convolution, ShowSparse.handles(show, layer: convolution), !show.point.given {
            try budget.require(ShowSparse.estimate(show, layer: convolution), for: "the sparse summary of \(described)")
            let layerWeights = try weights(of: named, in: network, budget: budget.memory)
            try ShowSparse(show: show, layer: convolution).write(weights: layerWeights, budget: budget.memory)
            return
        }
        try budget.require(
            ShowOutput.estimate(show, layer: named.layer), for: "the \(show.format.rawValue) output of \(described)",
            alternatives: Show.alternatives(format: show.format, block: show.block, layer: named.layer))
        let shown: any Layer
        let layerWeights: LayerWeights
        if let nonlinear = named.layer as? any InputDependentLayer {
            let all = try weights(for: network, budget: budget.memory)
            let materialised = try MaterialisedNetwork(network, weights: all, budget: budget.memory)
            let input = materialised.trace(try ShowNetwork.point(show, for: network)).inputs[named.name] ?? []
            shown = try nonlinear.at(x: input)
            layerWeights = all.weights(for: named)
        } else {
            if show.point.given {
                throw OptionError(
                    field: show.point.field, reason: "\(described) is linear: it has one matrix whatever its input; drop \(show.point.flagName)")
            }
            shown = named.layer
            layerWeights = try weights(of: named, in: network, budget: budget.memory)
        }
        let weighted = try WeightedForm(shown, weights: layerWeights, budget: budget.memory)
        try show.write(ShowOutput(show: show, layer: weighted).bytes())
    }

    /// `--format svg`: every layer's matrix side by side; an input-dependent
    /// layer's at its own default point, as in the table. One layer's terms are
    /// alive at a time.
    private func showChain(_ network: Network, budget: ResourceBudget) throws {
        let layers = network.layers.map(\.layer)
        let largest = layers.map { $0.structureEstimate.bytes }.max() ?? 0
        let drawn = layers.reduce(ResourceEstimate.zero) { $0 + ResourceEstimate($1.entryCountBound, at: OutputRate.svgTerm) }
        try budget.require(
            ResourceEstimate(bytes: largest, work: 0) + ResourceEstimate(bytes: 0, work: drawn.work),
            for: "the svg chain of \(network.name)'s \(layers.count) matrices")
        let all: NetworkWeights? = show.entries == .numeric ? try weights(for: network, budget: budget.memory) : nil
        var links: [SvgNetworkChain.Link] = []
        for layer in network.layers {
            let values = all.map { $0.weights(for: layer).weight }
            links.append(SvgNetworkChain.Link(name: layer.name, tied: layer.layer.matrixForm().tied, values: values))
        }
        let style: SvgNetworkChain.Style = show.spy ? .spy : show.entries == .numeric ? .numeric : .sharing
        let title = "\(network.name): input \(network.input) → output \(network.output)"
        try show.write(Array(SvgNetworkChain(style: style).render(links, title: title).utf8))
    }

    /// Every layer's weights: read from --weights DIR, or drawn from --seed.
    func weights(for network: Network, budget: MemoryBudget) throws -> NetworkWeights {
        if let directory = show.weightsDirectory { return try NetworkWeights(directory: directory, for: network, budget: budget) }
        try budget.require(NetworkWeights.estimatedBytes(network), for: "the parameters of \(network.name)")
        let seed = show.weightOptions.seed
        return show.weightOptions.values == .integers ? .integers(for: network, seed: seed) : .pytorchDefault(for: network, seed: seed)
    }

    /// One layer's weights, drawn alone (the numbers the whole network's draw gives it), or read with the rest.
    private func weights(of layer: NetworkLayer, in network: Network, budget: MemoryBudget) throws -> LayerWeights {
        if show.weightsDirectory != nil { return try weights(for: network, budget: budget).weights(for: layer) }
        try budget.require(layer.layer.parameterEstimate.bytes, for: "the parameters of \(layer.name) = \(layer.layer.specDescription)")
        return NetworkWeights.drawn(for: layer, in: network, seed: show.weightOptions.seed, integers: show.weightOptions.values == .integers)
    }

    /// x for the whole network: `--x FILE.npy` in its input shape, or drawn from
    /// `--x-seed` (default 1) by ``Network/drawInput(seed:)``.
    static func point(_ show: Show, for network: Network) throws -> [Double] {
        guard let file = show.point.file else { return network.drawInput(seed: show.point.seed ?? Network.defaultPointSeed) }
        let x = try NpyArray(contentsOf: file, field: "x")
            .requireShape(network.input.extents, field: "x", expectedBy: "the input \(network.input) of \(network.name)", path: file).values
        if let k = x.firstIndex(where: { !$0.isFinite }) {
            throw OptionError(field: "x", reason: "x[\(k)] = \(x[k]) is not finite; the Jacobian is taken at a finite point")
        }
        return x
    }
}
