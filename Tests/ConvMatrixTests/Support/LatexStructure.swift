import Foundation

/// A small reader for the LaTeX the renderer writes, so tests can check its
/// structure without trusting the writer: each `array`'s column spec, rows, entries
/// and rules.
struct LatexStructure {
    struct ParsedArray {
        /// The column spec, e.g. `cccccc|cccccc`.
        var spec: String
        /// Each row's entries, trimmed.
        var rows: [[String]]
        /// How many `\hline` the body holds.
        var rules: Int

        /// Bars in the column spec.
        var bars: Int { spec.filter { $0 == "|" }.count }
        /// Columns in the column spec.
        var specColumns: Int { spec.filter { $0 == "c" }.count }
    }

    /// Every `\begin{array}{spec} … \end{array}` in `tex`, in order.
    static func arrays(in tex: String) -> [ParsedArray] {
        var arrays: [ParsedArray] = []
        var rest = Substring(tex)
        while let begin = rest.range(of: "\\begin{array}{") {
            let afterBegin = rest[begin.upperBound...]
            guard let specEnd = afterBegin.firstIndex(of: "}"),
                let end = afterBegin.range(of: "\\end{array}")
            else { break }
            let spec = String(afterBegin[..<specEnd])
            var body = String(afterBegin[afterBegin.index(after: specEnd)..<end.lowerBound])
            let rules = body.components(separatedBy: "\\hline").count - 1
            body = body.replacingOccurrences(of: "\\hline", with: "")
            let rows = body.components(separatedBy: "\\\\").map { row in
                row.components(separatedBy: "&").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            arrays.append(ParsedArray(spec: spec, rows: rows, rules: rules))
            rest = afterBegin[end.upperBound...]
        }
        return arrays
    }

    /// True when every { has its }, never closing more than was opened.
    static func bracesBalance(_ tex: String) -> Bool {
        var depth = 0
        var previous: Character = " "
        for ch in tex {
            defer { previous = ch }
            guard previous != "\\" else { continue }  // \{ and \} are literal braces
            if ch == "{" { depth += 1 }
            if ch == "}" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }
}
