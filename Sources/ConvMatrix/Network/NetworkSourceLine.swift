/// One line of a network file that holds something: its number, its block
/// level and its text without indentation or comment.
///
/// A network file is read line by line (docs/networks.md):
///
///     line    = indent content [comment] | indent [comment]
///     indent  = ("  ")*                  level = spaces / 2; a tab is an error
///     comment = "#" (any character)*     outside quotes
///
/// Blank and comment-only lines are dropped; every fault here names its line
/// and its 1-based column.
struct NetworkSourceLine: Equatable, Sendable {
    /// 1-based line number in the file.
    let number: Int
    /// Block depth: leading spaces / 2.
    let level: Int
    /// The content, comment and trailing spaces removed.
    let text: String
    /// 1-based column of the content's first character.
    let column: Int

    /// Spaces per block level.
    static let indentWidth = 2

    /// The lines of `source` that hold something.
    ///
    /// - Throws: ``ConvMatrixError`` on field `network` for a tab or an indentation
    ///   that is not a multiple of two spaces.
    static func lines(of source: String) throws(ConvMatrixError) -> [NetworkSourceLine] {
        var lines: [NetworkSourceLine] = []
        for (index, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let line = try NetworkSourceLine(raw: raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw), number: index + 1) {
                lines.append(line)
            }
        }
        return lines
    }

    /// The line `raw` numbered `number`, or nil when it is blank or only a comment.
    init?(raw: String, number: Int) throws(ConvMatrixError) {
        let content = Self.withoutComment(raw)
        if let tab = content.firstIndex(of: "\t") {
            let column = content.distance(from: content.startIndex, to: tab) + 1
            throw .network(line: number, column: column, "a tab; blocks are indented by exactly 2 spaces a level")
        }
        let spaces = content.prefix { $0 == " " }.count
        let text = String(content.dropFirst(spaces).reversed().drop { $0 == " " || $0 == "\r" }.reversed())
        guard !text.isEmpty else { return nil }
        guard spaces % Self.indentWidth == 0 else {
            throw .network(
                line: number, column: spaces + 1, "indented by \(spaces) space\(spaces == 1 ? "" : "s"); blocks are indented by exactly 2 spaces a level")
        }
        self.number = number
        self.level = spaces / Self.indentWidth
        self.text = text
        self.column = spaces + 1
    }

    /// `raw` up to its first `#` outside single or double quotes.
    static func withoutComment(_ raw: String) -> Substring {
        var quote: Character? = nil
        for index in raw.indices {
            let character = raw[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" {
                return raw[..<index]
            }
        }
        return raw[...]
    }
}

extension ConvMatrixError {
    /// A fault in a network file, at a line and a 1-based column:
    ///
    ///     network: line 3, column 5: kernel_size: 5 is larger than the padded input 4 along dimension 1
    static func network(line: Int, column: Int, _ reason: String) -> ConvMatrixError {
        ConvMatrixError(.spec, field: "network", reason: "line \(line), column \(column): \(reason)")
    }

    /// A fault in a network file that is not on one line (an empty file).
    static func network(_ reason: String) -> ConvMatrixError {
        ConvMatrixError(.spec, field: "network", reason: reason)
    }
}
