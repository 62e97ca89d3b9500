import ArgumentParser
import ConvMatrix

/// How options that take numbers read their value, each with a message that
/// names the flag and says what it takes.
///
/// They go with `parsing: .unconditional`, so that `--seed -1` reads `-1` as the
/// value (and says it is not a seed) instead of as an unknown option:
///
///     try OptionValues.wholeNumber("seed")("-1")
///     // throws seed: '-1' is not a whole number from 0 to 18446744073709551615
///
/// A value that is itself a long option (`--input --format json`) means the value
/// was left out, and says so.
enum OptionValues {
    /// Text such as a shape, a size or a list of numbers, which may start with `-`.
    static func text(_ field: String) -> @Sendable (String) throws -> String {
        { text in try requireValue(field, text) }
    }

    /// A seed: 0...UInt64.max.
    static func wholeNumber(_ field: String) -> @Sendable (String) throws -> UInt64 {
        { text in
            guard let value = UInt64(try requireValue(field, text)) else {
                throw OptionError(field: field, reason: "\(EchoedText.quoted(text)) is not a whole number from 0 to \(UInt64.max)")
            }
            return value
        }
    }

    /// A count of at least 1, e.g. `--random N`.
    static func count(_ field: String, of things: String) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(try requireValue(field, text)), value >= 1 else {
                throw OptionError(field: field, reason: "\(EchoedText.quoted(text)) is not a whole number ≥ 1; give how many \(things)")
            }
            return value
        }
    }

    /// A finite number ≥ 0 such as `0.5`, `1e-3` or `0`; `symbol` names it in the
    /// reason (`λ must be ≥ 0`).
    static func nonNegative(_ field: String, symbol: String) -> @Sendable (String) throws -> Double {
        { text in
            let quoted = EchoedText.quoted(text)
            guard let value = Double(try requireValue(field, text)) else { throw OptionError(field: field, reason: "\(quoted) is not a number") }
            guard value.isFinite else { throw OptionError(field: field, reason: "\(quoted) is not finite; \(symbol) must be a finite number ≥ 0") }
            guard value >= 0 else { throw OptionError(field: field, reason: "\(quoted) is negative; \(symbol) must be ≥ 0") }
            return value
        }
    }

    /// `text`, unless it is a long option: then the option before it has no value.
    private static func requireValue(_ field: String, _ text: String) throws -> String {
        guard text.hasPrefix("--"), text.count > 2 else { return text }
        throw OptionError(field: field, reason: "--\(field) needs a value, but the next argument is the option \(EchoedText.quoted(text))")
    }
}
