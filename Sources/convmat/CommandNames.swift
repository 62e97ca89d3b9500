import ArgumentParser
import ConvMatrix

/// The subcommand a user named, checked before ArgumentParser reads the rest:
/// a mistyped `convmat sho …` says that `sho` is not a command, not that the
/// root command has no `--input`.
///
///     try CommandNames.requireKnown(["sho", "Conv1d(1, 1, 3)"])
///     // throws subcommand: 'sho' is not a command; did you mean 'show'? (show, check, spectrum, invert, demo, networks, count, bench, train, explore)
enum CommandNames {
    /// show, check, spectrum, invert, demo, networks, count.
    static var all: [String] { ConvMat.configuration.subcommands.map { $0._commandName } }

    /// The largest edit distance at which a command is suggested.
    static let suggestionDistance = 2

    /// Throws unless the first argument is an option, a command, or `help`
    /// followed by nothing or a command.
    static func requireKnown(_ arguments: [String]) throws(OptionError) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        if first == "help" {
            if let name = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) { try requireCommand(name) }
            return
        }
        try requireCommand(first)
    }

    private static func requireCommand(_ name: String) throws(OptionError) {
        let commands = all
        guard !commands.contains(name) else { return }
        let list = commands.joined(separator: ", ")
        let written = EchoedText.quoted(name)
        if let close = closest(to: name) {
            throw OptionError(field: "subcommand", reason: "\(written) is not a command; did you mean '\(close)'? (\(list))")
        }
        throw OptionError(field: "subcommand", reason: "\(written) is not a command; the commands are \(list)")
    }

    /// The command nearest to `name`, ignoring case, if at most ``suggestionDistance`` edits away.
    static func closest(to name: String) -> String? {
        let written = name.lowercased()
        let ranked = all.map { (command: $0, distance: editDistance(written, $0)) }
        guard let best = ranked.min(by: { $0.distance < $1.distance }), best.distance <= suggestionDistance else { return nil }
        return best.command
    }

    /// The Damerau–Levenshtein distance (optimal string alignment) between `a`
    /// and `b`: the fewest insertions, deletions, substitutions and swaps of
    /// neighbours that turn one into the other. With d[i][j] the distance of the
    /// first i characters of a to the first j of b,
    ///
    ///     d[i][j] = min(d[i-1][j] + 1, d[i][j-1] + 1, d[i-1][j-1] + [aᵢ ≠ bⱼ],
    ///                   d[i-2][j-2] + 1 if aᵢ = bⱼ₋₁ and aᵢ₋₁ = bⱼ)
    ///
    /// kept three rows at a time. `editDistance("sohw", "show") == 1`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in stride(from: 1, through: a.count, by: 1) {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
