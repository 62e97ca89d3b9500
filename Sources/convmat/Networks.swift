import ArgumentParser
import ConvMatrix

/// `convmat networks`: the shipped networks, name and one line each.
struct Networks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the shipped networks (count takes a name or a network file).",
        discussion: "The files are in the repository's networks/ folder; docs/networks.md gives their syntax.")

    func run() throws {
        let width = ShippedNetworks.all.map(\.name.count).max() ?? 0
        Terminal.write(
            ShippedNetworks.all.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary + "\n" }.joined())
    }
}
