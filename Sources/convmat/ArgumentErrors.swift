import ArgumentParser
import ConvMatrix

/// ArgumentParser's errors as one line `FIELD: REASON`.
///
/// The errors of our own options (``OptionError``, from a `validate()` or a value
/// transform) and of the library (`ConvMatrixError`) are found inside
/// ArgumentParser's wrapper and kept as they are. ArgumentParser's own kinds are
/// read from its message and said again with a field:
///
///     Unknown option '--bogus'                        → option: '--bogus' is not an option of show
///     Missing value for '--seed <seed>'               → seed: --seed needs a value
///     Missing expected argument '--input <input>'     → input: --input is required
///     The value 'pdf' is invalid for '--format <…>'…  → format: 'pdf' is not a format; choose one of text, json, …
///     The option '--factor' does not take any value…  → factor: --factor is a flag and takes no value; got '3'
///     Unexpected argument '1x8'                       → argument: '1x8' is unexpected here; …
enum ArgumentErrors {
    /// The line for `error`, thrown while parsing `arguments`.
    static func optionError(for error: any Error, arguments: [String]) -> OptionError {
        if let own = wrapped(OptionError.self, in: error) { return own }
        if let library = wrapped(ConvMatrixError.self, in: error) { return OptionError(field: library.field, reason: library.reason) }
        var message = ConvMat.message(for: error)
        if message.hasPrefix("Error: ") { message.removeFirst(7) }
        let command = arguments.first.flatMap { CommandNames.all.contains($0) ? $0 : nil } ?? "convmat"
        return translate(message, command: command)
    }

    /// A value of type `T` anywhere inside `value`, looked for with `Mirror` a few
    /// levels deep: ArgumentParser wraps the errors thrown by `validate()` and
    /// transforms in its own (internal) error types.
    static func wrapped<T>(_ type: T.Type, in value: Any, depth: Int = 0) -> T? {
        if let found = value as? T { return found }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = wrapped(type, in: child.value, depth: depth + 1) { return found }
        }
        return nil
    }

    /// ArgumentParser's message (without its `Error: `) as a field and a reason.
    static func translate(_ message: String, command: String) -> OptionError {
        if let match = message.firstMatch(of: #/^Unknown option '(.*?)'(?:\. Did you mean '(.*?)'\?)?(?:$|\n +or: )/#.dotMatchesNewlines()) {
            let suggestion = match.2.map { "; did you mean '\($0)'?" } ?? ""
            return OptionError(field: "option", reason: "\(EchoedText.quoted(String(match.1))) is not an option of \(command)\(suggestion)")
        }
        if let match = message.firstMatch(of: #/^Invalid option: (.*)$/#.dotMatchesNewlines()) {
            return OptionError(field: "option", reason: "\(EchoedText.quoted(String(match.1))) is not an option of \(command)")
        }
        if let match = message.firstMatch(of: #/^Missing value for '--([^ ']+)/#) {
            return OptionError(field: String(match.1), reason: "--\(match.1) needs a value")
        }
        if let match = message.firstMatch(of: #/^Missing (?:expected argument|one of:) '(--)?<?([^ '>]+)/#) {
            return missing(String(match.2), isOption: match.1 != nil)
        }
        if let match = message.firstMatch(of: #/^The value '(.*)' is invalid for '(?:--([^ ']+)|<([^>']+)>)[^']*'(.*)$/#.dotMatchesNewlines()) {
            let field = String(match.2 ?? match.3 ?? "value")
            return invalidValue(String(match.1), field: field, isOption: match.2 != nil, tail: String(match.4))
        }
        if let match = message.firstMatch(of: #/^The option '--([^ ']+)' does not take any value, but '(.*)' was specified\.$/#.dotMatchesNewlines()) {
            return OptionError(field: String(match.1), reason: "--\(match.1) is a flag and takes no value; got \(EchoedText.quoted(String(match.2)))")
        }
        if let match = message.firstMatch(of: #/^(?:Unexpected argument|\d+ unexpected arguments:) '(.*?)'/#.dotMatchesNewlines()) {
            let reason = "\(EchoedText.quoted(String(match.1))) is unexpected here; \(command) takes \(positionals(of: command)), and options start with --"
            return OptionError(field: "argument", reason: reason)
        }
        return OptionError(field: "argument", reason: message.split(separator: "\n").first.map(String.init) ?? "invalid arguments")
    }

    private static func missing(_ name: String, isOption: Bool) -> OptionError {
        if isOption { return OptionError(field: name, reason: "--\(name) is required") }
        if name == "spec" {
            return OptionError(field: name, reason: "give the layer as in PyTorch, e.g. 'Conv1d(2, 3, kernel_size=3, bias=False)'")
        }
        return OptionError(field: name, reason: "<\(name)> is required")
    }

    /// `'pdf' is not a format; choose one of text, json, …` when ArgumentParser
    /// listed the choices (after `Please provide one of`), else what it said.
    private static func invalidValue(_ value: String, field: String, isOption: Bool, tail: String) -> OptionError {
        let written = EchoedText.quoted(value)
        let choices = listedChoices(tail)
        if !choices.isEmpty {
            let noun = choiceNouns[field] ?? (isOption ? "a choice of --\(field)" : "a choice of <\(field)>")
            return OptionError(field: field, reason: "\(written) is not \(noun); choose one of \(choices.joined(separator: ", "))")
        }
        let detail = tail.hasPrefix(": ") ? String(tail.dropFirst(2)) : "not a value \(isOption ? "--" + field : "<\(field)>") takes"
        return OptionError(field: field, reason: "\(written) is \(detail)")
    }

    /// The choices in `. Please provide one of 'a', 'b' or 'c'.` or in the
    /// bulleted list (`  - a`) ArgumentParser writes for six or more.
    static func listedChoices(_ tail: String) -> [String] {
        guard let start = tail.range(of: "Please provide one of") else { return [] }
        let list = tail[start.upperBound...]
        let bulleted = list.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
        if !bulleted.isEmpty { return bulleted }
        return list.matches(of: #/'([^']*)'/#).map { String($0.1) }
    }

    /// What an enumerated option's value is, for `'x' is not …`.
    private static let choiceNouns = [
        "format": "a format", "method": "a method", "entries": "a kind of entries", "order": "a unit order",
        "what": "a matrix npy can write", "values": "a kind of drawn values", "name": "a demo",
    ]

    private static func positionals(of command: String) -> String {
        switch command {
        case "demo": "one demo NAME"
        case "convmat": "a command first"
        case "train", "count": "one NETWORK"
        case "show", "check", "explore": "one layer SPEC or NETWORK"
        default: "one layer SPEC"
        }
    }
}
