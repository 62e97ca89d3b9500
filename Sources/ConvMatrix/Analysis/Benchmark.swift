import Foundation

/// `convmat bench`: a fixed set of layers, each pass timed with a warm-up and
/// repeated runs (the median reported), against a bound measured in the same
/// run where one exists (docs/performance.md).
///
///     build                zero-filling a fresh buffer of Wᵀ's size        target ≥ 0.5
///     forward-256          Y = WᵀX + (o + b)1ᵀ  against a bare dgemm of the same shapes
///     input-gradient-256   δX = W δY            against a bare dgemm        target ≥ 0.8 (gemm ≥ 10 MFLOP)
///     weight-gradient-256  δv = reduce(δY Xᵀ)   against the bare dgemm δY Xᵀ
///     check                one configuration's `check`, wall time
///
/// Tests make no timing assertions: the figures are measurements.
public struct Benchmark: Sendable {
    /// One benchmarked layer.
    public struct Case: Sendable {
        public let title: String
        public let spec: String
        public let input: String
        /// Part of `--quick`.
        public let quick: Bool
        /// When to time `check` on it: in full runs, or in `--quick` runs too (LeNet's H1 only: seconds even in a debug build).
        public let check: CheckRun
    }

    /// When a case's `check` is timed.
    public enum CheckRun: Sendable {
        case never, full, always
    }

    /// AlexNet's conv1, on the compressed form only (its dense Wᵀ is about 360 GB).
    static let alexNetConv1 = Case(
        title: "AlexNet's conv1 (sparse form only)", spec: "Conv2d(3, 96, 11, stride=4)", input: "3x227x227", quick: false, check: .full)

    /// The layers, smallest first (so that the process's peak after a case is that case's).
    public static let cases: [Case] = [
        Case(title: "the slides' 2-D layer", spec: "Conv2d(4, 12, 5)", input: "4x14x14", quick: true, check: .full),
        Case(
            title: "LeNet 1989's H1", spec: "Conv2d(1, 12, 5, stride=2, padding=2, padding_mode='constant', padding_value=-1, bias='untied')",
            input: "1x16x16", quick: true, check: .always),
        Case(title: "LeNet 1989's H2", spec: lenetH2, input: "12x8x8", quick: true, check: .full),
        Case(title: "4×28×28 → 12×24×24, 5×5 kernels", spec: "Conv2d(4, 12, 5)", input: "4x28x28", quick: true, check: .never),
        Case(title: "64 channels, 3×3, padding 1 (2 GiB dense)", spec: "Conv2d(64, 64, 3, padding=1)", input: "64x16x16", quick: false, check: .never),
        alexNetConv1,
    ]

    /// H2's connection table (docs/networks.md): maps 0–3 read 0–7, 4–7 read 4–11, 8–11 read 0–3 and 8–11.
    static let lenetH2: String = {
        let groups: [[Int]] = [Array(0...7), Array(4...11), Array(0...3) + Array(8...11)]
        let rows: [String] = (0..<12).map { (j: Int) -> String in
            "[" + groups[j / 4].map { String($0) }.joined(separator: ", ") + "]"
        }
        let table = rows.joined(separator: ", ")
        return "Conv2d(12, 12, 5, stride=2, padding=2, padding_mode='constant', padding_value=-1, bias='untied', connections=[\(table)])"
    }()

    /// Samples per batch.
    public static let batch = 256
    /// The gemm size above which a pass has a target: about 10 MFLOP.
    public static let targetFlops = 1e7

    public let quick: Bool
    /// Timed runs after one warm-up.
    public var runs: Int { quick ? 3 : 5 }

    public init(quick: Bool) {
        self.quick = quick
    }

    /// The cases this run measures.
    public var selected: [Case] { Self.cases.filter { !quick || $0.quick } }

