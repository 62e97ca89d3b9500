/// One block of Wᵀ as text: the band matrix that is one convolution.
extension MatrixTextRenderer {
    /// Block (j, i) of Wᵀ, 1-based as in v_{ji}: the band matrix of the convolution
    /// w_{ji} ∗ x_i, with its row and column labels.
    ///
    ///     try MatrixTextRenderer().renderBlock(layer.tiedMatrix(), j: 1, i: 2, input: layer.input, output: layer.output)
    ///     // block (1, 2) of Wᵀ: y₁ from x₂, 4 × 6 with 12 nonzeros
    ///     //
    ///     //       │ x₂(1) x₂(2) x₂(3) x₂(4) x₂(5) x₂(6)
    ///     // y₁(1) │ v₁₂¹  v₁₂²  v₁₂³  ·     ·     ·
    ///     // …
    ///
    /// The block is drawn whole; wider than `maxWidth`, in column bands
    /// (``renderBlock(_:j:i:values:)``).
    ///
    /// - Parameters:
    ///   - tied: the stored (maps-order) Wᵀ.
    ///   - j: the output map, 1...out_channels.
    ///   - i: the input map, 1...in_channels.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, field `block`, when (j, i) is not a
    ///   block of Wᵀ; `.shape` when the shapes or values do not fit the matrix.
    public func renderBlock(
        _ tied: TiedMatrix, j: Int, i: Int, values: [Double]? = nil, input: TensorShape, output: TensorShape
    ) throws(ConvMatrixError) -> String {
        try Self.requireBlock(j: j, i: i, rowBlocks: tied.rowBlocks, columnBlocks: tied.columnBlocks, order: .maps)
        return try renderBlock(try MatrixView(tied, input: input, output: output), j: j, i: i, values: values)
    }

    /// Block (j, i), 1-based, of a view: in maps order the band matrix of w_{ji} ∗ x_i;
    /// in positions order the out × in matrix of taps with which output position j
    /// reads input position i (positions counted row-major, as the view lists them).
    ///
    /// A block wider than `maxWidth` is drawn in column bands that each fit, one under
    /// the other, every band with the rows that hold a nonzero in its columns
    /// (``bandLines(_:row:column:entryText:maxWidth:)``): every entry of the block is shown.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, field `block`, when (j, i) is not a
    ///   block of the view; field `width` when `maxWidth` is not positive; `.shape`
    ///   (field `values`) when numeric entries lack one value per parameter.
    public func renderBlock(_ view: MatrixView, j: Int, i: Int, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        if let maxWidth, maxWidth < 1 { throw .spec("width", "\(maxWidth) columns is too narrow to show anything") }
        try Self.requireBlock(j: j, i: i, rowBlocks: view.tied.rowBlocks, columnBlocks: view.tied.columnBlocks, order: view.order)
        let values = try EntryText.checkedValues(values, for: view.tied, entries: entries)
        return blockText(view, row: j - 1, column: i - 1, entryText: entryText(view.tied, values: values))
    }

