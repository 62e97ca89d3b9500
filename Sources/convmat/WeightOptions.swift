import ArgumentParser
import ConvMatrix

/// A user's own trained weights: `--weight FILE.npy [--bias FILE.npy]`.
struct WeightFileOptions: ParsableArguments {
    @Option(help: "Your own weight in PyTorch layout (out, in/groups, *kernel), as a .npy file (float32 or float64).")
    var weight: String?

    @Option(help: "Your own bias (out,), as a .npy file; goes with --weight.")
    var bias: String?

    func validate() throws {
        if bias != nil, weight == nil { throw ValidationError("--bias goes with --weight") }
    }

    /// The user's weights for `spec`, or nil when none were given.
    func load(for spec: ConvolutionSpec) throws -> LayerWeights? {
        try weight.map { try UserWeights.load(weightPath: $0, biasPath: bias, for: spec) }
    }
}

/// Where the weights come from: drawn (seeded), written out (--kernel), or the user's own .npy files.
struct WeightOptions: ParsableArguments {
    enum Values: String, CaseIterable, ExpressibleByArgument {
        /// PyTorch's default initialisation, uniform in ±1/√fan_in.
        case random
        /// Integers from ±{1, 2, 3}: arithmetic a reader can follow by hand.
        case integers
    }

    @Option(help: "Drawn weights: random (PyTorch's default initialisation, the default) or integers (±1, ±2, ±3).")
    var values: Values?

    @Option(help: "Seed of the SplitMix64 generator behind --values.")
    var seed: UInt64 = 0

    @OptionGroup var files: WeightFileOptions

    @Option(
        parsing: .unconditional,
        help: "The weight's values, comma-separated in PyTorch's flat order (out, in/groups, *kernel), e.g. 0.25,0.5,0.25 or -1,1; the spec needs bias=False.")
    var kernel: String?

    func validate() throws {
        if files.weight != nil, values != nil {
            throw ValidationError("--weight and --values cannot be used together: --weight gives the values")
        }
        if kernel != nil, files.weight != nil || values != nil {
            throw ValidationError("--kernel gives the values: it cannot be used with --weight or --values")
        }
    }

    /// Where the weights come from, for reports.
    func source(for weights: LayerWeights) -> WeightSource {
        if let weight = files.weight { return .file(weight) }
        if kernel != nil { return .kernel(weights.weight) }
        return values == .integers ? .integers(seed: seed) : .random(seed: seed)
    }

    /// The weights for `spec`: given (--kernel), read (--weight) or drawn; sized
    /// against `budget` before a single value is held.
    func weights(for spec: ConvolutionSpec, budget: MemoryBudget) throws -> LayerWeights {
        try budget.require(spec.parameterBytesEstimate, for: "the \(NumberFormat.count(spec.weightParameterCount)) weights of \(spec)")
        if let kernel { return try LayerWeights(parsingKernel: kernel, for: spec) }
        if let given = try files.load(for: spec) { return given }
        switch values ?? .random {
        case .random: return LayerWeights.pytorchDefault(for: spec, seed: seed)
        case .integers: return LayerWeights.integers(for: spec, seed: seed)
        }
    }
}
