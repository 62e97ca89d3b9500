/// The JSON document of `convmat check --format json`, version 1 (docs/json.md).
public struct CheckReportDocument: Encodable, Sendable {
    public static let version = 1
    public let report: CheckReport

    public init(_ report: CheckReport) {
        self.report = report
    }

    enum Key: String, CodingKey {
        case version, spec, input_shape, seed, input_dependent, x, passed, checks
    }

    enum CheckKey: String, CodingKey {
        case name, ran, max_abs_error, tolerance, passed, note
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encode(report.spec, forKey: .spec)
        try c.encode(report.input.extents, forKey: .input_shape)
        try c.encode(report.seed, forKey: .seed)
        try c.encode(report.point != nil, forKey: .input_dependent)
        try c.encodeNullable(report.point, forKey: .x)
        try c.encode(report.passed, forKey: .passed)
        var list = c.nestedUnkeyedContainer(forKey: .checks)
        for check in report.checks {
            var item = list.nestedContainer(keyedBy: CheckKey.self)
            try item.encode(check.name.rawValue, forKey: .name)
            try item.encode(check.ran, forKey: .ran)
            try item.encodeNullable(check.maxAbsError.map(Self.finite), forKey: .max_abs_error)
            try item.encodeNullable(check.tolerance.map(Self.finite), forKey: .tolerance)
            try item.encodeNullable(check.passed, forKey: .passed)
            try item.encode(check.note, forKey: .note)
        }
    }

    /// JSON has no infinity: an error too large to represent is written as the largest Double.
    static func finite(_ value: Double) -> Double {
        value.isFinite ? value : .greatestFiniteMagnitude
    }
}
