import ArgumentParser
import ConvMatrix

/// The time guard: the estimated work of one command, in flops (or their time's worth).
struct FlopOptions: ParsableArguments {
    @Option(
        name: .customLong("max-flops"), parsing: .unconditional,
        help: "Largest estimated work of the command in flops, e.g. 1e11 (default: 1e10, about a second).",
        transform: OptionValues.text("max-flops"))
    var maxFlops: String?

    func budget() throws -> FlopBudget {
        try maxFlops.map { try FlopBudget(parsing: $0) } ?? .default
    }
}
