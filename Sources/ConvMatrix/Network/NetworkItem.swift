/// What one line of a network file holds after its indentation: an optional
/// name and a layer spec or a block header.
///
///     item   = [name ":" " "*] (spec | "Residual:" | "Concat:" | "branch:" | "shortcut:")
///     name   = letter (letter | digit | "_")*        letter = A–Z, a–z or "_"
///
/// A spec is everything after the name, in the spec syntax of docs/spec.md; a
/// name has no dot, since dots join the names of nested blocks (`block.layer`).
struct NetworkItem: Equatable, Sendable {
    /// The block headers a line may hold.
    enum Header: String, Sendable, CaseIterable {
        case residual = "Residual"
        case concat = "Concat"
        case branch = "branch"
        case shortcut = "shortcut"
    }

    enum Content: Equatable, Sendable {
        /// A layer: its spec text and the 1-based column where it starts.
        case layer(spec: String, column: Int)
        /// A block header.
        case header(Header)
    }

    /// The name written before the content, if any.
    let name: String?
    let content: Content

    /// The item of `line`.
    ///
    /// - Throws: ``ConvMatrixError`` on field `network` for a name that is not an
    ///   identifier, or a name with nothing after it.
    init(_ line: NetworkSourceLine) throws(ConvMatrixError) {
        var rest = Substring(line.text)
        var column = line.column
        var name: String? = nil
        if let header = Self.header(rest) {
            self.name = nil
            self.content = .header(header)
            return
        }
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("(") {
            let written = String(rest[..<colon])
            guard Self.isIdentifier(written) else {
                throw .network(
                    line: line.number, column: column,
                    "\(EchoedText.quoted(written)) is not a name; a name is letters, digits and '_', starting with a letter or '_'")
            }
            name = written
            let afterColon = rest[rest.index(after: colon)...]
            let spaces = afterColon.prefix { $0 == " " }.count
            column += written.count + 1 + spaces
            rest = afterColon.dropFirst(spaces)
            guard !rest.isEmpty else {
                throw .network(line: line.number, column: column, "the name \(written) names nothing; write a layer or a block after it")
            }
        }
        self.name = name
        if let header = Self.header(rest) {
            self.content = .header(header)
        } else {
            self.content = .layer(spec: String(rest), column: column)
        }
    }

    /// The header `text` is, exactly (`Residual:`), or nil.
    private static func header(_ text: Substring) -> Header? {
        Header.allCases.first { text == $0.rawValue + ":" }
    }

    /// letter (letter | digit | "_")*, ASCII only.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
