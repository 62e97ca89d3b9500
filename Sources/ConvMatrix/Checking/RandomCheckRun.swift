/// Checks of many random configurations, for `convmat check --random N`.
public struct RandomCheckRun: Sendable {
    /// One configuration that failed, with everything needed to reproduce it.
    public struct Failure: Sendable {
        public let spec: ConvolutionSpec
        public let input: TensorShape
        public let seed: UInt64
        public let failedChecks: [CheckReport.Check]

        /// `convmat check 'SPEC' --input SHAPE --seed N`, with the canonical spec.
        public var command: String {
            "convmat check '\(spec.canonical)' --input \(input) --seed \(seed)"
        }
    }

    public let count: Int
    public let seed: UInt64
    public private(set) var checked = 0
    public private(set) var failures: [Failure] = []
    /// Configurations per spatial dimension: [1-D, 2-D, 3-D].
    public private(set) var dimensions = [0, 0, 0]
    private var generator: SplitMix64

    public init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
        generator = SplitMix64(seed: seed)
    }

    /// Draws and checks the next configuration; false when all are done.
    ///
    /// The k-th configuration's data are drawn with seed `seed + k`, which its
    /// reproduction command passes to `convmat check`.
    public mutating func step() throws(ConvMatrixError) -> Bool {
        guard checked < count else { return false }
        let layer = RandomLayerDraw.next(&generator).layer
        let dataSeed = seed &+ UInt64(checked)
        let report = try Checker(layer: layer, seed: dataSeed).run()
        dimensions[layer.spec.spatialDimensions - 1] += 1
        if !report.passed {
            failures.append(Failure(spec: layer.spec, input: layer.input, seed: dataSeed, failedChecks: report.failures))
        }
        checked += 1
        return true
    }

    public var passed: Bool { failures.isEmpty }

    /// `1000 configurations (1-D 331, 2-D 340, 3-D 329): 1000 passed, 0 failed`.
    public var summary: String {
        "\(checked) configurations (1-D \(dimensions[0]), 2-D \(dimensions[1]), 3-D \(dimensions[2])): "
            + "\(checked - failures.count) passed, \(failures.count) failed"
    }
}

/// The JSON document of `convmat check --random N --format json`, version 1.
public struct RandomCheckDocument: Encodable, Sendable {
    public static let version = 1
    public let run: RandomCheckRun

    public init(_ run: RandomCheckRun) {
        self.run = run
    }

    enum Key: String, CodingKey {
        case version, spec, input_shape, seed, configurations, passed, failed, failures
    }

    enum FailureKey: String, CodingKey {
        case spec, input_shape, seed, command, failed_checks
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
        var list = c.nestedUnkeyedContainer(forKey: .failures)
        for failure in run.failures {
            var item = list.nestedContainer(keyedBy: FailureKey.self)
            try item.encode(failure.spec.canonical, forKey: .spec)
            try item.encode(failure.input.extents, forKey: .input_shape)
            try item.encode(failure.seed, forKey: .seed)
            try item.encode(failure.command, forKey: .command)
            try item.encode(failure.failedChecks.map(\.name.rawValue), forKey: .failed_checks)
        }
    }
}
