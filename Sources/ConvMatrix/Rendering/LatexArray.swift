/// The LaTeX building blocks of the LaTeX renderer: a block matrix as an `array`,
/// and a document around a display.
///
/// A matrix is written as the slides write Wᵀ: one row a line, `&` between
/// entries, `\\` ending every row but the last, a `|` in the column spec between
/// column blocks and `\hline` between row blocks:
///
///     \left(\begin{array}{cccccc|cccccc}
///     v_{11}^{1} & v_{11}^{2} & v_{11}^{3} & 0 & 0 & 0 & v_{12}^{1} & … \\
///     …
///     \hline
///     v_{21}^{1} & …
///     \end{array}\right)
enum LatexArray {
    /// The matrix whose row r has the nonzero entries `row(r)` as (column, text) in
    /// column order; every other entry is `0`.
    ///
    /// - Complexity: O(rows · columns) characters.
    static func matrix(
        rows: Int, columns: Int, rowBlockSize: Int, columnBlockSize: Int,
        row: (Int) -> [(column: Int, text: String)]
    ) -> String {
        let spec = Array(repeating: String(repeating: "c", count: columnBlockSize), count: columns / columnBlockSize)
            .joined(separator: "|")
        var lines = ["\\left(\\begin{array}{\(spec)}"]
        for r in 0..<rows {
            if r > 0, r % rowBlockSize == 0 { lines.append("\\hline") }
            var cells = Array(repeating: "0", count: columns)
            for (column, text) in row(r) { cells[column] = text }
            lines.append(cells.joined(separator: " & ") + (r < rows - 1 ? " \\\\" : ""))
        }
        lines.append("\\end{array}\\right)")
        return lines.joined(separator: "\n")
    }
}

/// A compilable LaTeX document around one or more displays, for pdflatex with
/// nothing but texlive-latex-base (article, amsmath, geometry).
///
/// The page is A4 landscape with 1 cm margins, and rows are stretched by 1.4 so that
/// superscripts clear the subscripts above them. Large matrices get a smaller font,
/// chosen by their widest and tallest display, and narrower column gaps (2pt instead
/// of 5pt from 17 columns on), so that up to about 60 columns and 60 rows fit a page:
///
///     font:          normal   \small   \footnotesize   \scriptsize   \tiny
///     most columns:  16       24       32              40            more
///     most rows:     28       32       36              44            more
///
/// Separate displays may break across pages; one display never does.
enum LatexDocument {
    static let sizes = ["\\small", "\\footnotesize", "\\scriptsize", "\\tiny"]
    static let columnLimits = [16, 24, 32, 40]
    static let rowLimits = [28, 32, 36, 44]

    /// The document showing each of `displays` (bodies of `\[ … \]`) in turn; the
    /// largest matrix among them has `columns` columns and `rows` rows.
    static func standalone(_ displays: [String], columns: Int, rows: Int) -> String {
        var lines = [
            "\\documentclass{article}",
            "\\usepackage{amsmath}",
            "\\usepackage[landscape,margin=1cm]{geometry}",
            "\\pagestyle{empty}",
            "\\begin{document}",
            "\\begingroup",
            "\\renewcommand{\\arraystretch}{1.4}",
        ]
        if let size = fontSize(columns: columns, rows: rows) { lines.append(size) }
        if columns > columnLimits[0] { lines.append("\\setlength{\\arraycolsep}{2pt}") }
        for display in displays { lines += ["\\[", display, "\\]"] }
        lines += ["\\endgroup", "\\end{document}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The font size command for a matrix of `columns` × `rows`, or nil for normal size.
    static func fontSize(columns: Int, rows: Int) -> String? {
        let byColumns = columnLimits.firstIndex { columns <= $0 } ?? columnLimits.count
        let byRows = rowLimits.firstIndex { rows <= $0 } ?? rowLimits.count
        let level = max(byColumns, byRows)
        return level == 0 ? nil : sizes[level - 1]
    }
}
