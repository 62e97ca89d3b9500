/// `convmat show NETWORK`: one line per layer, what its matrix is (docs/networks.md).
///
///     lenet1989: input 1x16x16 → output 10
///
///       layer       kind        input    output   matrix        nonzeros  parameters
///       H1          Conv2d      1x16x16  12x8x8   768 × 256       12,800       1,068
///       …
///
/// Counts come from each layer's terms, or from its geometry when they are
/// large (``NetworkLayerRow``); nothing here builds a dense matrix.
public struct NetworkShowTable: Sendable {
    public let network: String
    public let input: TensorShape
    public let output: TensorShape
    public let layers: [NetworkLayerRow]

    /// The table of every layer of `network`, depth first.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` for a layer whose terms do
    ///   not fit `budget` and whose kind has no geometric rule.
    public init(_ network: Network, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        var layers: [NetworkLayerRow] = []
        for layer in network.layers { layers.append(try NetworkLayerRow(layer, budget: budget)) }
        self.network = network.name
        self.input = network.input
        self.output = network.output
        self.layers = layers
    }

    /// Σ parameters over the layers.
    public var parameters: Int { layers.reduce(0) { saturatingSum($0, $1.parameters) } }

    /// The heading, the table, and a note naming the layers counted from the geometry.
    public var text: String {
        let header = ["layer", "kind", "input", "output", "matrix", "nonzeros", "parameters"]
        let rows = layers.map { row in
            [
                row.name, row.kind, "\(row.input)", "\(row.output)", "\(NumberFormat.count(row.rows)) × \(NumberFormat.count(row.columns))",
                NumberFormat.count(row.nonzeros), NumberFormat.count(row.parameters),
            ]
        }
        let total = ["total", "", "", "", "", "", NumberFormat.count(parameters)]
        let table = TextTable.columns([header] + rows + [total], rightAligned: [false, false, false, false, true, true, true])
        let geometric = layers.filter { $0.source == .geometry }.map(\.name)
        let note =
            geometric.isEmpty
            ? []
            : [
                "",
                "  nonzeros from the geometry (more than \(NumberFormat.count(NetworkCount.matrixTermLimit)) terms): "
                    + geometric.joined(separator: ", "),
            ]
        return (["\(network): input \(input) → output \(output)", ""] + table + note).joined(separator: "\n") + "\n"
    }
}

/// The JSON document of `show NETWORK`, version 1 (docs/json.md):
/// `{"version", "spec": null, "network", "input_shape", "output_shape", "layers": [...]}`,
/// and with `--product` the keys of a single layer's show document for the
/// product (``NetworkProductDocument``).
public struct NetworkShowDocument: Encodable {
    public static let version = 1
    public let table: NetworkShowTable
    public let product: NetworkProductDocument?

    public init(_ table: NetworkShowTable, product: NetworkProductDocument? = nil) {
        self.table = table
        self.product = product
    }

    enum Key: String, CodingKey {
        case version, spec, network, input_shape, output_shape, layers
    }

    enum LayerKey: String, CodingKey {
        case name, kind, spec, input_shape, output_shape, rows, cols, nonzeros, parameters
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encodeNil(forKey: .spec)
        try c.encode(table.network, forKey: .network)
        try c.encode(table.input.extents, forKey: .input_shape)
        try c.encode(table.output.extents, forKey: .output_shape)
        var list = c.nestedUnkeyedContainer(forKey: .layers)
        for row in table.layers {
            var entry = list.nestedContainer(keyedBy: LayerKey.self)
            try entry.encode(row.name, forKey: .name)
            try entry.encode(row.kind, forKey: .kind)
            try entry.encode(row.spec, forKey: .spec)
            try entry.encode(row.input.extents, forKey: .input_shape)
            try entry.encode(row.output.extents, forKey: .output_shape)
            try entry.encode(row.rows, forKey: .rows)
            try entry.encode(row.columns, forKey: .cols)
            try entry.encode(row.nonzeros, forKey: .nonzeros)
            try entry.encode(row.parameters, forKey: .parameters)
        }
        try product?.encode(to: encoder)
    }
}
