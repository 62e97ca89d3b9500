/// What the text renderer shows instead of a matrix wider than the terminal.
extension MatrixTextRenderer {
    /// Row blocks of the block map, and rows of block (1, 1), shown at most.
    public static let summaryRows = 20

    /// The last line of a summary.
    public static let summaryHint = "use --format svg for a picture, or --block j,i for one block"

    /// The summary of a view too wide for `maxWidth`: its counts, a map of nonzeros
    /// per block, block (1, 1) cropped to the width, and ``summaryHint``.
    ///
    ///     Wᵀ is 1,200 × 784 with 120,000 structural nonzeros, in 12 × 4 blocks of 100 × 196 (output maps × input maps).
    ///     Drawn in full it would be 4,717 characters wide, more than 100. Nonzeros per block:
    ///
    ///         │    x₁    x₂    x₃    x₄
    ///     y₁  │ 2,500 2,500 2,500 2,500
    ///     …
    ///
    /// - Complexity: O(terms) for the counts; the map and the block show at most
    ///   ``summaryRows`` rows and the columns that fit.
    ///
    /// A view whose matrix holds only block (1, 1) (the compressed form's summary)
    /// passes the whole matrix's `nonzeros` and `blockCounts` (row blocks up to
    /// ``summaryRows``, column blocks up to half of `maxWidth`).
    func summary(
        _ view: MatrixView, entryText: EntryText, fullWidth: (characters: Int, atLeast: Bool), maxWidth: Int,
        nonzeros: Int? = nil, blockCounts: [[Int]]? = nil
    ) -> String {
        let t = view.tied
        let kinds = view.order == .maps ? "output maps × input maps" : "output positions × input positions"
        let width =
            fullWidth.characters > maxWidth
            ? "Drawn in full it would be \(fullWidth.atLeast ? "at least " : "")\(NumberFormat.count(fullWidth.characters)) characters wide, "
                + "more than \(NumberFormat.count(maxWidth)). Nonzeros per block:"
            : "Drawn in full it would be at least \(NumberFormat.count(fullWidth.characters)) characters wide; "
                + "it has too many terms to draw. Nonzeros per block:"
        let counts =
            "Wᵀ is \(NumberFormat.count(t.rows)) × \(NumberFormat.count(t.columns)) with "
            + "\(NumberFormat.count(nonzeros ?? t.nonzeroCount, "structural nonzero")), in \(NumberFormat.count(t.rowBlocks)) × "
            + "\(NumberFormat.count(t.columnBlocks)) blocks of \(NumberFormat.count(t.rowBlockSize)) × "
            + "\(NumberFormat.count(t.columnBlockSize)) (\(kinds))."
        var lines = TextWrap.lines(counts, width: maxWidth) + TextWrap.lines(width, width: maxWidth) + [""]
        lines += blockMap(view, maxWidth: maxWidth, counts: blockCounts)
        lines.append("")
        lines += blockLines(view, row: 0, column: 0, entryText: entryText, maxWidth: maxWidth, maxRows: Self.summaryRows)
        lines += [""] + TextWrap.lines(Self.summaryHint, width: maxWidth)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A grid with one cell per block: its structural nonzeros, or · when it has none.
    /// In maps order with colour, each count has its block's colour.
    private func blockMap(_ view: MatrixView, maxWidth: Int, counts given: [[Int]]?) -> [String] {
        let t = view.tied
        let (countedRows, columnCap) = Self.blockMapExtent(rowBlocks: t.rowBlocks, columnBlocks: t.columnBlocks, maxWidth: maxWidth)
        let counts = given ?? Self.blockCounts(t, rowBlocks: countedRows, columnBlocks: columnCap)
        let texts = counts.map { $0.map { $0 == 0 ? "·" : NumberFormat.count($0) } }
        let rowNames = (0..<countedRows).map(view.rowBlockName)
        let columnNames = (0..<columnCap).map(view.columnBlockName)
        let (shown, cellWidth) = Self.fittingColumns(
            names: columnNames, texts: texts, labelWidth: rowNames.map(\.count).max() ?? 0,
            columnBlocks: t.columnBlocks, maxWidth: maxWidth)
        let more = shown < t.columnBlocks ? " …" : ""
        // As for a band's corner: stop at the last row block that reaches the shown column blocks.
        let shownRows = ((0..<countedRows).last { b in counts[b].prefix(shown).contains { $0 > 0 } } ?? 0) + 1
        let labelWidth = rowNames.prefix(shownRows).map(\.count).max() ?? 0
        var lines = [
            String(repeating: " ", count: labelWidth) + " │"
                + columnNames.prefix(shown).map { " " + $0.leftPadded(to: cellWidth) }.joined() + more
        ]
        for b in 0..<shownRows {
            let cells = (0..<shown).map { a -> String in
                let text = texts[b][a].leftPadded(to: cellWidth)
                guard colour, view.order == .maps else { return " " + text }
                return " " + (counts[b][a] == 0 ? TerminalColour.dim(text) : TerminalColour.foreground(text, block: b * t.columnBlocks + a))
            }
            lines.append(rowNames[b].padded(to: labelWidth) + " │" + cells.joined() + more)
        }
        if shownRows < t.rowBlocks { lines.append("⋮".padded(to: labelWidth) + " │") }
        return lines
    }

    /// The row blocks and column blocks a block map counts: at most ``summaryRows``
    /// rows, and no more columns than can fit, since every cell takes at least two characters.
    static func blockMapExtent(rowBlocks: Int, columnBlocks: Int, maxWidth: Int) -> (rows: Int, columns: Int) {
        (min(rowBlocks, summaryRows), min(columnBlocks, max(1, maxWidth / 2)))
    }

    /// The most block-map columns whose widest cell still fits in `maxWidth` (at least
    /// one): the label, │, then k cells of w + 1 characters, then " …" when cropped.
    private static func fittingColumns(
        names: [String], texts: [[String]], labelWidth: Int, columnBlocks: Int, maxWidth: Int
    ) -> (shown: Int, cellWidth: Int) {
        var shown = 1
        var cellWidth = 1
        for k in 1...names.count {
            let w = max(names[k - 1].count, texts.map { $0[k - 1].count }.max() ?? 1, cellWidth)
            let cropped = k < columnBlocks
            guard k == 1 || labelWidth + 2 + k * (w + 1) + (cropped ? 2 : 0) <= maxWidth else { break }
            shown = k
            cellWidth = w
        }
        return (shown, cellWidth)
    }

    /// Structural nonzeros of each block (b, a) with b < rowBlocks, a < columnBlocks.
    private static func blockCounts(_ tied: TiedMatrix, rowBlocks: Int, columnBlocks: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: columnBlocks), count: rowBlocks)
        for r in 0..<(rowBlocks * tied.rowBlockSize) {
            var previous = -1
            for term in tied.terms(inRow: r) where term.column != previous {
                previous = term.column
                let a = term.column / tied.columnBlockSize
                if a < columnBlocks { counts[r / tied.rowBlockSize][a] += 1 }
            }
        }
        return counts
    }
}
