import ArgumentParser

/// The root command: one subcommand per file.
struct ConvMat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convmat",
        abstract: "Every convolution layer as an explicit weight-sharing matrix Wᵀ.",
        discussion: """
            Layers are written as in PyTorch, e.g. 'Conv1d(2, 3, kernel_size=3, bias=False)', \
            and inputs as channels-first shapes, e.g. 2x6 or 4x14x14.
            Exit status: 0 on success, 1 when a check fails, 2 on bad input.
            """,
        version: "0.1.0",
        subcommands: [Show.self, Check.self, SpectrumCommand.self, Invert.self, Demo.self, Networks.self, Count.self, Bench.self, Train.self, Explore.self]
    )
}
