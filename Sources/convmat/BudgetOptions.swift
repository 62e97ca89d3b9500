import ArgumentParser
import ConvMatrix

/// The size guard's limit: `--max-memory SIZE`.
struct BudgetOptions: ParsableArguments {
    @Option(
        name: .customLong("max-memory"), parsing: .unconditional,
        help: "Largest allocation for one layer's matrices, e.g. 512M or 4G (default: a quarter of physical memory).",
        transform: OptionValues.text("max-memory"))
    var maxMemory: String?

    func budget() throws -> MemoryBudget {
        try maxMemory.map { try MemoryBudget(parsing: $0) } ?? .default
    }
}
