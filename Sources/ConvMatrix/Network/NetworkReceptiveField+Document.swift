/// `show NETWORK --view receptive-field --format json` (docs/json.md, version 1):
///
///     {"version": 1, "spec": null, "network", "input_shape", "output_shape",
///      "tensors": [{"name", "shape", "fields": [[unit, …] for each output unit]}, …]}
///
/// `tensors` as ``NetworkReceptiveField/tensors``: x first, the network's output
/// last (its fields[u] = [u]); fields[u] lists, ascending and 0-based, the units
/// of that tensor output unit u structurally depends on.
public struct NetworkReceptiveFieldDocument: Encodable {
    public static let version = 1
    public let field: NetworkReceptiveField
    public let input: TensorShape
    public let output: TensorShape

    public init(_ field: NetworkReceptiveField, network: Network) {
        self.field = field
        input = network.input
        output = network.output
    }

    enum Key: String, CodingKey {
        case version, spec, network, input_shape, output_shape, tensors
    }

    enum TensorKey: String, CodingKey {
        case name, shape, fields
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encodeNil(forKey: .spec)
        try c.encode(field.network, forKey: .network)
        try c.encode(input.extents, forKey: .input_shape)
        try c.encode(output.extents, forKey: .output_shape)
        var list = c.nestedUnkeyedContainer(forKey: .tensors)
        for tensor in field.tensors {
            var entry = list.nestedContainer(keyedBy: TensorKey.self)
            try entry.encode(tensor.name, forKey: .name)
            try entry.encode(tensor.shape.extents, forKey: .shape)
            try entry.encode(tensor.fields, forKey: .fields)
        }
    }
}
