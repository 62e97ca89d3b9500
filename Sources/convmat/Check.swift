import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat check`: prove, configuration by configuration, that Wᵀ is the convolution.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prove that a layer's matrix form is its sliding-window convolution, and check every gradient identity.",
        discussion:
            "A NETWORK (a shipped name or a network file) runs every layer's checks, then finite differences of E = ½‖y‖² through the whole network (docs/networks.md). "
            + "Exit status 0 when every check that ran passed, 1 when one failed, 2 on bad input. docs/checker.md explains the checks.")

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @Argument(
        help: ArgumentHelp(
            "The layer, as in PyTorch, e.g. 'Conv1d(2, 3, kernel_size=3, bias=False)', or a network: a shipped name (convmat networks) or a network file. Not with --random.",
            valueName: "spec-or-network"))
    var spec: String?

    @Option(parsing: .unconditional, help: "The input shape, channels first: 2x6, 4x14x14 or 1x8x8x8.", transform: OptionValues.text("input"))
    var input: String?

    @Option(
        parsing: .unconditional, help: "Check this many random configurations (every registered kind, 1-D to 3-D, every option) instead of one.",
        transform: OptionValues.count("random", of: "configurations to check"))
    var random: Int?

    @Option(
        parsing: .unconditional, help: "Seed of the drawn data (and, with --random, of the configurations). (default: 0)",
        transform: OptionValues.wholeNumber("seed"))
    var seed: UInt64 = 0

    @OptionGroup var weightFiles: GivenWeightOptions

    @Option(
        name: .customLong("weights"), parsing: .unconditional,
        help: "For a NETWORK: read every layer's weights from DIR/NAME.weight.npy and DIR/NAME.bias.npy (docs/networks.md).",
        transform: OptionValues.text("weights"))
    var weightsDirectory: String?
    @OptionGroup var point: PointOptions
    @OptionGroup var schnet: SchNetOptions
    @OptionGroup var budgetOptions: BudgetOptions
    @OptionGroup var flopOptions: FlopOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        if random != nil {
            let given = [
                ("SPEC", spec), ("--input", input), ("--weight", weightFiles.weight), ("--kernel", weightFiles.kernel),
                ("--x", point.file), ("--x-seed", point.seed.map(String.init)), ("--weights", weightsDirectory),
            ]
            if let (name, _) = given.first(where: { $0.1 != nil }) {
                throw OptionError(field: "random", reason: "--random draws its own layers and weights; drop \(name) or --random")
            }
        } else {
            guard let spec else { throw OptionError(field: "spec", reason: "give a layer SPEC and --input SHAPE, a NETWORK, or --random N") }
            if spec == "schnet" {
                guard schnet.molecule != nil else { throw OptionError(field: "molecule", reason: "check schnet needs --molecule NAME|FILE") }
                return
            }
            if schnet.molecule != nil { throw OptionError(field: "molecule", reason: "--molecule goes with schnet (docs/schnet.md)") }
            if Self.namesANetwork(spec) {
                try validateNetwork()
            } else {
                guard input != nil else { throw OptionError(field: "input", reason: "--input SHAPE is required with a layer SPEC") }
                if weightsDirectory != nil {
                    throw OptionError(field: "weights", reason: "--weights DIR goes with a NETWORK; a layer SPEC takes --weight FILE.npy [--bias FILE.npy]")
                }
            }
        }
    }

    func run() throws {
        let budget = try budgetOptions.budget()
        if spec == "schnet" {
            try SchNetCheckCommand.run(schnet, seed: seed, json: format == .json, budget: budget)
            return
        }
        if let random {
            guard random <= RandomCheckRun.maximumCount else {
                throw ConvMatrixError(
                    .option, field: "random",
                    reason:
                        "\(random) configurations are more than one run checks (at most \(NumberFormat.count(RandomCheckRun.maximumCount))); "
                        + "run several seeds instead")
            }
            try runRandom(count: random)
            return
        }
        if let spec, Self.namesANetwork(spec) {
            try runNetwork(spec, budget: budget)
            return
        }
        let layer = try point.apply(to: try LayerRegistry.layer(parsing: spec ?? "", input: TensorShape(parsing: input ?? "")))
        try ResourceBudget(memory: budget, flops: flopOptions.budget())
            .require(Checker.estimate(for: layer), for: "checking \(layer.specDescription) on \(layer.input)")
        let weights = try weightFiles.load(for: layer)
        let checker = Checker(layer: layer, seed: seed, weights: weights)
        var progress = ProgressLine(label: "check")
        if checker.usesSparsePath { progress.update("\(layer.specDescription): the checks that scale, on the compressed form") }
        let report = try checker.run(budget: budget)
        progress.finish()
        Terminal.write(format == .json ? try JSONOutput.encode(CheckReportDocument(report)) : report.text)
        if !report.passed {
            throw CheckFailure(message: report.failures.map { "\($0.name.rawValue): \($0.note)" }.joined(separator: "; "))
        }
    }

    private func runRandom(count: Int) throws {
        var run = RandomCheckRun(count: count, seed: seed)
        var progress = ProgressLine(label: "check --random")
        while try run.step() {
            if run.checked % 10 == 0 || run.checked == count {
                progress.update("checked \(NumberFormat.count(run.checked)) of \(NumberFormat.count(count)), \(run.failures.count) failed")
            }
        }
        progress.finish()
        if format == .json {
            Terminal.write(try JSONOutput.encode(RandomCheckDocument(run)))
        } else {
            let failures = run.failures.map { "FAILED (\($0.failedChecks.map(\.name.rawValue).joined(separator: ", "))): \($0.command)\n" }.joined()
            Terminal.write(failures + run.summary + "\n")
        }
        if !run.passed {
            throw CheckFailure(message: "\(run.failures.count) of \(run.checked) random configurations failed; first: \(run.failures[0].command)")
        }
    }
}
