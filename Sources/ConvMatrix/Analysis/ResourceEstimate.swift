/// What a command will hold at its peak and how much work it will do, estimated
/// from the geometry alone, before anything is allocated.
///
/// Every command adds up the pieces it will build (weights, terms, dense
/// matrices, its output) and asks ``ResourceBudget/require(_:for:alternatives:)``
/// once, before the first of them exists. Estimates saturate: a size too large
/// to represent is certainly too large to build.
///
///     let cost = layer.structureEstimate + layer.denseEstimate
///     try budget.require(cost, for: "the matrix of \(layer.spec) on \(layer.input)")
///
/// `bytes` bounds the peak resident memory above that of a trivial run (the
/// test `PeakMemoryTests` measures it); `work` is in flops, or in the time of
/// that many flops for work that is not arithmetic (``ResourceEstimate/Rate``).
public struct ResourceEstimate: Sendable, Equatable {
    /// Bytes held at the peak.
    public var bytes: Int
    /// Estimated flops, or their time's worth.
    public var work: Double

    public init(bytes: Int, work: Double) {
        self.bytes = bytes
        self.work = work
    }

    public static let zero = ResourceEstimate(bytes: 0, work: 0)

    /// `count` items that each hold `rate.bytes` and cost `rate.work`.
    public init(_ count: Int, at rate: Rate) {
        self.init(bytes: saturatingProduct(count, rate.bytes), work: Double(count) * rate.work)
    }

    /// Both pieces alive at once.
    public static func + (a: Self, b: Self) -> Self {
        Self(bytes: saturatingSum(a.bytes, b.bytes), work: a.work + b.work)
    }

    /// The same work done `times` times over, holding only one copy at a time.
    public func repeated(_ times: Int) -> Self {
        Self(bytes: bytes, work: work * Double(times))
    }

    /// What one item costs: bytes held and work done.
    ///
    /// Work that is not arithmetic (drawing an entry as text, encoding a term as
    /// JSON) is charged the flops the same time would do: on the two-core machine
    /// of docs/cli.md a dense BLAS flop takes about 0.1 ns, so 1 µs is 10⁴ flops.
    public struct Rate: Sendable, Equatable {
        public var bytes: Int
        public var work: Double

        public init(bytes: Int, work: Double) {
            self.bytes = bytes
            self.work = work
        }
    }
}

/// The size guard and the time guard together: one limit on the bytes a
/// command holds and one on the work it does.
public struct ResourceBudget: Sendable, Equatable {
    public var memory: MemoryBudget
    public var flops: FlopBudget

    public init(memory: MemoryBudget = .default, flops: FlopBudget = .default) {
        self.memory = memory
        self.flops = flops
    }

    /// Throws when `estimate` exceeds either limit: memory first, since it is
    /// what would end the process.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `max-memory` or `max-flops`.
    public func require(_ estimate: ResourceEstimate, for what: String, alternatives: [String] = []) throws(ConvMatrixError) {
        try memory.require(estimate.bytes, for: what, alternatives: alternatives)
        try flops.require(estimate.work, for: what, alternatives: alternatives)
    }
}
