/// One block too wide for the terminal, drawn in column bands one under the other.
extension MatrixTextRenderer {
    /// Block (b, a), 0-based, as bands of its columns that each fit `maxWidth`:
    ///
    ///     block (1, 1) of Wᵀ: y₁ from x₁, 100 × 196 with 2,500 nonzeros
    ///     Too wide for 80 columns, so in 25 bands of 8 columns; a band shows only the
    ///       rows its columns reach.
    ///
    ///     columns 1–8 of 196, rows 1–8 of 100
    ///            │ x₁(1) x₁(2) …
    ///     y₁(1)  │ v₁₁¹¹ v₁₁¹² …
    ///
    /// Every band has the widths of the whole block (row labels and cells), so its
    /// columns line up with the band above; a band of k columns is
    /// label + 2 + k·(cell + 1) characters, and k is the most that fit (at least one).
    /// A band's rows run from the first to the last row with a nonzero in its columns.
    ///
    /// - Complexity: O(the block's terms) for the widths and row ranges, plus the
    ///   cells printed, at most the block's rows × columns.
    func bandLines(_ view: MatrixView, row b: Int, column a: Int, entryText: EntryText, maxWidth: Int) -> [String] {
        let whole = blockGrid(view, row: b, column: a, entryText: entryText)
        let metrics = whole.metrics()
        let columnSize = view.tied.columnBlockSize
        let bandSize = max(1, min(columnSize, (maxWidth - metrics.labelWidth - 2) / (metrics.cellWidth + 1)))
        let bandCount = (columnSize + bandSize - 1) / bandSize
        let reach = Self.rowReach(view.tied, rows: whole.rows, columns: whole.columns)
        var lines = TextWrap.lines(blockTitle(view, row: b, column: a), width: maxWidth)
        let note =
            "Too wide for \(NumberFormat.count(maxWidth)) columns, so in \(NumberFormat.count(bandCount, "band")) of "
            + "\(NumberFormat.count(bandSize, "column")); a band shows only the rows its columns reach."
        lines += TextWrap.lines(note, width: maxWidth)
        for band in 0..<bandCount {
            let first = band * bandSize
            let columns = first..<min(columnSize, first + bandSize)
            let label = "columns \(NumberFormat.count(columns.lowerBound + 1))–\(NumberFormat.count(columns.upperBound)) of \(NumberFormat.count(columnSize))"
            lines.append("")
            guard let rows = Self.reachingRows(reach, columns: columns) else {
                lines += TextWrap.lines(label + ": no nonzeros", width: maxWidth)
                continue
            }
            let rowText = "rows \(NumberFormat.count(rows.lowerBound + 1))–\(NumberFormat.count(rows.upperBound)) of \(NumberFormat.count(whole.rows.count))"
            lines += TextWrap.lines(label + ", " + rowText, width: maxWidth)
            var grid = whole
            grid.columns = (whole.columns.lowerBound + columns.lowerBound)..<(whole.columns.lowerBound + columns.upperBound)
            grid.rows = (whole.rows.lowerBound + rows.lowerBound)..<(whole.rows.lowerBound + rows.upperBound)
            grid.labelWidthAtLeast = metrics.labelWidth
            grid.cellWidthAtLeast = metrics.cellWidth
            lines += grid.lines()
        }
        return lines
    }

    /// For each column of `columns` (relative to its start), the first and last row of
    /// `rows` (relative) with a term or a constant in it; nil for an empty column.
    static func rowReach(_ tied: TiedMatrix, rows: Range<Int>, columns: Range<Int>) -> [(first: Int, last: Int)?] {
        var reach: [(first: Int, last: Int)?] = Array(repeating: nil, count: columns.count)
        for r in rows {
            let touched = tied.terms(inRow: r).map(\.column) + tied.constants(inRow: r).map(\.column)
            for c in touched where columns.contains(c) {
                let k = c - columns.lowerBound
                let row = r - rows.lowerBound
                reach[k] = (reach[k]?.first ?? row, row)
            }
        }
        return reach
    }

    /// The rows (relative, half-open) from the first to the last that reach any of `columns`.
    static func reachingRows(_ reach: [(first: Int, last: Int)?], columns: Range<Int>) -> Range<Int>? {
        let spans = reach[columns].compactMap { $0 }
        guard let first = spans.map(\.first).min(), let last = spans.map(\.last).max() else { return nil }
        return first..<(last + 1)
    }
}
