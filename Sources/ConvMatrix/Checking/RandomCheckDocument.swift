/// The JSON document of `convmat check --random N --format json`, version 1
/// (docs/json.md).
public struct RandomCheckDocument: Encodable, Sendable {
    public static let version = 1
    public let run: RandomCheckRun

    public init(_ run: RandomCheckRun) {
        self.run = run
    }

    enum Key: String, CodingKey {
        case version, spec, input_shape, seed, configurations, passed, failed, kinds, failures
    }

    enum FailureKey: String, CodingKey {
        case spec, input_shape, seed, command, failed_checks
    }

    /// A registered kind's name as a key of `kinds`.
    struct KindKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encodeNil(forKey: .spec)
        try c.encodeNil(forKey: .input_shape)
        try c.encode(run.seed, forKey: .seed)
        try c.encode(run.checked, forKey: .configurations)
        try c.encode(run.checked - run.failures.count, forKey: .passed)
        try c.encode(run.failures.count, forKey: .failed)
        var kinds = c.nestedContainer(keyedBy: KindKey.self, forKey: .kinds)
        for (kind, count) in run.kindCounts { try kinds.encode(count, forKey: KindKey(stringValue: kind)) }
        var list = c.nestedUnkeyedContainer(forKey: .failures)
        for failure in run.failures {
            var item = list.nestedContainer(keyedBy: FailureKey.self)
            try item.encode(failure.spec, forKey: .spec)
            try item.encode(failure.input.extents, forKey: .input_shape)
            try item.encode(failure.seed, forKey: .seed)
            try item.encode(failure.command, forKey: .command)
            try item.encode(failure.failedChecks.map(\.name.rawValue), forKey: .failed_checks)
        }
    }
}
