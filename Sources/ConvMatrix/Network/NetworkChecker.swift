/// The checker of a whole network: every layer's ``Checker`` (an input-dependent
/// layer at the input the network's forward pass gives it on x), then central
/// differences of E = ½‖y‖² for ∂E/∂x and every layer's ∂E/∂θ.
///
///     let report = try NetworkChecker(network: Network(named: "resnet-basic-block")).run()
///     #expect(report.passed)
///
/// The data (docs/networks.md, "Checking a network"):
///
/// - a **linear** network (no input-dependent layer) takes small integer weights
///   and x in ±{1, 2, 3}; E is quadratic along every direction, so step 1 has no
///   truncation error, and with integer constants every value is an integer: the
///   checks are exact, held to 0 (``NetworkBounds`` shows no value reaches 2⁵²);
/// - a **nonlinear** network takes PyTorch's default weights and x uniform in ±1.
///   Each direction's step h is the power of two (2⁰ … 2⁻⁴⁰) that minimises the
///   bound h²·|E‴|/6 + εE/h + εg, among those whose segment crosses no ReLU kink
///   and no max-pooling tie; when none does, x is drawn again (at most 8 times).
public struct NetworkChecker: Sendable {
    public let network: Network
    public let seed: UInt64
    /// Weights the network checks use instead of the drawn ones (a test's corruption).
    public var weights: NetworkWeights?

    public init(network: Network, seed: UInt64 = 0, weights: NetworkWeights? = nil) {
        self.network = network
        self.seed = seed
        self.weights = weights
    }

    /// At most this many draws of x for a nonlinear network (one when the rounding
    /// bound alone reaches a kink: another x would not change that).
    public static let drawAttempts = 8

    /// True when no layer is input-dependent: the network is one affine map.
    public var isLinear: Bool { !network.layers.contains { $0.layer.isInputDependent } }

    /// Runs every layer's checks and the network's.
    ///
    /// - Throws: ``ConvMatrixError``: `.budget` when a matrix exceeds `budget`,
    ///   `.numerical` when a layer's check data would overflow.
    /// - Parameter progress: told, in a few words, what runs next (the CLI's progress line).
    public func run(budget: MemoryBudget = .default, progress: (String) -> Void = { _ in }) throws(ConvMatrixError) -> NetworkCheckReport {
        let drawnWeights =
            weights ?? (isLinear ? NetworkWeights.integers(for: network, seed: seed) : NetworkWeights.pytorchDefault(for: network, seed: seed))
        progress("the whole network's finite differences")
        let whole = try wholeNetworkChecks(weights: drawnWeights, budget: budget)
        var layers: [NetworkCheckReport.LayerReport] = []
        for (k, layer) in network.layers.enumerated() {
            progress("layer \(k + 1) of \(network.layers.count), \(layer.name)")
            layers.append(NetworkCheckReport.LayerReport(name: layer.name, report: try check(layer, at: whole.inputs[layer.name] ?? [], budget: budget)))
        }
        return NetworkCheckReport(
            network: network.name, input: network.input, seed: seed, x: whole.x, dataNote: dataNote + whole.note, layers: layers,
            checks: whole.checks)
    }

    /// What the checks of the whole network leave for the layers' checks and the report.
    private struct WholeNetworkChecks {
        let x: [Double]
        /// The input each layer saw on the way from x, by full name.
        let inputs: [String: [Double]]
        let note: String
        let checks: [NetworkCheckReport.Check]
    }

    /// x drawn until every class has a step, then the central differences. The
    /// network's forms live only here: they are freed before the layers' checks
    /// build their own, so the peak is the larger of the two, not their sum.
    private func wholeNetworkChecks(weights: NetworkWeights, budget: MemoryBudget) throws(ConvMatrixError) -> WholeNetworkChecks {
        let materialised = try MaterialisedNetwork(network, weights: weights, budget: budget)
        var run = NetworkFiniteDifferences(network: network, materialised: materialised, seed: seed)
        var attempt = 0
        var x = drawX(attempt: 0)
        var ready = try run.prepare(x: x)
        while !ready, run.roundingReach == nil, attempt + 1 < Self.drawAttempts {
            attempt += 1
            x = drawX(attempt: attempt)
            ready = try run.prepare(x: x)
        }
        let redrawn = attempt == 0 ? "" : "; x drawn \(attempt + 1) times: the earlier draws put a kink or tie within the step's margin"
        let kink = run.nearestKink.map { "; the nearest kink is \(Checker.noteDistance($0.distance)) away (\($0.description))" } ?? ""
        return WholeNetworkChecks(x: x, inputs: run.trace.inputs, note: redrawn + kink, checks: try run.checks(budget: budget))
    }

    /// The layer's checker, an input-dependent layer linearised at `x`; with given
    /// weights, the layer's forward check runs on them (``Checker``'s given weights).
    private func check(_ layer: NetworkLayer, at x: [Double], budget: MemoryBudget) throws(ConvMatrixError) -> CheckReport {
        if let nonlinear = layer.layer as? any InputDependentLayer {
            return try Checker(layer: nonlinear.at(x: x), seed: seed).run(budget: budget)
        }
        let given = weights.flatMap { NetworkWeights.hasParameters(layer.layer) ? $0.weights(for: layer) : nil }
        return try Checker(layer: layer.layer, seed: seed, weights: given).run(budget: budget)
    }

    /// x for draw `attempt`: ±{1, 2, 3} for a linear network, uniform in ±1 otherwise.
    func drawX(attempt: Int) -> [Double] {
        var random = SplitMix64(seed: seed ^ 0x5EED_0000 &+ UInt64(attempt))
        return (0..<network.input.count).map { _ in
            isLinear ? Double(random.nextSmallNonzeroInteger()) : random.nextSymmetric(bound: 1)
        }
    }

    private var dataNote: String {
        if weights != nil { return "given weights, x drawn from seed \(seed)" }
        return isLinear
            ? "integer weights ±{1, 2, 3} and x in ±{1, 2, 3}, drawn from seed \(seed)"
            : "PyTorch's default weights and x uniform in ±1, drawn from seed \(seed)"
    }
}
