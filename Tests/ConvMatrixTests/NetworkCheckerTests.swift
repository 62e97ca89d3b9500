import Testing

@testable import ConvMatrix

/// The network checker passes every shipped network it can build, fails when a
/// layer's gradient disagrees with its forward pass, and batches equal samples.
@Suite struct NetworkCheckerTests {
    static let linear = """
        input 2x4x4
        Residual:
          Conv2d(2, 2, 3, padding=1, padding_mode='constant', padding_value=-1)
          SumPool2d(1)
        Concat:
          branch:
            Conv2d(2, 1, 1, bias=False)
          branch:
            Identity()
        Flatten()
        Linear(48, 3)
        """

    /// Every shipped network but alexnet (refused by the size guard until the sparse form).
    @Test(arguments: ShippedNetworks.all.map(\.name).filter { $0 != "alexnet" })
    func everyShippedNetworkPasses(_ name: String) throws {
        let network = try Network(named: name)
        let report = try NetworkChecker(network: network, seed: 1).run()
        #expect(report.passed, "\(report.failureSummary)")
        #expect(report.layers.map(\.name) == network.layers.map(\.name))
        let ran = report.checks.map(\.ran)
        #expect(!ran.contains(false), "every network check ran")
    }

    /// A linear network with integer data is held to 0 and meets it.
    @Test func aLinearNetworkIsExact() throws {
        let report = try NetworkChecker(network: Network(parsing: Self.linear, name: "t"), seed: 3).run()
        #expect(report.passed)
        #expect(report.checks.allSatisfy { $0.tolerance == 0 && $0.maxAbsError == 0 })
        #expect(report.checks.allSatisfy { $0.note.contains("step 2⁰") && $0.note.contains("exact") })
    }

    /// Every term of the last convolution's gradient moved to the next parameter: the
    /// backward pass no longer differentiates the forward one, and ∂E/∂θ of that layer
    /// fails (a single term could hide behind a ReLU that is off).
    /// On either form of the passes (``LayerPasses``).
    @Test(arguments: [Self.linear, ShippedNetworks.named("resnet-basic-block")!.text], [false, true])
    func aCorruptedGradientFails(_ text: String, compressed: Bool) throws {
        let network = try Network(parsing: text, name: "t")
        let corrupted = try #require(network.layers.last { $0.layer.kind == "Conv2d" }).name
        let checker = NetworkChecker(network: network, seed: 2)
        let weights = checker.isLinear ? NetworkWeights.integers(for: network, seed: 2) : NetworkWeights.pytorchDefault(for: network, seed: 2)
        let materialised = try MaterialisedNetwork(network, weights: weights)
        let layer = try #require(materialised.linear[corrupted])
        let form = layer.layer.matrixForm()
        let terms = form.tied.terms.map { Term(row: $0.row, column: $0.column, parameter: ($0.parameter + 1) % form.tied.parameterCount) }
        let wrong = TiedMatrix(
            rows: form.tied.rows, columns: form.tied.columns, rowBlockSize: form.tied.rowBlockSize,
            columnBlockSize: form.tied.columnBlockSize, parameters: form.tied.parameters, terms: terms,
            coefficients: form.tied.coefficients, constants: form.tied.constants)
        let corruptedForm = MatrixForm(
            layer: form.layer, tied: form.tied, borderTerms: form.borderTerms, offsetScale: form.offsetScale, gradientTied: wrong)
        let passes: LayerPasses =
            compressed
            ? .compressed(try SparseLayer(CompressedMatrixForm(corruptedForm), weights: layer.weights))
            : .dense(try MaterialisedLayer(corruptedForm, weights: layer.weights))
        let broken = materialised.replacing(corrupted, with: passes)
        var run = NetworkFiniteDifferences(network: network, materialised: broken, seed: 2)
        #expect(try run.prepare(x: checker.drawX(attempt: 0)))
        let checks = try run.checks(budget: .default)
        let failed = checks.filter { $0.passed == false }.map(\.name)
        #expect(failed == ["∂E/∂θ \(corrupted)"])
    }

    static func batch(_ columns: Int, rows: Int, seed: UInt64) -> Matrix {
        var random = SplitMix64(seed: seed)
        return Matrix(columns: (0..<columns).map { _ in (0..<rows).map { _ in Double(random.nextSmallNonzeroInteger()) } }, rows: rows)
    }

    /// A batch through a linear and a piecewise linear network, with integer data:
    /// column s is sample s's pass, and the parameter gradients are the samples' sums, exactly.
    @Test(arguments: [Self.linear, ShippedNetworks.named("xception-block")!.text])
    func aBatchIsItsSamplesSummed(_ text: String) throws {
        let network = try Network(parsing: text, name: "t")
        let materialised = try MaterialisedNetwork(network, weights: NetworkWeights.integers(for: network, seed: 4))
        let samples = 3
        let xs = Self.batch(samples, rows: network.input.count, seed: 5)
        let dys = Self.batch(samples, rows: network.output.count, seed: 6)
        let outputs = materialised.forward(batch: xs)
        let batch = try materialised.backward(batch: xs, outputGradients: dys)
        let single = try (0..<samples).map { try materialised.backward(input: xs.column($0), outputGradient: dys.column($0)) }
        for s in 0..<samples {
            #expect(outputs.column(s) == materialised.forward(xs.column(s)), "y of sample \(s)")
            #expect(batch.input.column(s) == single[s].input, "δx of sample \(s)")
        }
        for layer in network.layers {
            let summed = try #require(batch.layers[layer.name])
            let parts = single.compactMap { $0.layers[layer.name] }
            #expect(summed.weight == Self.sum(parts.map(\.weight), count: summed.weight.count), "δv of \(layer.name)")
            if let bias = summed.bias {
                #expect(bias == Self.sum(parts.compactMap(\.bias), count: bias.count), "δb of \(layer.name)")
            }
        }
    }

    static func sum(_ vectors: [[Double]], count: Int) -> [Double] {
        vectors.reduce(Array(repeating: 0.0, count: count)) { total, vector in zip(total, vector).map { $0 + $1 } }
    }

    /// AlexNet is sized before anything is built: its compressed convolutions and
    /// fully connected layers (8 bytes a nonzero) and the weights, not a dense Wᵀ;
    /// far beyond the default second of work, within 8 GiB and 10¹² flops.
    @Test func alexnetIsSizedBeforeAnythingIsBuilt() throws {
        let network = try Network(named: "alexnet")
        let estimate = NetworkChecker.estimate(for: network)
        let nonzeros = network.layers.filter { !$0.layer.isInputDependent }.reduce(0) { $0 + $1.layer.entryCountBound }
        #expect(estimate.bytes > 8 * nonzeros && estimate.bytes < 8 << 30)
        #expect(throws: ConvMatrixError.self) { try ResourceBudget(memory: MemoryBudget(limitBytes: 8 << 30)).require(estimate, for: "checking alexnet") }
        try ResourceBudget(memory: MemoryBudget(limitBytes: 8 << 30), flops: FlopBudget(limitFlops: 1e12)).require(estimate, for: "checking alexnet")
    }
}
