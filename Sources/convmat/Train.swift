import ArgumentParser
import ConvMatrix

/// `convmat train NETWORK`: LeNet 1989's recipe on scikit-learn's digits, every
/// pass through the matrices (docs/training.md).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a digits network (lenet1989) on scikit-learn's handwritten digits through Wᵀ and W.",
        discussion: """
            NETWORK is lenet1989 or a network file with input 1x16x16 and 10 outputs. The recipe is the \
            paper's: targets ±1, mean squared error, weights uniform in ±2.4/F (F the fan-in), SGD; \
            1,297 training and 500 test digits, upsampled to 16×16. A progress line per epoch goes to \
            stderr on a terminal. docs/training.md gives the figures.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "lenet1989, or the path of a network file with input 1x16x16 and 10 outputs.")
    var network: String

    @Option(parsing: .unconditional, help: "Passes over the training set, 1 to 1000.", transform: Self.wholeNumber("epochs"))
    var epochs: Int = 23

    @Option(
        parsing: .unconditional, help: "Seed of the initial weights and of the example order. (default: 0)",
        transform: OptionValues.wholeNumber("seed"))
    var seed: UInt64 = 0

    @Option(
        name: .customLong("learning-rate"), parsing: .unconditional, help: "η, the step of gradient descent, finite and > 0.",
        transform: Self.number("learning-rate"))
    var learningRate: Double = 0.03

    @Option(parsing: .unconditional, help: "Examples per step, 1 to the training set's 1,297.", transform: Self.wholeNumber("batch"))
    var batch: Int = 1

    @Option(parsing: .unconditional, help: "Write the trained weights here, NAME.weight.npy and NAME.bias.npy per layer.", transform: OptionValues.text("save"))
    var save: String?

    @OptionGroup var budgetOptions: BudgetOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let options = TrainingOptions(epochs: epochs, seed: seed, learningRate: learningRate, batch: batch)
        try options.validate(trainingCount: DigitsSplit.trainingCount)
        let budget = try budgetOptions.budget()
        let network = try Network(named: self.network)
        try TrainingNetwork.requireDigitsShapes(network)
        if let save { try TrainingSaving.validate(directory: save) }
        var progress = ProgressLine(label: "train")
        let result = try Trainer.run(network, options: options, budget: budget) { epoch in
            progress.keep(TrainingResult.progressLine(epoch, of: options.epochs))
        }
        if let save { try TrainingSaving.save(result.weights, of: network, to: save) }
        Terminal.write(format == .json ? try JSONOutput.encode(TrainingDocument(result)) : result.text)
    }

    /// A whole number, checked for its range later (``TrainingOptions/validate(trainingCount:)``).
    static func wholeNumber(_ field: String) -> @Sendable (String) throws -> Int {
        { text in
            let value = try OptionValues.text(field)(text)
            guard let number = Int(value) else { throw OptionError(field: field, reason: "\(EchoedText.quoted(text)) is not a whole number") }
            return number
        }
    }

    /// A number, checked for its range later.
    static func number(_ field: String) -> @Sendable (String) throws -> Double {
        { text in
            let value = try OptionValues.text(field)(text)
            guard let number = Double(value) else { throw OptionError(field: field, reason: "\(EchoedText.quoted(text)) is not a number") }
            return number
        }
    }
}
