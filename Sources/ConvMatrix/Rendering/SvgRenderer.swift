/// Wᵀ as an SVG picture: a grid of coloured cells, one per entry, with the
/// blocks (pairs of feature maps) outlined and labelled.
///
/// Three styles show three things:
///
/// - `sharing`: which parameter each entry holds. The hue is the block (j, i),
///   the lightness the tap, so every recurrence of v_{ji}^{t} has exactly one
///   colour and each band is one kernel sliding. Entries that sum several
///   parameters (circular, reflect, replicate padding) are hatched.
/// - `numeric(values:)`: the entries Wᵀ[r, c] = Σ v_p for parameter values v, on
///   a blue–white–red scale symmetric around 0.
/// - `spy`: the nonzero pattern alone, black on white.
///
///     let layer = try Convolution(ConvolutionSpec(parsing: "Conv1d(2, 3, kernel_size=3, bias=False)"),
///                                 input: TensorShape(parsing: "2x6"))
///     let svg = try SvgRenderer().render(layer.tiedMatrix(), title: "\(layer.spec) on 2x6")
///     // <?xml version="1.0" encoding="UTF-8"?>
///     // <svg xmlns="http://www.w3.org/2000/svg" width="720" height="448" viewBox="0 0 720 448" …>
///
/// (docs/images/slide-1d.svg is this picture.)
///
/// Large matrices stay small: when rows or columns exceed `binningThreshold`,
/// each drawn cell covers a bin of about b × b entries (b = ⌈largest side /
/// threshold⌉) and bins never straddle a block border. A bin keeps its block's
/// hue (`sharing`) and is darker the larger the share of nonzero entries it
/// covers (grey for `spy`); `numeric` shows the mean of its entries. The slides'
/// Conv2d(4, 12, 5) on 4x14x14, 1200 × 784, is drawn in cells of 4 × 4 entries
/// in about 210 kB (docs/images/slide-2d.svg).
///
/// The renderer returns a String; writing it anywhere is the caller's business.
public struct SvgRenderer: Sendable {
    /// What a cell's colour shows.
    public enum Style: Sendable, Equatable {
        /// Which parameter an entry holds: hue = block, lightness = tap.
        case sharing
        /// The value of each entry for the given parameter values v_p (one per parameter).
        case numeric(values: [Double])
        /// Nonzero or not.
        case spy
    }

    /// The default number of rows or columns above which entries are binned.
    public static let defaultBinningThreshold = 300
    /// The largest side of a drawn matrix in pixels, before cells shrink to it.
    static let largestMatrixSide = 900
    static let margin = 12

    public let style: Style
    /// Pixels per cell when the matrix is small; cells shrink to fit `largestMatrixSide`.
    public let cellSize: Int
    /// Rows or columns above which cells are bins of several entries.
    public let binningThreshold: Int

    /// A renderer of pictures in `style`.
    ///
    /// - Parameters:
    ///   - cellSize: pixels per entry for small matrices, 1…100.
    ///   - binningThreshold: rows or columns above which entries are binned, 10…2000
    ///     (the picture has at most about twice as many cells along a side).
    /// - Throws: ``ConvMatrixError`` when either is out of range.
    public init(style: Style = .sharing, cellSize: Int = 20, binningThreshold: Int = defaultBinningThreshold) throws(ConvMatrixError) {
        guard (1...100).contains(cellSize) else {
            throw .shape("cell_size", "\(cellSize) pixels is not between 1 and 100")
        }
        guard (10...2000).contains(binningThreshold) else {
            throw .shape("binning_threshold", "\(binningThreshold) is not between 10 and 2000 rows or columns")
        }
        self.style = style
        self.cellSize = cellSize
        self.binningThreshold = binningThreshold
    }

    /// The picture of `tied`, with `title` (e.g. the layer spec) on its first line.
    ///
    /// Small pictures label their cells and 2-D and 3-D kernels mark their taps
    /// (``SvgCellMarks``).
    ///
    /// - Returns: a complete SVG document.
    /// - Throws: ``ConvMatrixError`` when the matrix is empty or numeric values do not
    ///   fit its parameters.
    /// - Complexity: O(terms + drawn cells); the SVG has at most about
    ///   `binningThreshold`² · 2 cells, merged into runs of equal colour.
    public func render(_ tied: TiedMatrix, title: String? = nil) throws(ConvMatrixError) -> String {
        try picture(tied, sides: (.output, .input), maps: SvgMapGrid(tied), name: "Wᵀ", title: title)
    }

