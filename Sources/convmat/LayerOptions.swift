import ArgumentParser
import ConvMatrix

/// The layer and its input: what every command starts from. `show` also takes
/// a network here (a shipped name or a file): a SPEC always has its arguments
/// in parentheses, a network argument never has one.
struct LayerOptions: ParsableArguments {
    @Argument(
        help: "The layer, as in PyTorch, e.g. 'Conv1d(2, 3, kernel_size=3, bias=False)'. show also takes a NETWORK: a shipped name or a network file."
    )
    var spec: String

    @Option(
        parsing: .unconditional, help: "The input shape, channels first: 2x6, 4x14x14 or 1x8x8x8. Required with a SPEC; replaces a network's input line.",
        transform: OptionValues.text("input"))
    var input: String?

    @OptionGroup var budgetOptions: BudgetOptions

    /// True when the argument names a network, not a layer: it has no '('.
    var isNetwork: Bool { !spec.contains("(") }

    func validate() throws {
        if !isNetwork, input == nil, !SchNetShow.names(spec) { throw OptionError(field: "input", reason: "--input is required") }
    }

    /// The layer of any registered kind.
    ///
    /// - Throws: on field `spec` for a network argument: only `show` takes one.
    func makeLayer() throws -> any Layer {
        guard let input, !isNetwork else {
            throw OptionError(
                field: "spec",
                reason:
                    "\(EchoedText.quoted(spec)) is not a layer SPEC (a SPEC has its arguments in parentheses, e.g. 'Conv1d(2, 3, 3)'); "
                    + "show and check take a network, and show NETWORK --layer NAME shows one of its layers")
        }
        return try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
    }

    func budget() throws -> MemoryBudget {
        try budgetOptions.budget()
    }
}
