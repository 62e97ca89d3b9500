import ArgumentParser
import ConvMatrix

/// `convmat demo [NAME]`: seeded, deterministic teaching demos.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a teaching demo (deterministic: its output is pinned in tests).")

    enum Name: String, CaseIterable, ExpressibleByArgument {
        case slide
        case borderModes = "border-modes"

        var summary: String {
            switch self {
            case .slide: "The slide's Conv1d(2, 3, kernel_size=3, bias=False) on 2x6: Wᵀ, forward and backward."
            case .borderModes: "'valid', 'same' and 'full' on a short signal; P and Wᵀ for every padding mode."
            }
        }

        func text() throws -> String {
            switch self {
            case .slide: try SlideDemo().text()
            case .borderModes: try BorderModesDemo().text()
            }
        }
    }

    @Argument(help: "The demo to run.")
    var name: Name = .slide

    @Flag(help: "List the demos.")
    var list = false

    func run() throws {
        if list {
            let width = Name.allCases.map(\.rawValue.count).max() ?? 0
            Terminal.write(Name.allCases.map { "\($0.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)\n" }.joined())
            return
        }
        Terminal.write(try name.text())
    }
}
