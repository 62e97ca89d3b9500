/// A network as its chain of matrices side by side, in the order x meets them,
/// each at its size relative to the others: the picture of "a CNN alternates
/// convolutions and pooling" (wide, sparse convolutions; narrow pooling).
///
///     H1: 768 × 256     Tanh_1: 768 × 768     H2: 192 × 768   …
///     ▇▇▇▇              ▇                     ▇▇▇▇▇▇
///
/// One bin size b and one pixel size serve every panel, so that sizes compare:
///
///     b = max(1, ⌈Σ_k cols_k / maxWidth⌉, ⌈max_k rows_k / maxHeight⌉)
///
/// and a cell covers about b × b entries (``SvgAxis``), coloured as
/// ``SvgRenderer`` colours one layer (sharing, numbers or the spy pattern),
/// each panel on its own palette or scale. Every panel is a
/// `<g class="layer" data-name="NAME">` element.
public struct SvgNetworkChain: Sendable {
    /// One matrix of the chain.
    public struct Link: Sendable {
        public let name: String
        public let tied: TiedMatrix
        /// The parameter values, for the numeric style.
        public let values: [Double]?

        public init(name: String, tied: TiedMatrix, values: [Double]? = nil) {
            self.name = name
            self.tied = tied
            self.values = values
        }
    }

    /// What a cell's colour shows.
    public enum Style: Sendable, Equatable {
        case sharing, numeric, spy
    }

    /// Widest and tallest the matrices may be drawn together, in pixels, before cells shrink and bin.
    public static let maximumWidth = 1_800
    public static let maximumHeight = 600
    static let gap = 24
    static let cellSize = 12

    public let style: Style

    public init(style: Style = .sharing) {
        self.style = style
    }

    /// The bin size that fits `links` into ``maximumWidth`` × ``maximumHeight`` cells.
    public static func binSize(rows: [Int], columns: [Int]) -> Int {
        let width = columns.reduce(0, +)
        let height = rows.max() ?? 0
        return max(1, (width + maximumWidth - 1) / maximumWidth, (height + maximumHeight - 1) / maximumHeight)
    }

    /// The picture of `links`, left to right, with `title` on its first line.
    ///
    /// - Precondition: every link has rows and columns, and numeric values when the style is numeric.
    public func render(_ links: [Link], title: String) -> String {
        let binSize = Self.binSize(rows: links.map(\.tied.rows), columns: links.map(\.tied.columns))
        let axes = links.map {
            (
                SvgAxis(count: $0.tied.rows, blockSize: $0.tied.rowBlockSize, binSize: binSize),
                SvgAxis(count: $0.tied.columns, blockSize: $0.tied.columnBlockSize, binSize: binSize)
            )
        }
        let width = axes.reduce(0) { $0 + $1.1.cellCount }
        let height = axes.map(\.0.cellCount).max() ?? 1
        let pixel = max(1, min(Self.cellSize, Self.maximumWidth / max(width, 1), Self.maximumHeight / max(height, 1)))
        var document = SvgDocument()
        var y = SvgRenderer.margin + 14
        document.text(title, x: SvgRenderer.margin, y: y, size: 14, bold: true)
        var pictureWidth = SvgDocument.estimatedWidth(title, size: 14)
        y += 18
        let subtitle =
            "\(links.count) matrices in the order x meets them (rows: output units, columns: input units)"
            + (binSize > 1 ? "; a cell is \(binSize) × \(binSize) entries" : "")
        document.text(subtitle, x: SvgRenderer.margin, y: y)
        pictureWidth = max(pictureWidth, SvgDocument.estimatedWidth(subtitle))
        y += 24
        var x = SvgRenderer.margin
        var bottom = y
        for (link, axis) in zip(links, axes) {
            let panel = SvgMatrixPanel(
                tied: link.tied, cells: SvgCells(rows: axis.0, columns: axis.1, pixel: pixel), rowName: .output, columnName: .input,
                compact: true)
            let fill = SvgCellFill(style: rendererStyle(link), panels: [panel], binned: binSize > 1)
            if fill.summedEntries > 0 { document.define(id: "summed", SvgCellFill.summedPattern) }
            document.append("<g class=\"layer\" data-name=\"\(SvgDocument.escaped(link.name))\">")
            let caption = "\(link.name): \(NumberFormat.count(link.tied.rows)) × \(NumberFormat.count(link.tied.columns))"
            document.text(caption, x: x + panel.labelWidth, y: y, bold: true)
            panel.draw(into: &document, x: x, y: y + 6, values: link.values, fill: fill.colour)
            document.append("</g>")
            x += max(panel.width, panel.labelWidth + SvgDocument.estimatedWidth(caption)) + Self.gap
            bottom = max(bottom, y + 6 + panel.height)
        }
        pictureWidth = max(pictureWidth, x - Self.gap - SvgRenderer.margin)
        return document.finished(width: pictureWidth + 2 * SvgRenderer.margin, height: bottom + SvgRenderer.margin)
    }

    private func rendererStyle(_ link: Link) -> SvgRenderer.Style {
        switch style {
        case .sharing: return .sharing
        case .spy: return .spy
        case .numeric: return .numeric(values: link.values ?? [])
        }
    }
}