    /// The picture of `tied` with its sides named `sides` (rows, columns), the
    /// legend's block layout `maps`, and `name` in the subtitle.
    func picture(
        _ tied: TiedMatrix, sides: (rows: SvgMapName, columns: SvgMapName), maps: SvgMapGrid, name: String, title: String?
    ) throws(ConvMatrixError) -> String {
        let values = try checkedValues(for: tied)
        let binSize = SvgAxis.binSize(for: [tied.rows, tied.columns], limit: binningThreshold)
        let rows = SvgAxis(count: tied.rows, blockSize: tied.rowBlockSize, binSize: binSize)
        let columns = SvgAxis(count: tied.columns, blockSize: tied.columnBlockSize, binSize: binSize)
        let labels = SvgCellMarks.labels(tied, style: style, binned: binSize > 1, cellSize: cellSize)
        let pixel = labels?.pixel ?? pixelSize(cells: [rows.cellCount, columns.cellCount])
        let cells = SvgCells(rows: rows, columns: columns, pixel: pixel)
        var panel = SvgMatrixPanel(tied: tied, cells: cells, rowName: sides.rows, columnName: sides.columns, compact: false)
        let fill = SvgCellFill(style: style, panels: [panel], binned: binSize > 1)
        let kernel: [Int]
        if case .sharing(let palette) = fill.kind { kernel = palette.kernel } else { kernel = [] }
        panel.marks = labels?.marks ?? SvgCellMarks.dots(kernel: kernel, style: style, binned: binSize > 1, pixel: pixel)
        var document = SvgDocument()
        if fill.summedEntries > 0 { document.define(id: "summed", SvgCellFill.summedPattern) }
        var y = Self.margin
        var width = panel.width
        if let title {
            y += 14
            document.text(title, x: Self.margin, y: y, size: 14, bold: true)
            width = max(width, SvgDocument.estimatedWidth(title, size: 14))
        }
        y += 18
        let subtitle = Self.subtitle(tied, name: name, binSize: binSize)
        document.text(subtitle, x: Self.margin, y: y)
        width = max(width, SvgDocument.estimatedWidth(subtitle))
        y += 8
        panel.draw(into: &document, x: Self.margin, y: y, values: values, fill: fill.colour)
        y += panel.height + 22
        var legend = SvgLegend(document: document, left: Self.margin, top: y)
        legend.describe(fill, tied: tied, binSize: binSize, maps: maps, marks: panel.marks)
        document = legend.document
        width = max(width, legend.width)
        return document.finished(width: width + 2 * Self.margin, height: legend.bottom + Self.margin)
    }

    /// "Wᵀ: 12 × 12 (rows: output units y, columns: input units x), 72 nonzeros, 18 parameters".
    static func subtitle(_ tied: TiedMatrix, name: String, binSize: Int) -> String {
        var text =
            "\(name): \(NumberFormat.count(tied.rows)) × \(NumberFormat.count(tied.columns))"
            + " (rows: output units y, columns: input units x), "
            + "\(NumberFormat.count(tied.nonzeroCount)) nonzeros, \(NumberFormat.count(Set(tied.terms.map(\.parameter)).count)) parameters"
        if binSize > 1 { text += "; a cell is \(binSize) × \(binSize) entries" }
        return text
    }

    /// Pixels per cell: `cellSize`, or less so that the largest side fits `largestMatrixSide`.
    func pixelSize(cells: [Int]) -> Int {
        max(1, min(cellSize, Self.largestMatrixSide / max(cells.max() ?? 1, 1)))
    }

    /// The parameter values of a numeric style, checked against `tied`; nil for other styles.
    /// Also refuses a matrix without entries, which has nothing to draw.
    func checkedValues(for tied: TiedMatrix) throws(ConvMatrixError) -> [Double]? {
        guard tied.rows > 0, tied.columns > 0 else {
            throw .shape("matrix", "Wᵀ is \(tied.rows) × \(tied.columns): there is nothing to draw")
        }
        guard case .numeric(let values) = style else { return nil }
        guard values.count == tied.parameterCount else {
            throw .shape("values", "\(values.count) values, but the matrix has \(tied.parameterCount) parameters")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .shape("values", "value \(bad + 1) is \(values[bad]); colours need finite numbers")
        }
        return values
    }
}
