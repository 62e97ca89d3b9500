/// The binned form of a big Wᵀ on the explorer page, as the SVG bins it
/// (``SvgAxis``): bin (a, b) covers rows row_edges[a]..<row_edges[a + 1] and
/// columns col_edges[b]..<col_edges[b + 1], never straddling a block border
/// when blocks are larger than a bin.
///
/// A bin keeps its block's hue and is darker the larger the share of nonzero
/// entries it covers (``SvgSharingPalette/colour(of:density:)``); a bin of
/// constants alone is grey. Only bins with a nonzero are listed.
struct HtmlBins: Encodable, Sendable {
    /// Entries per bin along each side (the last bin of a block may differ by one).
    let size: Int
    let row_edges: [Int]
    let col_edges: [Int]
    /// [bin row, bin column] of every bin with a nonzero, row-major.
    let cells: [[Int]]
    /// The colour of each listed bin, parallel to `cells`.
    let colours: [String]

    init(_ tied: TiedMatrix, binSize: Int) {
        let rows = SvgAxis(count: tied.rows, blockSize: tied.rowBlockSize, binSize: binSize)
        let columns = SvgAxis(count: tied.columns, blockSize: tied.columnBlockSize, binSize: binSize)
        let drawn = SvgCells(rows: rows, columns: columns, pixel: 1)
        let palette = SvgSharingPalette(parameters: tied.parameters)
        var cells: [[Int]] = []
        var colours: [String] = []
        for rowCell in 0..<rows.cellCount {
            for (columnCell, summary) in drawn.summarise(tied, values: nil, rowCell: rowCell).enumerated() where summary.nonzeros > 0 {
                cells.append([rowCell, columnCell])
                colours.append(Self.colour(summary, palette: palette).hex)
            }
        }
        size = binSize
        row_edges = rows.edges
        col_edges = columns.edges
        self.cells = cells
        self.colours = colours
    }

    /// The block's hue at the bin's density, or grey for constants alone.
    static func colour(_ summary: SvgCellSummary, palette: SvgSharingPalette) -> SvgColour {
        guard summary.parameter >= 0 else { return SvgColour.grey(1 - 0.6 * SvgColour.densityLevel(summary.density)) }
        return palette.colour(of: palette.block(ofParameter: summary.parameter), density: summary.density)
    }
}
