/// The name of the blocks along one side of a matrix, long ("input map 2") and
/// short ("x₂"): maps, counted from `first` (a single block keeps its own
/// number), or positions ("position (1,4)", "x(1,4)") in the positions order.
struct SvgMapName: Sendable {
    /// The plural's stem for a side whose blocks are too small to label: "input map".
    let long: String
    let short: String
    private let name: @Sendable (_ block: Int, _ long: Bool) -> String

    init(long: String, short: String, first: Int = 0) {
        self.long = long
        self.short = short
        name = { block, isLong in isLong ? "\(long) \(first + block + 1)" : short + UnicodeIndices.lowered(String(first + block + 1)) }
    }

    static let input = SvgMapName(long: "input map", short: "x")
    static let output = SvgMapName(long: "output map", short: "y")
    static let padded = SvgMapName(long: "padded map", short: "x\u{0303}")

    /// The blocks of `shape` in `order`: maps as ``input``/``output``, or positions.
    static func blocks(of shape: TensorShape, order: UnitOrder, role: String, letter: String) -> SvgMapName {
        guard order == .positions else { return SvgMapName(long: "\(role) map", short: letter) }
        return SvgMapName(long: "\(role) position", short: letter) { block, isLong in
            isLong ? order.blockTitle(block, shape: shape, role: role) : order.blockName(block, shape: shape, letter: letter)
        }
    }

    private init(long: String, short: String, name: @escaping @Sendable (Int, Bool) -> String) {
        self.long = long
        self.short = short
        self.name = name
    }

    /// "input map 2" or "x₂", 1-based.
    func label(_ map: Int, long: Bool) -> String { name(map, long) }
}

/// One matrix drawn with its surroundings: map labels above (columns) and to the
/// left (rows), its cells, a frame, and thin lines on every block border.
///
///                input map 1   input map 2
///     output map 1  ▇▇▇ …   │   ▇▇▇ …
///     ──────────────────────┼──────────
///
/// Labels take the long form when a block has room for it, else the short
/// form (x₁, y₂), and only every k-th block is labelled when even that is too wide.
struct SvgMatrixPanel {
    static let labelGap = 6
    static let labelRowHeight = 18
    static let lineHeight = 15

    let tied: TiedMatrix
    let cells: SvgCells
    let rowName: SvgMapName
    let columnName: SvgMapName
    /// Short row labels, to keep side-by-side panels narrow.
    let compact: Bool
    /// Labels or tap dots inside the cells (``SvgCellMarks``).
    var marks: SvgCellMarks = .none

    var matrixWidth: Int { cells.columns.cellCount * cells.pixel }
    var matrixHeight: Int { cells.rows.cellCount * cells.pixel }

    /// Room for the row labels, left of the matrix.
    var labelWidth: Int {
        let widest = SvgDocument.estimatedWidth(rowName.label(tied.rowBlocks - 1, long: !compact))
        return widest + 2 * Self.labelGap
    }

    var width: Int { labelWidth + matrixWidth }
    var height: Int { Self.labelRowHeight + matrixHeight }

    /// Draws the panel with its top-left corner at (x, y); returns the matrix's top-left corner.
    @discardableResult
    func draw(
        into document: inout SvgDocument, x: Int, y: Int, values: [Double]?, fill: (SvgCellSummary) -> String?
    ) -> (x: Int, y: Int) {
        let left = x + labelWidth
        let top = y + Self.labelRowHeight
        drawColumnLabels(into: &document, left: left, baseline: top - Self.labelGap)
        drawRowLabels(into: &document, right: left - Self.labelGap, top: top)
        document.append(cells.markup(tied, values: values, x: left, y: top, fill: fill))
        if case .none = marks {
        } else {
            let fills = (0..<cells.rows.cellCount).map { cells.summarise(tied, values: values, rowCell: $0).map(fill) }
            document.append(marks.markup(tied, cells: cells, x: left, y: top) { r, c in fills[r][c] })
        }
        drawBorders(into: &document, left: left, top: top)
        return (left, top)
    }

    private func drawBorders(into document: inout SvgDocument, left: Int, top: Int) {
        let pixel = cells.pixel
        var lines = ["<g class=\"blocks\" stroke=\"#666\" fill=\"none\" shape-rendering=\"crispEdges\">"]
        for start in cells.rows.blockStarts.dropFirst() {
            lines.append("<line x1=\"\(left)\" y1=\"\(top + start * pixel)\" x2=\"\(left + matrixWidth)\" y2=\"\(top + start * pixel)\"/>")
        }
        for start in cells.columns.blockStarts.dropFirst() {
            lines.append("<line x1=\"\(left + start * pixel)\" y1=\"\(top)\" x2=\"\(left + start * pixel)\" y2=\"\(top + matrixHeight)\"/>")
        }
        lines.append("<rect class=\"frame\" x=\"\(left)\" y=\"\(top)\" width=\"\(matrixWidth)\" height=\"\(matrixHeight)\"/>")
        lines.append("</g>")
        document.append(lines.joined(separator: "\n"))
    }

    private func drawColumnLabels(into document: inout SvgDocument, left: Int, baseline: Int) {
        let axis = cells.columns
        guard axis.cells(ofBlock: 0) != nil else {
            document.text("\(columnName.long)s 1–\(axis.blockCount)", x: left + matrixWidth / 2, y: baseline, anchor: .middle)
            return
        }
        let blockWidth = matrixWidth / axis.blockCount
        let last = axis.blockCount - 1
        let long = SvgDocument.estimatedWidth(columnName.label(last, long: true)) + Self.labelGap <= blockWidth
        let needed = SvgDocument.estimatedWidth(columnName.label(last, long: long)) + Self.labelGap
        let step = max(1, (needed + blockWidth - 1) / max(blockWidth, 1))
        for block in stride(from: 0, through: last, by: step) {
            guard let range = axis.cells(ofBlock: block) else { continue }
            let centre = left + (range.lowerBound + range.upperBound) * cells.pixel / 2
            document.text(columnName.label(block, long: long), x: centre, y: baseline, anchor: .middle)
        }
    }

    private func drawRowLabels(into document: inout SvgDocument, right: Int, top: Int) {
        let axis = cells.rows
        guard axis.cells(ofBlock: 0) != nil else {
            document.text("\(rowName.short)", x: right, y: top + matrixHeight / 2 + 4, anchor: .end)
            return
        }
        let blockHeight = matrixHeight / axis.blockCount
        let step = max(1, (Self.lineHeight + blockHeight - 1) / max(blockHeight, 1))
        for block in stride(from: 0, to: axis.blockCount, by: step) {
            guard let range = axis.cells(ofBlock: block) else { continue }
            let centre = top + (range.lowerBound + range.upperBound) * cells.pixel / 2
            document.text(rowName.label(block, long: !compact), x: right, y: centre + 4, anchor: .end)
        }
    }
}
