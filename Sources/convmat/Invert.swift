import ArgumentParser
import ConvMatrix

/// `convmat invert`: recover x from y = Wᵀx + o + b, and say what cannot be recovered.
struct Invert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Undo a layer: recover x from its output, with gelsd's minimum-norm and a Tikhonov solution.",
        discussion: """
            x is drawn uniform in ±1 from SplitMix64(--x-seed), or read with --x FILE.npy in the \
            input's shape (C, *spatial). The bias and any padding offset are subtracted before \
            solving. --noise A adds noise uniform in ±A to y, drawn from the same generator after x. \
            See docs/spectrum.md.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @OptionGroup var layer: LayerOptions
    @OptionGroup var weightOptions: WeightOptions
    @OptionGroup var flopOptions: FlopOptions

    @Option(name: .customLong("x"), help: "The input to recover, as a .npy file of the input's shape (C, *spatial).")
    var xFile: String?

    @Option(
        name: .customLong("x-seed"), parsing: .unconditional,
        help: "Seed of the SplitMix64 generator that draws x (and the noise). (default: 1)",
        transform: OptionValues.wholeNumber("x-seed"))
    var xSeed: UInt64 = 1

    @Option(
        parsing: .unconditional, help: "Amplitude of uniform noise added to y (default 0: exact data).",
        transform: OptionValues.nonNegative("noise", symbol: "the noise amplitude"))
    var noise: Double = 0

    @Option(parsing: .unconditional, help: "Tikhonov's λ ≥ 0 (default (10⁻³·σ₁)²).", transform: OptionValues.nonNegative("lambda", symbol: "λ"))
    var lambda: Double?

    @Option(
        parsing: .unconditional, help: "Relative threshold below which gelsd counts a singular value as zero (default ε·max(m, n)).",
        transform: OptionValues.nonNegative("rcond", symbol: "rcond"))
    var rcond: Double?

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let inverted = try layer.makeLayer()
        if inverted.isInputDependent {
            throw OptionError(
                field: "spec",
                reason:
                    "\(inverted.specDescription) depends on its input: invert undoes a linear layer; for its Jacobian at x use show or spectrum with --x-seed N"
            )
        }
        let weights = try weightOptions.weights(for: inverted, budget: layer.budget())
        let memory = try layer.budget()
        try Inversion.requireBudgets(inverted, memory: memory, flops: try flopOptions.budget())
        if format == .json {
            try memory.require(
                InversionReport.estimatedBytes(inverted), for: "the JSON document of inverting \(inverted.specDescription) on \(inverted.input)")
        }
        var generator = SplitMix64(seed: xSeed)
        let x =
            try xFile.map {
                try NpyArray(contentsOf: $0, field: "x")
                    .requireShape(inverted.input.extents, field: "x", expectedBy: "input \(inverted.input)", path: $0).values
            } ?? (0..<inverted.input.count).map { _ in generator.nextSymmetric(bound: 1) }
        let noiseValues = noise > 0 ? (0..<inverted.output.count).map { _ in generator.nextSymmetric(bound: noise) } : nil
        let inversion = try Inversion(
            MaterialisedLayer(inverted, weights: weights, budget: memory),
            x: x, noise: noiseValues, rcond: rcond, lambda: lambda)
        let report = InversionReport(
            layer: inverted, inversion: inversion, weightSource: weightOptions.source(for: weights),
            inputSource: xFile.map { .file($0) } ?? .random(seed: xSeed), noiseAmplitude: noise)
        switch format {
        case .text: Terminal.write(report.text)
        case .json: Terminal.write(try JSONOutput.encode(report))
        }
    }
}
