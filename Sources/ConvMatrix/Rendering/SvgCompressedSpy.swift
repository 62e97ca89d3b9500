/// The spy picture of a layer on the sparse path (``SparsePath``), drawn from
/// its compressed rows: no ``TiedMatrix`` of the whole layer and no dense Wᵀ.
///
/// It is the binned `spy` style of ``SvgRenderer``, with the same bins (an
/// ``SvgAxis`` per side, bins never straddling a block border) and the same grey
/// per cell: the share of its entries that are structural nonzeros,
///
///     share(cell) = |{(r, c) in the cell : Wᵀ[r, c] ≢ 0}| / (rows of the cell · columns of the cell)
///
/// counted in one scan of the compressed rows (``CompressedTiedMatrix/nonzeroColumns(inRow:)``).
/// Equal greys next to each other in a cell row are drawn as one rectangle, so a
/// band costs a few rectangles a row. AlexNet's conv1 (290,400 × 154,587) is 300
/// cell rows of bins of 968 × 968 entries.
public struct SvgCompressedSpy: Sendable {
    public let binningThreshold: Int

    public init(binningThreshold: Int = SvgRenderer.defaultBinningThreshold) {
        self.binningThreshold = binningThreshold
    }

    /// The picture of `tied`, with `title` (e.g. the layer spec) on its first line.
    ///
    /// - Throws: ``ConvMatrixError`` when the matrix has no entries.
    /// - Complexity: O(rows + columns + structural nonzeros + drawn cells).
    public func render(_ tied: CompressedTiedMatrix, title: String? = nil) throws(ConvMatrixError) -> String {
        guard tied.rows > 0, tied.columns > 0 else {
            throw .shape("matrix", "Wᵀ is \(tied.rows) × \(tied.columns): there is nothing to draw")
        }
        let binSize = SvgAxis.binSize(for: [tied.rows, tied.columns], limit: binningThreshold)
        let rows = SvgAxis(count: tied.rows, blockSize: tied.rowBlockSize, binSize: binSize)
        let columns = SvgAxis(count: tied.columns, blockSize: tied.columnBlockSize, binSize: binSize)
        let (counts, nonzeros) = Self.nonzeroCounts(tied, rows: rows, columns: columns)
        let pixel = max(1, min(20, 900 / max(rows.cellCount, columns.cellCount)))
        var document = SvgDocument()
        var y = SvgRenderer.margin
        var width = columns.cellCount * pixel
        if let title {
            y += 14
            document.text(title, x: SvgRenderer.margin, y: y, size: 14, bold: true)
            width = max(width, SvgDocument.estimatedWidth(title, size: 14))
        }
        y += 18
        let subtitle =
            "Wᵀ: \(NumberFormat.count(tied.rows)) × \(NumberFormat.count(tied.columns)) (rows: output units y, columns: input units x), "
            + "\(NumberFormat.count(nonzeros)) nonzeros, \(NumberFormat.count(tied.parameterCount)) parameters"
            + (binSize > 1 ? "; a cell is about \(NumberFormat.count(binSize)) × \(NumberFormat.count(binSize)) entries" : "")
        document.text(subtitle, x: SvgRenderer.margin, y: y)
        width = max(width, SvgDocument.estimatedWidth(subtitle))
        y += 8
        drawCells(counts, rows: rows, columns: columns, pixel: pixel, top: y, into: &document)
        drawBlockBorders(rows: rows, columns: columns, pixel: pixel, top: y, into: &document)
        y += rows.cellCount * pixel + 22
        let legend = "spy from the compressed sparse form: a cell's grey is the share of its entries that are structural nonzeros (black: all)"
        document.text(legend, x: SvgRenderer.margin, y: y)
        width = max(width, SvgDocument.estimatedWidth(legend))
        return document.finished(width: width + 2 * SvgRenderer.margin, height: y + SvgRenderer.margin)
    }

    /// Structural nonzeros per drawn cell (row-major over cells), and in all.
    static func nonzeroCounts(_ tied: CompressedTiedMatrix, rows: SvgAxis, columns: SvgAxis) -> (counts: [Int], total: Int) {
        var counts = Array(repeating: 0, count: rows.cellCount * columns.cellCount)
        var total = 0
        for r in 0..<tied.rows {
            let base = rows.cellOfEntry[r] * columns.cellCount
            for c in tied.nonzeroColumns(inRow: r) {
                counts[base + columns.cellOfEntry[c]] += 1
                total += 1
            }
        }
        return (counts, total)
    }

    /// One rectangle per run of equal grey along a cell row; empty cells stay white.
    private func drawCells(_ counts: [Int], rows: SvgAxis, columns: SvgAxis, pixel: Int, top: Int, into document: inout SvgDocument) {
        for i in 0..<rows.cellCount {
            var k = 0
            while k < columns.cellCount {
                let fill = Self.grey(counts[i * columns.cellCount + k], area: rows.size(ofCell: i) * columns.size(ofCell: k))
                var end = k + 1
                while end < columns.cellCount,
                    Self.grey(counts[i * columns.cellCount + end], area: rows.size(ofCell: i) * columns.size(ofCell: end)) == fill
                {
                    end += 1
                }
                if let fill {
                    document.rect(x: SvgRenderer.margin + k * pixel, y: top + i * pixel, width: (end - k) * pixel, height: pixel, fill: fill)
                }
                k = end
            }
        }
    }

    /// The grey of a cell with `count` nonzeros among `area` entries, as the terms path's binned spy; nil for white.
    static func grey(_ count: Int, area: Int) -> String? {
        guard count > 0 else { return nil }
        return SvgColour.grey(1 - SvgColour.densityLevel(Double(count) / Double(area))).hex
    }

    /// Lines between feature maps, where the bins keep the blocks apart.
    private func drawBlockBorders(rows: SvgAxis, columns: SvgAxis, pixel: Int, top: Int, into document: inout SvgDocument) {
        let (left, width, height) = (SvgRenderer.margin, columns.cellCount * pixel, rows.cellCount * pixel)
        var lines = ["<g class=\"blocks\" stroke=\"#666\" fill=\"none\" shape-rendering=\"crispEdges\">"]
        for start in rows.blockStarts.dropFirst() {
            lines.append("<line x1=\"\(left)\" y1=\"\(top + start * pixel)\" x2=\"\(left + width)\" y2=\"\(top + start * pixel)\"/>")
        }
        for start in columns.blockStarts.dropFirst() {
            lines.append("<line x1=\"\(left + start * pixel)\" y1=\"\(top)\" x2=\"\(left + start * pixel)\" y2=\"\(top + height)\"/>")
        }
        lines.append("<rect x=\"\(left)\" y=\"\(top)\" width=\"\(width)\" height=\"\(height)\"/></g>")
        document.append(lines.joined(separator: "\n"))
    }
}