    /// Block (b, a), 0-based, whole when its grid fits `maxWidth`, else in column bands.
    func blockText(_ view: MatrixView, row b: Int, column a: Int, entryText: EntryText) -> String {
        let lines: [String]
        if let maxWidth, blockGrid(view, row: b, column: a, entryText: entryText).metrics().totalWidth > maxWidth {
            lines = bandLines(view, row: b, column: a, entryText: entryText, maxWidth: maxWidth)
        } else {
            let whole = blockLines(view, row: b, column: a, entryText: entryText, maxWidth: nil, maxRows: nil)
            lines = TextWrap.lines(whole[0], width: maxWidth) + whole.dropFirst()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The grid of the whole block (b, a), 0-based, with column labels.
    func blockGrid(_ view: MatrixView, row b: Int, column a: Int, entryText: EntryText) -> TextGrid {
        let (rowSize, columnSize) = (view.tied.rowBlockSize, view.tied.columnBlockSize)
        var grid = TextGrid(
            view: view, rows: (b * rowSize)..<((b + 1) * rowSize), columns: (a * columnSize)..<((a + 1) * columnSize), entryText: entryText)
        grid.columnLabels = true
        grid.colour = colour
        return grid
    }

    /// Throws unless (j, i), 1-based, is one of the rowBlocks × columnBlocks blocks.
    static func requireBlock(j: Int, i: Int, rowBlocks: Int, columnBlocks: Int, order: UnitOrder) throws(ConvMatrixError) {
        guard j >= 1, j <= rowBlocks, i >= 1, i <= columnBlocks else {
            let kinds = order == .maps ? "" : " in \(order.rawValue) order (output positions × input positions)"
            throw .spec("block", "\(j),\(i) is outside the \(NumberFormat.count(rowBlocks)) × \(NumberFormat.count(columnBlocks)) blocks of Wᵀ\(kinds)")
        }
    }

    /// A title line, an empty line and the grid of the view's block (b, a), 0-based.
    ///
    /// With limits it shows the top-left corner: the first columns that fit
    /// `maxWidth`, and of the first `maxRows` rows those down to the last one with a
    /// nonzero in the shown columns (a band matrix's corner, not rows of dots).
    func blockLines(
        _ view: MatrixView, row b: Int, column a: Int, entryText: EntryText, maxWidth: Int?, maxRows: Int?
    ) -> [String] {
        let rowSize = view.tied.rowBlockSize
        let columnSize = view.tied.columnBlockSize
        let firstRow = b * rowSize
        let firstColumn = a * columnSize
        let rowCount = min(rowSize, maxRows ?? rowSize)
        var grid = blockGrid(view, row: b, column: a, entryText: entryText)
        grid.rows = firstRow..<(firstRow + rowCount)
        grid.croppedRows = rowCount < rowSize
        if let maxWidth {
            grid = widestFitting(grid, maxWidth: maxWidth, blockColumns: firstColumn..<(firstColumn + columnSize))
            // A band leaves the shown columns after a few rows: stop at the last row that still reaches them.
            let reaching = grid.rows.last { r in view.tied.terms(inRow: r).contains { grid.columns.contains($0.column) } }
            grid.rows = firstRow..<((reaching ?? firstRow) + 1)
            grid.croppedRows = grid.rows.count < rowSize
        }
        var title = blockTitle(view, row: b, column: a)
        if grid.croppedRows || grid.croppedColumns {
            title += "; rows 1–\(NumberFormat.count(grid.rows.count)) and columns 1–\(NumberFormat.count(grid.columns.count)) shown"
        }
        return TextWrap.lines(title, width: maxWidth) + [""] + grid.lines()
    }

    /// `block (1, 1) of Wᵀ: y₁ from x₁, 100 × 196 with 2,500 nonzeros`.
    func blockTitle(_ view: MatrixView, row b: Int, column a: Int) -> String {
        let (rowSize, columnSize) = (view.tied.rowBlockSize, view.tied.columnBlockSize)
        let nonzeros = Self.nonzeros(view.tied, rows: (b * rowSize)..<((b + 1) * rowSize), columns: (a * columnSize)..<((a + 1) * columnSize))
        return "block (\(NumberFormat.count(b + 1)), \(NumberFormat.count(a + 1))) of Wᵀ"
            + (view.order == .maps ? "" : " in \(view.order.rawValue) order")
            + ": \(view.rowBlockName(b)) from \(view.columnBlockName(a)), "
            + "\(NumberFormat.count(rowSize)) × \(NumberFormat.count(columnSize)) with \(NumberFormat.count(nonzeros, "nonzero"))"
    }

    /// The grid with as many of `blockColumns` as fit in `maxWidth` (at least one).
    private func widestFitting(_ grid: TextGrid, maxWidth: Int, blockColumns: Range<Int>) -> TextGrid {
        func candidate(_ k: Int) -> TextGrid {
            var g = grid
            g.columns = blockColumns.lowerBound..<(blockColumns.lowerBound + k)
            g.croppedColumns = k < blockColumns.count
            return g
        }
        var best = candidate(1)
        var k = 1
        while k < blockColumns.count {
            let next = candidate(k + 1)
            guard next.metrics().totalWidth <= maxWidth else { break }
            best = next
            k += 1
        }
        return best
    }

    /// Structural nonzeros of Wᵀ inside rows × columns.
    static func nonzeros(_ tied: TiedMatrix, rows: Range<Int>, columns: Range<Int>) -> Int {
        var count = 0
        for r in rows {
            var previous = -1
            for term in tied.terms(inRow: r) where term.column != previous && columns.contains(term.column) {
                count += 1
                previous = term.column
            }
        }
        return count
    }
}
