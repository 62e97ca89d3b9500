/// Checks of many random configurations, for `convmat check --random N`.
public struct RandomCheckRun: Sendable {
    /// One configuration that failed, with everything needed to reproduce it.
    public struct Failure: Sendable {
        /// The canonical spec (``Layer/specDescription``).
        public let spec: String
        public let input: TensorShape
        public let seed: UInt64
        /// True when the layer was checked at x drawn from `seed` (`--x-seed`).
        public let inputDependent: Bool
        public let failedChecks: [CheckReport.Check]

        /// `convmat check 'SPEC' --input SHAPE --seed N` (and `--x-seed N` for an
        /// input-dependent layer), with the canonical spec.
        public var command: String {
            "convmat check '\(spec)' --input \(input) --seed \(seed)" + (inputDependent ? " --x-seed \(seed)" : "")
        }
    }

    public let count: Int
    public let seed: UInt64
    public private(set) var checked = 0
    public private(set) var failures: [Failure] = []
    /// Configurations checked per kind (``Layer/kind``: `Conv2d`, `AvgPool1d`, `Linear`).
    public private(set) var kinds: [String: Int] = [:]
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
        let dataSeed = seed &+ UInt64(checked)
        let layer = Self.linearised(RandomLayerDraw.next(&generator).layer, seed: dataSeed)
        let report = try Checker(layer: layer, seed: dataSeed).run()
        kinds[layer.kind, default: 0] += 1
        if !report.passed {
            failures.append(
                Failure(
                    spec: layer.specDescription, input: layer.input, seed: dataSeed, inputDependent: layer.isInputDependent,
                    failedChecks: report.failures))
        }
        checked += 1
        return true
    }

    public var passed: Bool { failures.isEmpty }

    /// An input-dependent layer at x drawn from `seed`; any other unchanged.
    private static func linearised(_ layer: any Layer, seed: UInt64) -> any Layer {
        guard let nonlinear = layer as? any InputDependentLayer else { return layer }
        return nonlinear.at(seed: seed)
    }

    /// Every registered kind with its count, in the registry's order (zeros included).
    public var kindCounts: [(kind: String, count: Int)] {
        LayerRegistry.names.map { ($0, kinds[$0] ?? 0) }
    }

    /// Two lines: the verdict, then the kinds drawn with their counts (the
    /// registry's order, kinds not drawn left out):
    ///
    ///     1000 configurations: 1000 passed, 0 failed
    ///     kinds: Conv1d 95, Conv2d 90, …, GlobalSumPool 31
    public var summary: String {
        let drawn = kindCounts.filter { $0.count > 0 }.map { "\($0.kind) \($0.count)" }
        return "\(checked) configurations: \(checked - failures.count) passed, \(failures.count) failed\n"
            + "kinds: " + (drawn.isEmpty ? "none" : drawn.joined(separator: ", "))
    }
}
