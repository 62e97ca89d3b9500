import ArgumentParser
import ConvMatrix

/// `convmat count NETWORK`: LeCun's table of units, connections and free parameters.
struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count a network's units, connections and free parameters per layer, as LeCun et al. 1989 do.",
        discussion: """
            NETWORK is a shipped network (convmat networks) or a network file (docs/networks.md). \
            Connections are taps on the extended input plus one per bias; free parameters are \
            distinct parameters, biases included. Counts come from the matrices when their terms \
            fit --max-memory, else from the geometry; a count never builds a dense matrix.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "A shipped network's name, or the path of a network file.")
    var network: String

    @Option(parsing: .unconditional, help: "An input shape that replaces the network's input line, e.g. 4x40.", transform: OptionValues.text("input"))
    var input: String?

    @OptionGroup var budgetOptions: BudgetOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let shape = try input.map { try TensorShape(parsing: $0) }
        let count = try NetworkCount(Network(named: network, input: shape), budget: budgetOptions.budget())
        switch format {
        case .text: Terminal.write(count.text)
        case .json: Terminal.write(try JSONOutput.encode(NetworkCountDocument(count)))
        }
    }
}
