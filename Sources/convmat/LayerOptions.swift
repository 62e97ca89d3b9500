import ArgumentParser
import ConvMatrix

/// The layer and its input: what every command starts from.
struct LayerOptions: ParsableArguments {
    @Argument(help: "The layer, as in PyTorch, e.g. 'Conv1d(2, 3, kernel_size=3, bias=False)'.")
    var spec: String

    @Option(parsing: .unconditional, help: "The input shape, channels first: 2x6, 4x14x14 or 1x8x8x8.", transform: OptionValues.text("input"))
    var input: String

    @OptionGroup var budgetOptions: BudgetOptions

    /// The layer of any registered kind.
    func makeLayer() throws -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
    }

    func budget() throws -> MemoryBudget {
        try budgetOptions.budget()
    }
}
