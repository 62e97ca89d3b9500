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
    /// The block is always drawn whole; `maxWidth` applies to ``render(_:values:)``.
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
        guard j >= 1, j <= tied.rowBlocks, i >= 1, i <= tied.columnBlocks else {
            throw .spec("block", "\(j),\(i) is outside the \(tied.rowBlocks)×\(tied.columnBlocks) blocks of Wᵀ")
        }
        let view = try MatrixView(tied, input: input, output: output)
        let values = try EntryText.checkedValues(values, for: tied, entries: entries)
        let lines = blockLines(view, row: j - 1, column: i - 1, entryText: entryText(tied, values: values), maxWidth: nil, maxRows: nil)
        return lines.joined(separator: "\n") + "\n"
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
        var grid = TextGrid(
            view: view, rows: firstRow..<(firstRow + rowCount),
            columns: firstColumn..<(firstColumn + columnSize), entryText: entryText)
        grid.columnLabels = true
        grid.colour = colour
        grid.croppedRows = rowCount < rowSize
        if let maxWidth {
            grid = widestFitting(grid, maxWidth: maxWidth, blockColumns: firstColumn..<(firstColumn + columnSize))
            // A band leaves the shown columns after a few rows: stop at the last row that still reaches them.
            let reaching = grid.rows.last { r in view.tied.terms(inRow: r).contains { grid.columns.contains($0.column) } }
            grid.rows = firstRow..<((reaching ?? firstRow) + 1)
            grid.croppedRows = grid.rows.count < rowSize
        }
        let nonzeros = Self.nonzeros(view.tied, rows: firstRow..<(firstRow + rowSize), columns: firstColumn..<(firstColumn + columnSize))
        var title =
            "block (\(b + 1), \(a + 1)) of Wᵀ" + (view.order == .maps ? "" : " in \(view.order.rawValue) order")
            + ": \(view.rowBlockName(b)) from \(view.columnBlockName(a)), "
            + "\(NumberFormat.count(rowSize)) × \(NumberFormat.count(columnSize)) with \(NumberFormat.count(nonzeros)) nonzeros"
        if grid.croppedRows || grid.croppedColumns {
            title += "; rows 1–\(grid.rows.count) and columns 1–\(grid.columns.count) shown"
        }
        return [title, ""] + grid.lines()
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
