/// What a picture writes or draws inside its cells, so that a slide reads without
/// the legend: the entry itself in small pictures, a tap dot in larger ones.
///
/// **Labels.** A picture is labelled when it is drawn one cell an entry (not
/// binned, not `spy`) and its widest label fits a cell of at most 64 px while the
/// largest side stays within 900 px: at the 10 px label font a cell is the widest
/// label plus 4 px, and at least the renderer's cell size. So the slide's 12 × 12
/// matrix (labels v₁₁¹ in 20 px cells) is labelled, and so is anything up to about
/// 30 entries a side with short names, or 16 with two-term sums. `sharing`
/// writes the names (v₁₁¹, sums as v₁₁¹+v₁₁⁴), `numeric` the value with two
/// digits after the point. Text is white on dark cells and black on light ones, on a white patch in a hatched cell.
///
/// **Tap dots.** Lightness alone cannot tell 9 or 27 taps of one hue apart. In an
/// unlabelled sharing picture of a 2-D or 3-D kernel whose cells have at least
/// 3 px for each kernel position, each entry holding one parameter v^t carries a
/// dot placed in the cell where t sits in the kernel: row t₁ down and column t₂
/// across (for 3-D: t₂ and t₃, while lightness still steps through t₁). A dot is a
/// square of the kernel grid's cell less 1 px, in the contrasting colour.
enum SvgCellMarks: Sendable {
    case none
    /// Each row's labels as (column, text), and the font size.
    case labels([[(column: Int, text: String)]], fontSize: Int)
    /// The kernel extents whose last two dimensions place the dots.
    case dots(kernel: [Int])

    static let labelFont = 10
    static let labelPadding = 4
    static let largestLabelledCell = 64

    /// The labels of `tied` and the pixels a cell needs for them, or nil when the
    /// picture is not labelled (see the rule above).
    static func labels(
        _ tied: TiedMatrix, style: SvgRenderer.Style, binned: Bool, cellSize: Int
    ) -> (marks: SvgCellMarks, pixel: Int)? {
        // Even one-character labels need labelFont · 0.58 + labelPadding pixels a cell.
        let narrowest = SvgDocument.estimatedWidth("0", size: labelFont) + labelPadding
        guard !binned, max(tied.rows, tied.columns) * max(cellSize, narrowest) <= SvgRenderer.largestMatrixSide else { return nil }
        let text: EntryText
        switch style {
        case .spy: return nil
        case .sharing: text = EntryText(symbolic: tied, name: { $0.unicode($1) }, separator: "+")
        case .numeric(let values): text = EntryText(numeric: values) { NumberFormat.compact($0, fractionDigits: 2) }
        }
        let rows = (0..<tied.rows).map { text.row(tied, $0) }
        let widest = rows.joined().map { SvgDocument.estimatedWidth($0.text, size: labelFont) }.max() ?? 0
        let pixel = max(cellSize, widest + labelPadding)
        guard pixel <= largestLabelledCell, max(tied.rows, tied.columns) * pixel <= SvgRenderer.largestMatrixSide else { return nil }
        return (.labels(rows, fontSize: labelFont), pixel)
    }

    /// Dots for the taps of a sharing picture's kernel, or none when it is 1-D,
    /// binned or its cells are too small.
    static func dots(kernel: [Int], style: SvgRenderer.Style, binned: Bool, pixel: Int) -> SvgCellMarks {
        guard style == .sharing, !binned, kernel.count >= 2 else { return .none }
        let grid = kernel.suffix(2)
        return pixel / (grid.max() ?? 1) >= 3 ? .dots(kernel: kernel) : .none
    }

    /// The marks' markup for `tied` drawn in `cells` from (x, y); `fill` is the
    /// fill of each cell, whose lightness picks the marks' colour.
    func markup(_ tied: TiedMatrix, cells: SvgCells, x: Int, y: Int, fill: (Int, Int) -> String?) -> String {
        switch self {
        case .none: return ""
        case .labels(let rows, let size):
            var lines = ["<g class=\"labels\" text-anchor=\"middle\" font-size=\"\(size)\">"]
            for (r, row) in rows.enumerated() {
                for (column, text) in row {
                    let centre = x + column * cells.pixel + cells.pixel / 2
                    let baseline = y + r * cells.pixel + cells.pixel / 2 + size * 3 / 8
                    let colour = Self.contrast(fill(r, column))
                    if colour == nil {
                        // A hatched cell: the label on a white patch of its own width.
                        let width = SvgDocument.estimatedWidth(text, size: size) + 2
                        lines.append(
                            "<rect x=\"\(centre - width / 2)\" y=\"\(baseline - size)\" width=\"\(width)\" height=\"\(size + 3)\" fill=\"#fff\"/>")
                    }
                    lines.append("<text x=\"\(centre)\" y=\"\(baseline)\" fill=\"\(colour ?? "#000")\">\(SvgDocument.escaped(text))</text>")
                }
            }
            return (lines + ["</g>"]).joined(separator: "\n")
        case .dots(let kernel):
            return dotMarkup(tied, kernel: kernel, cells: cells, x: x, y: y, fill: fill)
        }
    }

    /// One square a single-parameter entry, grouped into one path per colour.
    private func dotMarkup(_ tied: TiedMatrix, kernel: [Int], cells: SvgCells, x: Int, y: Int, fill: (Int, Int) -> String?) -> String {
        let grid = Array(kernel.suffix(2))
        let (down, across) = (grid[0], grid[1])
        let sub = cells.pixel / max(down, across)
        let side = max(1, sub - 1)
        let inset = (cells.pixel - sub * max(down, across)) / 2
        var paths: [String: String] = [:]
        for r in 0..<tied.rows {
            let terms = Array(tied.terms(inRow: r))
            for (k, term) in terms.enumerated() {
                let alone = (k == 0 || terms[k - 1].column != term.column) && (k + 1 == terms.count || terms[k + 1].column != term.column)
                let tap = tied.parameters[term.parameter].tap
                guard alone, tap.count == kernel.count else { continue }
                let (t1, t2) = (tap[tap.count - 2] - 1, tap[tap.count - 1] - 1)
                let left = x + term.column * cells.pixel + inset + t2 * sub
                let top = y + r * cells.pixel + inset + t1 * sub
                paths[Self.contrast(fill(r, term.column)) ?? "#000", default: ""] += "M\(left) \(top)h\(side)v\(side)h-\(side)z"
            }
        }
        let body = paths.keys.sorted().map { "<path fill=\"\($0)\" d=\"\(paths[$0] ?? "")\"/>" }
        return (["<g class=\"taps\" shape-rendering=\"crispEdges\">"] + body + ["</g>"]).joined(separator: "\n")
    }

    /// White on a dark fill, black on a light one; nil for a pattern (black on a white patch).
    static func contrast(_ fill: String?) -> String? {
        guard let fill else { return "#000" }
        guard fill.hasPrefix("#"), fill.count == 7 else { return fill.hasPrefix("url(") ? nil : "#000" }
        let digits = Array(fill.dropFirst())
        let channel = { (k: Int) in Double(Int(String(digits[(2 * k)..<(2 * k + 2)]), radix: 16) ?? 255) / 255 }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
        return luminance < 0.45 ? "#fff" : "#000"
    }
}
