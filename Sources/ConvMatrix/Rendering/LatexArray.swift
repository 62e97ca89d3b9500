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