    /// Every figure of one case.
    ///
    /// - Throws: ``ConvMatrixError`` when the case does not build (never for the fixed set) or exceeds `budget`.
    public func figures(_ c: Case, budget: MemoryBudget) throws(ConvMatrixError) -> [BenchmarkFigure] {
        let layer = try LayerRegistry.layer(parsing: c.spec, input: TensorShape(parsing: c.input))
        let name = Self.caseName(layer)
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 0)
        if SparsePath.applies(to: layer) {
            return try sparseFigures(layer, weights: weights, dense: nil, budget: budget) + checkFigure(c, layer, budget: budget)
        }
        let weighted = try WeightedForm(layer, weights: weights, budget: budget)
        try budget.require(saturatingProduct(3, layer.denseBytesEstimate), for: "benchmarking \(name)")
        var figures: [BenchmarkFigure] = []
        let build = median { _ = weighted.tied.dense(parameters: weights.weight) }
        let fill = median { Self.zeroFill(count: layer.entryCount) }
        figures.append(figure(name, "build", build, bound: ("zero-fill", fill), target: 0.5))
        let m = MaterialisedLayer(weighted)
        var random = SplitMix64(seed: 1)
        let x = Matrix(
            rows: layer.input.count, columns: Self.batch, columnMajor: (0..<(layer.input.count * Self.batch)).map { _ in random.nextSymmetric(bound: 1) })
        let dy = Matrix(
            rows: layer.output.count, columns: Self.batch, columnMajor: (0..<(layer.output.count * Self.batch)).map { _ in random.nextSymmetric(bound: 1) })
        let flops = 2 * Double(layer.entryCount) * Double(Self.batch)
        let target = flops >= Self.targetFlops ? 0.8 : nil
        let forward = median { _ = m.forward(batch: x) }
        let gemm = median { _ = m.matrix.multiply(x) }
        figures.append(figure(name, "forward-\(Self.batch)", forward, bound: ("dgemm WᵀX", gemm), target: target))
        let backward = median { _ = m.inputGradient(batch: dy) }
        let gemmT = median { _ = m.matrix.multiply(dy, transposed: true) }
        figures.append(figure(name, "input-gradient-\(Self.batch)", backward, bound: ("dgemm W δY", gemmT), target: target))
        let gradient = median { _ = m.weightGradient(batch: x, outputGradients: dy) }
        let outer = median { _ = dy.multiply(x, otherTransposed: true) }
        figures.append(figure(name, "weight-gradient-\(Self.batch)", gradient, bound: ("dgemm δY Xᵀ", outer), target: target))
        let dense = DenseTimes(forward: forward, backward: backward + gradient)
        return try figures + sparseFigures(layer, weights: weights, dense: dense, budget: budget) + checkFigure(c, layer, budget: budget)
    }

    /// `check` of the case's layer, wall time, when the case times it in this run.
    private func checkFigure(_ c: Case, _ layer: any Layer, budget: MemoryBudget) throws(ConvMatrixError) -> [BenchmarkFigure] {
        guard c.check == .always || (c.check == .full && !quick) else { return [] }
        let start = ContinuousClock.now
        _ = try Checker(layer: layer).run(budget: budget)
        return [figure(Self.caseName(layer), "check", Self.seconds(since: start))]
    }

    /// A case's name in the figures: the canonical spec and the input shape.
    public static func caseName(_ layer: any Layer) -> String {
        "\(layer.specDescription) on \(layer.input)"
    }

    /// `check --random 1000` (seed 0), wall time.
    public func randomCheckFigure() throws(ConvMatrixError) -> BenchmarkFigure {
        let start = ContinuousClock.now
        var run = RandomCheckRun(count: 1000, seed: 0)
        while try run.step() {}
        return figure("check --random 1000", "check-random-1000", Self.seconds(since: start))
    }

    func figure(
        _ caseName: String, _ name: String, _ value: Double, unit: String = "s", bound: (String, Double)? = nil, target: Double? = nil
    ) -> BenchmarkFigure {
        BenchmarkFigure(
            caseName: caseName, name: name, unit: unit, value: value, boundName: bound?.0, boundValue: bound?.1, target: bound == nil ? nil : target,
            peakResidentBytes: Self.peakResidentBytes())
    }

    /// The median of `runs` timed runs after one untimed warm-up.
    func median(_ body: () -> Void) -> Double {
        body()
        let times = (0..<runs).map { _ in
            let start = ContinuousClock.now
            body()
            return Self.seconds(since: start)
        }.sorted()
        return times[times.count / 2]
    }

    /// A freshly allocated buffer of `count` doubles, every element written with 0
    /// (not calloc's untouched pages): what building Wᵀ cannot beat.
    private static func zeroFill(count: Int) {
        let buffer = [Double](unsafeUninitializedCapacity: count) { storage, initialised in
            storage.initialize(repeating: 0)
            initialised = count
        }
        precondition(buffer.count == count)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The process's peak resident memory, bytes (getrusage; Linux reports KiB).
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
