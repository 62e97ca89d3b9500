import ArgumentParser
import ConvMatrix

/// Weights the user gives: their own trained ones (`--weight FILE.npy [--bias FILE.npy]`)
/// or values written out (`--kernel 1,2,1`). Every command that takes weights has these,
/// `check` included.
struct GivenWeightOptions: ParsableArguments {
    @Option(help: "Your own weight in PyTorch layout (out, in/groups, *kernel), as a .npy file (float32 or float64).")
    var weight: String?

    @Option(help: "Your own bias (out,), as a .npy file; goes with --weight.")
    var bias: String?

    @Option(
        parsing: .unconditional,
        help: "The weight's values, comma-separated in PyTorch's flat order (out, in/groups, *kernel), e.g. 0.25,0.5,0.25 or -1,1; the spec needs bias=False.",
        transform: OptionValues.text("kernel"))
    var kernel: String?

    func validate() throws {
        if bias != nil, weight == nil { throw OptionError(field: "bias", reason: "--bias goes with --weight") }
        if kernel != nil, weight != nil {
            throw OptionError(field: "kernel", reason: "--kernel and --weight both give the weight's values; give one of them")
        }
    }

    /// The given weights for `layer`, or nil when none were given.
    func load(for layer: any Layer) throws -> LayerWeights? {
        if let kernel { return try LayerWeights(parsingKernel: kernel, for: layer) }
        return try weight.map { try UserWeights.load(weightPath: $0, biasPath: bias, for: layer) }
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

    @Option(
        parsing: .unconditional, help: "Seed of the SplitMix64 generator behind --values. (default: 0)",
        transform: OptionValues.wholeNumber("seed"))
    var seed: UInt64 = 0

    @OptionGroup var given: GivenWeightOptions

    func validate() throws {
        if given.weight != nil, values != nil {
            throw OptionError(field: "values", reason: "--values draws weights and --weight reads them; give one of them")
        }
        if given.kernel != nil, values != nil {
            throw OptionError(field: "values", reason: "--values draws weights and --kernel gives them; give one of them")
        }
    }

    /// Where the weights come from, for reports.
    func source(for weights: LayerWeights) -> WeightSource {
        if let weight = given.weight { return .file(weight) }
        if given.kernel != nil { return .kernel(weights.weight) }
        return values == .integers ? .integers(seed: seed) : .random(seed: seed)
    }

    /// The weights for `layer`: given (--kernel, --weight) or drawn; sized
    /// against `budget` before a single value is held.
    func weights(for layer: any Layer, budget: MemoryBudget) throws -> LayerWeights {
        try budget.require(
            layer.parameterEstimate.bytes, for: "the \(NumberFormat.count(layer.weightParameterCount)) weights of \(layer.specDescription)")
        if let given = try given.load(for: layer) { return given }
        switch values ?? .random {
        case .random: return LayerWeights.pytorchDefault(for: layer, seed: seed)
        case .integers: return LayerWeights.integers(for: layer, seed: seed)
        }
    }
}
