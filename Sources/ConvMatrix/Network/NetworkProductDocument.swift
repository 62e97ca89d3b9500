/// The product's keys in `show NETWORK --product --format json`: those of a
/// single layer's show document (``ShowReport``), for the network's matrix,
/// added beside the network's own keys (docs/json.md). `version` and `spec`
/// keep the network document's meaning.
///
///     kind "Product", input_dependent, x       x for a nonlinear network, else null
///     rows, cols, entries, nonzeros            nonzeros: entries of the product that are not 0
///     weight_parameters, bias_parameters       Σ over the layers
///     matrix                                   the product, null above ShowReport.denseEntryLimit entries
///     offset                                   c = y(0) of a linear network, else null
///     separable                                every depthwise-separable pair's saving
///
/// The keys that describe one layer's terms (terms, constants, tie, weight,
/// bias, extended_nonzeros, padding_mode, padding, valid) are null: a product's
/// entries are polynomials in the parameters, not single terms.
public struct NetworkProductDocument: Encodable, Sendable {
    public let product: NetworkProduct
    public let weightParameters: Int
    public let biasParameters: Int
    public let separable: [SeparableSaving]

    public init(_ product: NetworkProduct, network: Network) {
        self.product = product
        weightParameters = network.layers.reduce(0) { saturatingSum($0, $1.layer.weightParameterCount) }
        biasParameters = network.layers.reduce(0) { saturatingSum($0, $1.layer.biasParameterCount) }
        separable = SeparableSaving.find(in: network)
    }

    enum Key: String, CodingKey {
        case kind, input_dependent, x, rows, cols, entries, nonzeros, extended_nonzeros, weight_parameters, bias_parameters
        case padding_mode, order, weight, bias, terms, constants, matrix, tie, offset, padding, valid, separable
    }

    enum SeparableKey: String, CodingKey {
        case depthwise, pointwise, parameters, full_spec, full_parameters, saving
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let matrix = product.matrix
        try c.encode("Product", forKey: .kind)
        try c.encode(product.point != nil, forKey: .input_dependent)
        try c.encodeNullable(product.point, forKey: .x)
        try c.encode(matrix.rows, forKey: .rows)
        try c.encode(matrix.columns, forKey: .cols)
        try c.encode(matrix.storage.count, forKey: .entries)
        try c.encode(product.nonzeroCount, forKey: .nonzeros)
        try c.encode(weightParameters, forKey: .weight_parameters)
        try c.encode(biasParameters, forKey: .bias_parameters)
        try c.encode(UnitOrder.maps.rawValue, forKey: .order)
        for key in [Key.extended_nonzeros, .padding_mode, .weight, .bias, .terms, .constants, .tie, .padding, .valid] {
            try c.encodeNil(forKey: key)
        }
        try c.encodeNullable(matrix.storage.count <= ShowReport.denseEntryLimit ? matrix.nestedRows : nil, forKey: .matrix)
        try c.encodeNullable(product.constant, forKey: .offset)
        var list = c.nestedUnkeyedContainer(forKey: .separable)
        for pair in separable {
            var entry = list.nestedContainer(keyedBy: SeparableKey.self)
            try entry.encode(pair.depthwise, forKey: .depthwise)
            try entry.encode(pair.pointwise, forKey: .pointwise)
            try entry.encode(pair.parameters, forKey: .parameters)
            try entry.encode(pair.fullSpec, forKey: .full_spec)
            try entry.encode(pair.fullParameters, forKey: .full_parameters)
            try entry.encode(pair.saving, forKey: .saving)
        }
    }
}

extension NetworkProduct {
    /// Entries that are not 0.
    public var nonzeroCount: Int { matrix.storage.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The product in the renderers' form: each nonzero entry a term of its own
    /// parameter p_{r,c}, whose value is the entry (``values``), blocks the maps
    /// of `output` and `input`.
    public func tied(input: TensorShape, output: TensorShape) -> (tied: TiedMatrix, values: [Double]) {
        var terms: [Term] = []
        var names: [ParameterName] = []
        var values: [Double] = []
        for r in 0..<matrix.rows {
            for c in 0..<matrix.columns where matrix[r, c] != 0 {
                terms.append(Term(row: r, column: c, parameter: names.count))
                names.append(ParameterName(outputMap: r + 1, inputMap: c + 1, tap: [], letter: "p"))
                values.append(matrix[r, c])
            }
        }
        let tied = TiedMatrix(
            rows: matrix.rows, columns: matrix.columns, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: names, terms: terms)
        return (tied, values)
    }
}

extension NetworkProduct {
    /// `x = (0.75, −2, …)`, as a layer's summary writes its point; nil for a linear network.
    public var pointLine: String? { point.map(LayerSummary.pointLine) }
}
