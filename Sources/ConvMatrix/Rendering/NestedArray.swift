/// A flat C-order array seen as nested lists of a given shape, for JSON:
/// shape (3, 2, 3) becomes a list of 3 lists of 2 lists of 3 numbers.
public indirect enum NestedArray: Encodable, Equatable, Sendable {
    case number(Double)
    case list([NestedArray])

    /// `values` (C order) nested by `shape`.
    public init(_ values: [Double], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *), "\(values.count) values for shape \(shape)")
        guard let first = shape.first else {
            self = .number(values[0])
            return
        }
        let stride = values.count / max(first, 1)
        self = .list(
            (0..<first).map { k in
                NestedArray(Array(values[(k * stride)..<((k + 1) * stride)]), shape: Array(shape.dropFirst()))
            })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .list(let items): try container.encode(items)
        }
    }
}
