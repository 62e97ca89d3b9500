import ConvMatrix

/// An option the user gave that cannot be used as given: which flag to change and why.
///
/// `field` is the long flag name without its dashes (`seed`, `max-memory`), or
/// `option`, `subcommand`, `argument`, or a positional argument's name (`spec`);
/// the description is the line after `convmat: error: `:
///
///     OptionError(field: "order", reason: "--factor shows the maps order only")
///     // order: --factor shows the maps order only
struct OptionError: Error, Equatable, CustomStringConvertible {
    let field: String
    let reason: String

    init(field: String, reason: String) {
        self.field = EchoedText.escaped(field)
        self.reason = EchoedText.escaped(reason)
    }

    var description: String { "\(field): \(reason)" }
}
