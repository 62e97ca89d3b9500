import ConvMatrix
import Foundation

/// `show NETWORK --product`: the network's matrix, the product of its layers'
/// matrices (or its Jacobian at x), in text, json or svg.
struct ShowNetworkProduct {
    let show: Show
    let network: Network

    /// What the product costs before anything is built: the materialised
    /// network, the running products, and the output at its format's rate.
    private var estimate: ResourceEstimate {
        let entries = saturatingProduct(network.output.count, network.input.count)
        let output: ResourceEstimate
        switch show.format {
        case .json: output = ResourceEstimate(entries, at: OutputRate.jsonEntry)
        case .svg: output = ResourceEstimate(entries, at: OutputRate.svgEntry) + ResourceEstimate(entries, at: OutputRate.svgTerm)
        default: output = ResourceEstimate(entries, at: OutputRate.text)
        }
        return ResourceEstimate(bytes: MaterialisedNetwork.estimatedBytes(network), work: 0) + NetworkProduct.estimate(network) + output
    }

    func run(budget: ResourceBudget, weights: @autoclosure () throws -> NetworkWeights) throws {
        let linear = NetworkProduct.isLinear(network)
        if linear, show.point.given {
            throw OptionError(
                field: show.point.field, reason: "\(network.name) is linear: its product is one matrix whatever its input; drop \(show.point.flagName)")
        }
        let shape = "\(NumberFormat.count(network.output.count)) × \(NumberFormat.count(network.input.count))"
        try budget.require(estimate, for: "the product of \(network.name)'s matrices, \(shape)")
        let materialised = try MaterialisedNetwork(network, weights: weights(), budget: budget.memory)
        let x = linear ? nil : try ShowNetwork.point(show, for: network)
        let product = try materialised.product(at: x)
        let document = NetworkProductDocument(product, network: network)
        switch show.format {
        case .json:
            let table = try NetworkShowTable(network, budget: budget.memory)
            try show.write(Array(try JSONOutput.encode(NetworkShowDocument(table, product: document)).utf8))
        case .svg:
            let (tied, values) = product.tied(input: network.input, output: network.output)
            let renderer = try SvgRenderer(style: show.spy ? .spy : .numeric(values: values))
            try show.write(Array(try renderer.render(tied, title: heading(product)).utf8))
        default:
            try show.write(Array(try text(product, document: document).utf8))
        }
    }

    /// `lenet1989: the Jacobian J(x) of its 9 layers at x drawn from seed 1, 10 × 256`.
    private func heading(_ product: NetworkProduct) -> String {
        let shape = "\(NumberFormat.count(product.matrix.rows)) × \(NumberFormat.count(product.matrix.columns))"
        let layers = "its \(NumberFormat.count(network.layers.count, "layer"))"
        let owners = layers + (network.layers.count == 1 ? "'s" : "'")
        guard product.point != nil else { return "\(network.name): y = P x + c, P the product of \(owners) matrices, \(shape)" }
        let source = show.point.file == nil ? "drawn from seed \(show.point.seed ?? Network.defaultPointSeed)" : "given"
        return "\(network.name): the Jacobian J(x) of \(layers) at x \(source), \(shape)"
    }

    private func text(_ product: NetworkProduct, document: NetworkProductDocument) throws -> String {
        var lines = [heading(product)]
        lines.append(
            "\(NumberFormat.count(product.matrix.storage.count, "entry", plural: "entries")), \(NumberFormat.count(product.nonzeroCount)) not zero; "
                + "\(NumberFormat.count(document.weightParameters)) weight + \(NumberFormat.count(document.biasParameters)) bias parameters")
        if let line = product.pointLine { lines.append(line) }
        lines += document.separable.map(\.text)
        let (tied, values) = product.tied(input: network.input, output: network.output)
        let colour = show.output == nil && Terminal.colourEnabled
        let renderer = MatrixTextRenderer(entries: .numeric, colour: colour, maxWidth: show.output == nil ? Terminal.width : nil)
        let prose = lines.flatMap { TextWrap.lines($0, width: renderer.maxWidth) }
        return prose.joined(separator: "\n") + "\n" + renderer.render(tied, values: values, input: network.input, output: network.output)
    }
}
