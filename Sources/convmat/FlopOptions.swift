import ArgumentParser
import ConvMatrix

/// The time guard of the commands that factorise Wᵀ.
struct FlopOptions: ParsableArguments {
    @Option(
        name: .customLong("max-flops"), parsing: .unconditional,
        help: "Largest estimated flop count for one factorisation, e.g. 1e11 (default: 1e10, about a second).",
        transform: OptionValues.text("max-flops"))
    var maxFlops: String?

    func budget() throws -> FlopBudget {
        try maxFlops.map { try FlopBudget(parsing: $0) } ?? .default
    }
}
