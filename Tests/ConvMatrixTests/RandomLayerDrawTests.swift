import Testing

@testable import ConvMatrix

/// `check --random`'s draw: every registered kind, each over its edge cases,
/// admitted through the spec parser; and the checker's bounds on the layers
/// whose entries are constants, which the draw first exposed.
@Suite struct RandomLayerDrawTests {
    /// `count` admitted draws from `seed`.
    static func draws(_ count: Int, seed: UInt64) -> [(configuration: RandomLayerDraw.Configuration, layer: any Layer)] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in RandomLayerDraw.next(&generator) }
    }

    /// One sample shared by the tests that look for what the draw covers.
    static let sample = draws(3000, seed: 5)

    @Test func everyRegisteredKindIsDrawn() {
        let kinds = Set(Self.sample.map(\.layer.kind))
        #expect(kinds == Set(LayerRegistry.names))
    }

    /// Each option the task names is drawn and admitted at least once.
    @Test(arguments: [
        "connections=", "bias='untied'", "padding_mode='constant'", "output_padding=", "ceil_mode=True",
        "count_include_pad=False", "divisor_override=-", "None", "Flatten(-", "end_dim=", "bias=False)",
    ])
    func edgeOptionIsDrawn(_ fragment: String) {
        #expect(Self.sample.contains { $0.configuration.spec.contains(fragment) })
    }

    @Test func linearIsDrawnOnVectorsAndOnLeadingExtents() {
        let linear = Self.sample.map(\.layer).filter { $0.kind == "Linear" }
        #expect(linear.contains { $0.input.spatial.isEmpty })
        #expect(linear.contains { $0.input.spatial.count >= 2 })
    }

    @Test func adaptivePoolingIsDrawnWithSizesThatDoNotDivideTheInput() {
        let adaptive = Self.sample.map(\.layer).filter { $0.kind.hasPrefix("AdaptiveAvgPool") }
        #expect(adaptive.contains { layer in zip(layer.input.spatial, layer.output.spatial).contains { $0 % $1 != 0 } })
        #expect(adaptive.contains { layer in zip(layer.input.spatial, layer.output.spatial).contains { $1 > $0 } })
    }

    /// Parse ∘ print is the identity on every drawn kind: the canonical spec,
    /// parsed again on the same input, prints the same and has the same shape.
    @Test func canonicalSpecsParseBack() throws {
        for (configuration, layer) in Self.draws(500, seed: 9) {
            let again = try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input)
            #expect(again.specDescription == layer.specDescription, "\(configuration.spec)")
            #expect(again.output == layer.output, "\(configuration.spec)")
        }
    }

    /// A failure's reproduction command names the canonical spec and the drawn
    /// shape as `--input` reads it (a vector as `6`), whatever the kind.
    @Test func reproductionCommandsNameTheDrawnShape() throws {
        for (configuration, layer) in Self.sample.prefix(500) {
            let failure = RandomCheckRun.Failure(
                spec: layer.specDescription, input: layer.input, seed: 4, inputDependent: layer.isInputDependent, failedChecks: [])
            let point = layer.isInputDependent ? " --x-seed 4" : ""
            #expect(failure.command == "convmat check '\(layer.specDescription)' --input \(configuration.input) --seed 4\(point)")
            #expect(try TensorShape(parsing: configuration.input) == layer.input)
        }
    }

    @Test func aRunCountsEveryConfigurationUnderItsKind() throws {
        var run = RandomCheckRun(count: 200, seed: 3)
        while try run.step() {}
        #expect(run.passed, "\(run.failures.map(\.command))")
        #expect(run.kinds.values.reduce(0, +) == 200)
        #expect(run.kindCounts.map(\.kind) == LayerRegistry.names)
        #expect(run.summary.hasPrefix("200 configurations: 200 passed, 0 failed\nkinds: "))
    }

    /// The false failures of the first run over every kind: a pooling layer's
    /// input gradient was held to 0 (its columns hold constants, no terms), and a
    /// negative divisor_override made the forward bound negative.
    @Test(arguments: [
        ("AvgPool1d(kernel_size=3, stride=1)", "1x9", UInt64(757)),
        ("AdaptiveAvgPool1d(output_size=2)", "1x9", UInt64(460)),
        ("AvgPool2d(kernel_size=(2, 1), stride=(1, 2), divisor_override=-2)", "2x2x6", UInt64(560)),
        ("AvgPool3d(kernel_size=(1, 2, 2), count_include_pad=False, divisor_override=-2)", "2x2x3x4", UInt64(248)),
    ])
    func constantEntriesAreHeldToAPositiveBound(_ spec: String, _ input: String, _ seed: UInt64) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        let report = try Checker(layer: layer, seed: seed).run()
        #expect(report.passed, "\(report.failures.map(\.name.rawValue))")
        for check in report.checks where check.ran { #expect((check.tolerance ?? 0) >= 0, "\(check.name.rawValue)") }
        #expect((report[.forwardReals]?.tolerance ?? 0) > 0)
    }
}
