/// `convmat count`'s two forms: LeCun's table as aligned text, and JSON (docs/json.md).
///
///     lenet1989: input 1x16x16
///
///       layer   kind    units  connections  free parameters
///       H1      Conv2d    768       19,968            1,068
///       …
///       total           1,000       64,660            9,760
///
///       input units                   256
///       units with the input        1,256
///       units with free parameters  1,000
extension NetworkCount {
    /// The table, the totals and the input lines.
    public var text: String {
        let header = ["layer", "kind", "units", "connections", "free parameters"]
        let rows = layers.map { [$0.name, $0.kind, NumberFormat.count($0.units), NumberFormat.count($0.connections), NumberFormat.count($0.freeParameters)] }
        let total = ["total", "", NumberFormat.count(units), NumberFormat.count(connections), NumberFormat.count(freeParameters)]
        let table = TextTable.columns([header] + rows + [total], rightAligned: [false, false, true, true, true])
        let figures = [
            ["input units", NumberFormat.count(inputUnits)],
            ["units with the input", NumberFormat.count(unitsWithInput)],
            ["units with free parameters", NumberFormat.count(parametrisedUnits)],
        ]
        let geometric = zip(layers, sources).filter { $0.1 == .geometry }.map(\.0.name)
        let note =
            geometric.isEmpty
            ? []
            : [
                "",
                "  counted from the geometry (more than \(NumberFormat.count(NetworkCount.matrixTermLimit)) terms, or above the memory budget): "
                    + geometric.joined(separator: ", "),
            ]
        return (["\(network): input \(input)", ""] + table + [""] + TextTable.columns(figures, rightAligned: [false, true]) + note)
            .joined(separator: "\n") + "\n"
    }
}

/// The JSON document of a count, version 1.
public struct NetworkCountDocument: Encodable {
    public let count: NetworkCount

    public init(_ count: NetworkCount) {
        self.count = count
    }

    enum Key: String, CodingKey {
        case version, spec, network, input_shape, input_units, layers, total
    }

    enum LayerKey: String, CodingKey {
        case name, kind, units, connections, free_parameters
    }

    enum TotalKey: String, CodingKey {
        case units, units_with_input, parametrised_units, connections, free_parameters
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(1, forKey: .version)
        try c.encodeNil(forKey: .spec)
        try c.encode(count.network, forKey: .network)
        try c.encode(count.input.extents, forKey: .input_shape)
        try c.encode(count.inputUnits, forKey: .input_units)
        var list = c.nestedUnkeyedContainer(forKey: .layers)
        for layer in count.layers {
            var entry = list.nestedContainer(keyedBy: LayerKey.self)
            try entry.encode(layer.name, forKey: .name)
            try entry.encode(layer.kind, forKey: .kind)
            try entry.encode(layer.units, forKey: .units)
            try entry.encode(layer.connections, forKey: .connections)
            try entry.encode(layer.freeParameters, forKey: .free_parameters)
        }
        var total = c.nestedContainer(keyedBy: TotalKey.self, forKey: .total)
        try total.encode(count.units, forKey: .units)
        try total.encode(count.unitsWithInput, forKey: .units_with_input)
        try total.encode(count.parametrisedUnits, forKey: .parametrised_units)
        try total.encode(count.connections, forKey: .connections)
        try total.encode(count.freeParameters, forKey: .free_parameters)
    }
}
