/// A Python literal as it appears in a `.npy` header: the small subset of
/// `ast.literal_eval` that NumPy's header dict can use.
///
/// NumPy writes the header with `repr` and reads it with `ast.literal_eval`, so
/// a header may space, order and punctuate its entries any way Python accepts.
/// This parser accepts dicts, tuples, lists, strings (single or double quoted),
/// integers (with Python 2's `L` suffix), `True`, `False` and `None`, with any
/// whitespace and trailing commas. Nesting is limited so that a hostile header
/// cannot exhaust the stack.
///
///     let value = try NpyLiteral.parse(Array("{'shape': (3, 4,), }".utf8))
///     // .dict([("shape", .tuple([.int(3), .int(4)]))])
indirect enum NpyLiteral: Equatable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case none
    case tuple([NpyLiteral])
    case list([NpyLiteral])
    case dict([Entry])

    /// One `key: value` pair of a dict literal, in the order written.
    struct Entry: Equatable, Sendable {
        let key: NpyLiteral
        let value: NpyLiteral
    }

    /// Why a header is not a Python literal, and the byte offset where the fault starts.
    struct ParseError: Error, Equatable, Sendable {
        let message: String
        let offset: Int
    }

    /// The deepest nesting of brackets accepted.
    static let maximumDepth = 32

    /// Parses `text` as one literal surrounded by optional whitespace.
    ///
    /// Trailing bytes other than whitespace (the header's space padding and
    /// newline are whitespace) are an error.
    ///
    ///     try NpyLiteral.parse(Array("(5,)".utf8))   // .tuple([.int(5)])
    ///
    /// - Throws: `ParseError` naming the first offending byte.
    static func parse(_ text: [UInt8]) throws(ParseError) -> NpyLiteral {
        var parser = Parser(text: text)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.atEnd else { throw parser.unexpected("after the literal") }
        return value
    }
}

extension NpyLiteral {
    /// A recursive-descent parser over the header bytes.
    private struct Parser {
        let text: [UInt8]
        var position = 0

        init(text: [UInt8]) { self.text = text }

        var atEnd: Bool { position >= text.count }
        var current: UInt8? { atEnd ? nil : text[position] }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || (0x09...0x0D).contains(byte) {
                position += 1
            }
        }

        /// An error at the current position describing the byte found there.
        func unexpected(_ context: String) -> ParseError {
            guard let byte = current else {
                return ParseError(message: "unexpected end of header \(context)", offset: position)
            }
            return ParseError(
                message: "unexpected \(NpyText.describe(byte: byte)) \(context)", offset: position)
        }

        /// One literal of any kind.
        mutating func value(depth: Int) throws(ParseError) -> NpyLiteral {
            skipWhitespace()
            guard let byte = current else { throw unexpected("where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"):
                return .dict(try dictEntries(depth: depth + 1))
            case UInt8(ascii: "("):
                let (items, sawComma) = try sequence(close: UInt8(ascii: ")"), depth: depth + 1)
                // `(x)` is a parenthesised value, `(x,)` a 1-tuple, `()` the empty tuple.
                if items.count == 1 && !sawComma { return items[0] }
                return .tuple(items)
            case UInt8(ascii: "["):
                return .list(try sequence(close: UInt8(ascii: "]"), depth: depth + 1).items)
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .int(try integer())
            default:
                return try name()
            }
        }

        /// The items of a tuple or list up to `close`, and whether a comma appeared.
        mutating func sequence(
            close: UInt8, depth: Int
        ) throws(ParseError) -> (items: [NpyLiteral], sawComma: Bool) {
            guard depth <= NpyLiteral.maximumDepth else {
                throw ParseError(message: "nested too deeply", offset: position)
            }
            position += 1
            var items: [NpyLiteral] = []
            var sawComma = false
            while true {
                skipWhitespace()
                if current == close { position += 1; return (items, sawComma) }
                items.append(try value(depth: depth))
                skipWhitespace()
                if current == close { position += 1; return (items, sawComma) }
                guard current == UInt8(ascii: ",") else {
                    throw unexpected("where ',' or '\(Character(Unicode.Scalar(close)))' was expected")
                }
                sawComma = true
                position += 1
            }
        }

        /// The entries of a dict literal, the opening brace at the current position.
        mutating func dictEntries(depth: Int) throws(ParseError) -> [Entry] {
            guard depth <= NpyLiteral.maximumDepth else {
                throw ParseError(message: "nested too deeply", offset: position)
            }
            position += 1
            var entries: [Entry] = []
            while true {
                skipWhitespace()
                if current == UInt8(ascii: "}") { position += 1; return entries }
                let key = try value(depth: depth)
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw unexpected("where ':' was expected") }
                position += 1
                entries.append(Entry(key: key, value: try value(depth: depth)))
                skipWhitespace()
                if current == UInt8(ascii: "}") { position += 1; return entries }
                guard current == UInt8(ascii: ",") else {
                    throw unexpected("where ',' or '}' was expected")
                }
                position += 1
            }
        }

        /// A quoted string; `\\`, `\'` and `\"` are unescaped, other escapes kept as written.
        mutating func string() throws(ParseError) -> String {
            let start = position
            guard let quote = current else { throw unexpected("where a string was expected") }
            position += 1
            var bytes: [UInt8] = []
            while let byte = current {
                position += 1
                if byte == quote { return String(decoding: bytes, as: UTF8.self) }
                if byte == 0x0A { break }
                if byte == UInt8(ascii: "\\"), let next = current {
                    position += 1
                    if next != quote && next != UInt8(ascii: "\\") { bytes.append(byte) }
                    bytes.append(next)
                } else {
                    bytes.append(byte)
                }
            }
            throw ParseError(message: "unterminated string", offset: start)
        }

        /// A decimal integer with optional sign and Python 2 `L` suffix.
        mutating func integer() throws(ParseError) -> Int {
            let start = position
            var negative = false
            if let sign = current, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                negative = sign == UInt8(ascii: "-")
                position += 1
            }
            var magnitude = 0
            var digits = 0
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let (times, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                guard !overflowA && !overflowB else {
                    throw ParseError(message: "integer too large", offset: start)
                }
                magnitude = sum
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw unexpected("where a digit was expected") }
            if current == UInt8(ascii: "L") || current == UInt8(ascii: "l") { position += 1 }
            if let byte = current, byte == UInt8(ascii: ".") || isIdentifier(byte) {
                throw unexpected("in an integer (only integers are accepted)")
            }
            return negative ? -magnitude : magnitude
        }

        /// `True`, `False` or `None`.
        mutating func name() throws(ParseError) -> NpyLiteral {
            let start = position
            while let byte = current, isIdentifier(byte) { position += 1 }
            switch String(decoding: text[start..<position], as: UTF8.self) {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .none
            case "":
                throw unexpected("where a value was expected")
            case let word:
                throw ParseError(
                    message: "unexpected name \(NpyText.quoted(word)) where a value was expected",
                    offset: start)
            }
        }

        func isIdentifier(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}
