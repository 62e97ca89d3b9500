/// One token of a layer spec, and where it starts in the text.
///
/// Offsets count `Character`s from 0, so for the ASCII text a spec is written in
/// the offset is also the column a terminal draws a caret under (minus one).
///
///     Conv1d(2, -3)
///     // name@0  (@6  number@7  ,@8  -@10  number@11  )@12  end@13
struct SpecToken: Equatable, Sendable {
    /// What the token is; names, numbers and strings keep their text.
    enum Kind: Equatable, Sendable {
        /// An identifier: `Conv2d`, `nn`, `kernel_size`, `True`.
        case name(String)
        /// An unsigned decimal literal as written (`3`, `0.5`, `1e-05`); the parser
        /// decides whether it must be an integer.
        case number(String)
        /// The text between matching single or double quotes, without the quotes.
        case string(String)
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma, equals, dot, minus, plus
        /// Past the last character.
        case end
    }

    var kind: Kind
    /// 0-based offset of the token's first character in the spec text.
    var offset: Int

    /// The token as an error message shows it: `'('`, `kernel_size`, `the end of the spec`;
    /// a string's control characters escaped (``EchoedText``).
    var shown: String {
        switch kind {
        case .name(let text), .number(let text): text
        case .string(let text): EchoedText.quoted(text)
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .equals: "'='"
        case .dot: "'.'"
        case .minus: "'-'"
        case .plus: "'+'"
        case .end: "the end of the spec"
        }
    }
}

/// Splits a layer spec into ``SpecToken``s, skipping whitespace between them.
///
/// The lexer knows Python's call syntax only as far as a spec needs it: names,
/// unsigned decimal numbers (a sign is its own token), quoted strings without
/// escapes, and the punctuation `( ) [ ] , = . - +`.
///
///     try SpecLexer.tokens(in: "nn.Conv1d(1, 1, 3)").map(\.offset)
///     // [0, 2, 3, 9, 10, 11, 13, 14, 16, 17, 18]
struct SpecLexer {
    private let characters: [Character]
    private var position = 0

    private init(text: String) {
        characters = Array(text)
    }

    /// All tokens of `text`, the last one always ``SpecToken/Kind/end``.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `spec` for a character
    ///   no token starts with, or a string whose closing quote is missing.
    static func tokens(in text: String) throws(ConvMatrixError) -> [SpecToken] {
        var lexer = SpecLexer(text: text)
        var tokens: [SpecToken] = []
        repeat {
            tokens.append(try lexer.nextToken())
        } while tokens.last?.kind != .end
        return tokens
    }

    private static let punctuation: [Character: SpecToken.Kind] = [
        "(": .leftParenthesis, ")": .rightParenthesis, "[": .leftBracket, "]": .rightBracket, ",": .comma,
        "=": .equals, "-": .minus, "+": .plus,
    ]

    private mutating func nextToken() throws(ConvMatrixError) -> SpecToken {
        while let character = peek(0), character.isWhitespace { position += 1 }
        let start = position
        guard let character = peek(0) else { return SpecToken(kind: .end, offset: start) }
        if let kind = Self.punctuation[character] {
            position += 1
            return SpecToken(kind: kind, offset: start)
        }
        if character == "'" || character == "\"" { return try string() }
        if Self.isDigit(character) || (character == "." && peek(1).map(Self.isDigit) == true) {
            return number()
        }
        if character == "." {
            position += 1
            return SpecToken(kind: .dot, offset: start)
        }
        if Self.isNameStart(character) { return name() }
        throw .spec("spec", "unexpected character \(Self.shown(character)) at column \(start + 1)", offset: start)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`
    private mutating func name() -> SpecToken {
        let start = position
        while let character = peek(0), Self.isNameStart(character) || Self.isDigit(character) { position += 1 }
        return SpecToken(kind: .name(String(characters[start..<position])), offset: start)
    }

    /// `digits [. digits] [e [+-] digits]` or `. digits [e [+-] digits]`, as Python writes floats.
    private mutating func number() -> SpecToken {
        let start = position
        skipDigits()
        if peek(0) == "." {
            position += 1
            skipDigits()
        }
        if peek(0) == "e" || peek(0) == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let digit = peek(signed ? 2 : 1), Self.isDigit(digit) {
                position += signed ? 2 : 1
                skipDigits()
            }
        }
        return SpecToken(kind: .number(String(characters[start..<position])), offset: start)
    }

    /// A string in single or double quotes; the other quote may appear inside.
    private mutating func string() throws(ConvMatrixError) -> SpecToken {
        let start = position
        let quote = characters[start]
        position += 1
        while let character = peek(0), character != quote { position += 1 }
        guard position < characters.count else {
            throw .spec("spec", "unterminated string starting at column \(start + 1); close it with \(quote)", offset: start)
        }
        position += 1
        return SpecToken(kind: .string(String(characters[(start + 1)..<(position - 1)])), offset: start)
    }

    private mutating func skipDigits() {
        while let character = peek(0), Self.isDigit(character) { position += 1 }
    }

    private func peek(_ ahead: Int) -> Character? {
        position + ahead < characters.count ? characters[position + ahead] : nil
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isNameStart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character == "_")
    }

    /// `'x'` for a visible ASCII character, else its code points (`U+00E9`), so that
    /// an error message never carries an invisible or control character.
    private static func shown(_ character: Character) -> String {
        if let ascii = character.asciiValue, (0x21...0x7E).contains(ascii) { return "'\(character)'" }
        return character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }
}
