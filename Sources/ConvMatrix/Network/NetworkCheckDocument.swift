/// The JSON document of `convmat check NETWORK --format json`: `check`'s
/// document, version 1 (docs/json.md), with `spec` null, the added keys
/// `network` and `layers` (each layer's own check document with its `name`),
/// and `checks` holding the network checks.
public struct NetworkCheckDocument: Encodable, Sendable {
    public let report: NetworkCheckReport

    public init(_ report: NetworkCheckReport) {
        self.report = report
    }

    enum Key: String, CodingKey {
        case version, spec, network, input_shape, seed, input_dependent, x, data, passed, checks, layers
    }

    enum CheckKey: String, CodingKey {
        case name, ran, max_abs_error, tolerance, passed, note
    }

    /// One layer: its name, then the keys of its `check` document.
    struct LayerEntry: Encodable {
        let name: String
        let report: CheckReport

        enum NameKey: String, CodingKey { case name }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: NameKey.self)
            try c.encode(name, forKey: .name)
            try CheckReportDocument(report).encode(to: encoder)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(CheckReportDocument.version, forKey: .version)
        try c.encodeNil(forKey: .spec)
        try c.encode(report.network, forKey: .network)
        try c.encode(report.input.extents, forKey: .input_shape)
        try c.encode(report.seed, forKey: .seed)
        try c.encode(report.isInputDependent, forKey: .input_dependent)
        try c.encode(report.x, forKey: .x)
        try c.encode(report.dataNote, forKey: .data)
        try c.encode(report.passed, forKey: .passed)
        var list = c.nestedUnkeyedContainer(forKey: .checks)
        for check in report.checks {
            var item = list.nestedContainer(keyedBy: CheckKey.self)
            try item.encode(check.name, forKey: .name)
            try item.encode(check.ran, forKey: .ran)
            try item.encodeNullable(check.maxAbsError.map(CheckReportDocument.finite), forKey: .max_abs_error)
            try item.encodeNullable(check.tolerance.map(CheckReportDocument.finite), forKey: .tolerance)
            try item.encodeNullable(check.passed, forKey: .passed)
            try item.encode(check.note, forKey: .note)
        }
        try c.encode(report.layers.map { LayerEntry(name: $0.name, report: $0.report) }, forKey: .layers)
    }
}
