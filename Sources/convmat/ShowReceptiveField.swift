import ConvMatrix

/// `show NETWORK --view receptive-field --format json`: for every output unit of
/// the network, the units of x and of every layer's output it structurally
/// depends on (``NetworkReceptiveField``), what the explorer's network view
/// lights (docs/explorer.md). Structural, so it takes no weights and no x.
enum ShowReceptiveField {
    /// The one line a misuse of --view receptive-field gets.
    static func validate(_ show: Show) throws {
        guard show.view == .receptiveField else { return }
        guard show.layer.isNetwork else {
            throw OptionError(field: "view", reason: "--view receptive-field traces a NETWORK's output units back to x; give a NETWORK, not a layer SPEC")
        }
        guard show.format == .json else {
            throw OptionError(field: "view", reason: "--view receptive-field writes json; add --format json (not \(show.format.rawValue))")
        }
        let conflicting = [
            ("layer", show.layerName != nil), ("product", show.product), ("weights", show.weightsDirectory != nil),
            (show.point.field, show.point.given),
        ]
        if let (flag, _) = conflicting.first(where: { $0.1 }) {
            let reason = "--view receptive-field is structural: it follows the whole network, whatever its weights and x; drop --\(flag)"
            throw OptionError(field: flag, reason: reason)
        }
    }

    /// The document of `network`'s fields, to --output or stdout.
    static func write(_ show: Show, network: Network, budget: MemoryBudget) throws {
        let field = try NetworkReceptiveField(network, budget: budget)
        try show.write(Array(try JSONOutput.encode(NetworkReceptiveFieldDocument(field, network: network)).utf8))
    }
}
