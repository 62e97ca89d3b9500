/// What one drawn cell of a matrix covers: an entry, or a bin of entries.
struct SvgCellSummary: Sendable {
    /// Entries the cell covers.
    var area = 0
    /// Structural nonzeros among them.
    var nonzeros = 0
    /// Σ of their values (for numbers): Σ over every term of v_p.
    var sum = 0.0
    /// A parameter of some term in the cell, −1 when it has none.
    var parameter = -1
    /// Entries that sum several parameters.
    var summedEntries = 0
    /// Entries that hold a constant of the layer (P, pooling, the identity).
    var constants = 0

    /// The share of nonzero entries.
    var density: Double { area > 0 ? Double(nonzeros) / Double(area) : 0 }
}

/// The cells of a matrix drawn at whole pixels, as compact SVG.
///
/// Each drawn row of cells is scanned once; runs of neighbouring cells with the
/// same fill become one rectangle, and all rectangles of one fill become one
/// `<path fill="#rrggbb" d="M x y h w v h h -w z …"/>`, about 15 bytes a run.
/// Empty cells (structural zeros) are left white.
struct SvgCells {
    let rows: SvgAxis
    let columns: SvgAxis
    /// Pixels per cell, along both axes.
    let pixel: Int

    /// The `<g>` element holding the cells of `tied` with their top-left corner at
    /// (x, y); `fill` names the colour of a cell, or nil for white.
    ///
    /// - Parameter values: parameter values, for the sums; nil leaves sums at 0.
    /// - Complexity: O(terms + drawn cells).
    func markup(
        _ tied: TiedMatrix, values: [Double]?, x: Int, y: Int, fill: (SvgCellSummary) -> String?
    ) -> String {
        var paths: [String: String] = [:]
        var order: [String] = []
        for rowCell in 0..<rows.cellCount {
            let summaries = summarise(tied, values: values, rowCell: rowCell)
            let top = y + rowCell * pixel
            var runStart = 0
            var runFill = fill(summaries[0])
            for columnCell in 1...columns.cellCount {
                let next = columnCell < columns.cellCount ? fill(summaries[columnCell]) : nil
                if columnCell < columns.cellCount, next == runFill { continue }
                if let runFill {
                    let width = (columnCell - runStart) * pixel
                    if paths[runFill] == nil { order.append(runFill) }
                    paths[runFill, default: ""] += "M\(x + runStart * pixel) \(top)h\(width)v\(pixel)h-\(width)z"
                }
                runStart = columnCell
                runFill = next
            }
        }
        let body = order.map { "<path fill=\"\($0)\" d=\"\(paths[$0] ?? "")\"/>" }
        return (["<g class=\"cells\" shape-rendering=\"crispEdges\">"] + body + ["</g>"]).joined(separator: "\n")
    }

    /// The summaries of the cells in one drawn row.
    func summarise(_ tied: TiedMatrix, values: [Double]?, rowCell: Int) -> [SvgCellSummary] {
        var summaries = (0..<columns.cellCount).map { column in
            SvgCellSummary(area: rows.size(ofCell: rowCell) * columns.size(ofCell: column))
        }
        for r in rows.edges[rowCell]..<rows.edges[rowCell + 1] {
            var previousColumn = -1
            var termsInEntry = 0
            for k in tied.rowStarts[r]..<tied.rowStarts[r + 1] {
                let term = tied.terms[k]
                let cell = columns.cellOfEntry[term.column]
                if term.column == previousColumn {
                    termsInEntry += 1
                    if termsInEntry == 2 { summaries[cell].summedEntries += 1 }
                } else {
                    termsInEntry = 1
                    summaries[cell].nonzeros += 1
                }
                summaries[cell].sum += tied.coefficient(ofTerm: k) * (values?[term.parameter] ?? 0)
                if summaries[cell].parameter < 0 { summaries[cell].parameter = term.parameter }
                previousColumn = term.column
            }
            for entry in tied.constants(inRow: r) {
                let cell = columns.cellOfEntry[entry.column]
                if !tied.terms(inRow: r).contains(where: { $0.column == entry.column }) { summaries[cell].nonzeros += 1 }
                summaries[cell].constants += 1
                summaries[cell].sum += entry.value
            }
        }
        return summaries
    }
}
