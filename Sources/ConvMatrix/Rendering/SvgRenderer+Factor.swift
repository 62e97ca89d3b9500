/// The factorisation Wᵀ = Wᵀ_valid · P as one picture.
extension SvgRenderer {
    static let factorGap = 40

    /// Wᵀ, Wᵀ_valid and P side by side, in the order of the identity
    ///
    ///     Wᵀ = Wᵀ_valid · P
    ///
    /// with "=" and "·" between them and each labelled with its name and shape.
    /// Wᵀ and Wᵀ_valid are drawn in this renderer's style (numbers on one shared
    /// scale); P, whose entries are all 1, is always drawn as its nonzero pattern.
    /// One bin size and one cell size serve all three, so that P's rows line up,
    /// cell for cell, with Wᵀ_valid's columns and its columns with Wᵀ's.
    ///
    ///     let layer = try Convolution(spec, input: shape)
    ///     let svg = try SvgRenderer().renderFactor(
    ///         valid: layer.validTiedMatrix(), padding: layer.padding, full: layer.tiedMatrix())
    ///
    /// - Throws: ``ConvMatrixError`` when the three shapes do not compose, the two
    ///   matrices have different parameters, or numeric values do not fit them.
    public func renderFactor(
        valid: TiedMatrix, padding: PaddingOperator, full: TiedMatrix, title: String? = nil
    ) throws(ConvMatrixError) -> String {
        try Self.checkFactor(valid: valid, padding: padding, full: full)
        let values = try checkedValues(for: full)
        let p = padding.tiedMatrix
        let binSize = SvgAxis.binSize(for: [full.rows, valid.columns, full.columns], limit: binningThreshold)
        let axes = [full, valid, p].map {
            (
                SvgAxis(count: $0.rows, blockSize: $0.rowBlockSize, binSize: binSize),
                SvgAxis(count: $0.columns, blockSize: $0.columnBlockSize, binSize: binSize)
            )
        }
        let pixel = pixelSize(cells: axes.flatMap { [$0.0.cellCount, $0.1.cellCount] })
        let names: [(SvgMapName, SvgMapName)] = [(.output, .input), (.output, .padded), (.padded, .input)]
        let panels = zip(zip([full, valid, p], axes), names).map { item, name in
            SvgMatrixPanel(
                tied: item.0, cells: SvgCells(rows: item.1.0, columns: item.1.1, pixel: pixel),
                rowName: name.0, columnName: name.1, compact: true)
        }
        let fill = SvgCellFill(style: style, panels: Array(panels.prefix(2)), binned: binSize > 1)
        let spy = SvgCellFill(style: .spy, panels: [panels[2]], binned: binSize > 1)
        let captions = [
            SvgDocument.escaped("Wᵀ: \(full.rows) × \(full.columns)"),
            SvgDocument.subscripted("Wᵀ", "valid") + SvgDocument.escaped(": \(valid.rows) × \(valid.columns)"),
            SvgDocument.escaped("P: \(p.rows) × \(p.columns)"),
        ]

        var document = SvgDocument()
        if fill.summedEntries > 0 { document.define(id: "summed", SvgCellFill.summedPattern) }
        var y = Self.margin
        var width = 0
        if let title {
            y += 14
            document.text(title, x: Self.margin, y: y, size: 14, bold: true)
            width = SvgDocument.estimatedWidth(title, size: 14)
        }
        y += 18
        let subtitle =
            "Wᵀ = Wᵀ_valid · P: P copies the input into the padded input x̃ = P x, "
            + "Wᵀ_valid convolves x̃ without padding."
        document.text(subtitle, x: Self.margin, y: y)
        width = max(width, SvgDocument.estimatedWidth(subtitle))
        y += 24
        var x = Self.margin
        for (k, panel) in panels.enumerated() {
            document.text(captions[k], x: x + panel.labelWidth, y: y, bold: true, escaped: true)
            let corner = panel.draw(
                into: &document, x: x, y: y + 6, values: k < 2 ? values : nil,
                fill: k < 2 ? fill.colour : spy.colour)
            x += panel.width
            if k < 2 {
                let middle = corner.y + min(panels[0].matrixHeight, 240) / 2 + 7
                document.text(k == 0 ? "=" : "·", x: x + Self.factorGap / 2, y: middle, anchor: .middle, size: 26, bold: true)
                x += Self.factorGap
            }
        }
        width = max(width, x - Self.margin)
        y += 6 + (panels.map(\.height).max() ?? 0) + 22
        var legend = SvgLegend(document: document, left: Self.margin, top: y)
        legend.describe(fill, tied: full, binSize: binSize)
        if binSize > 1 {
            legend.line("P: grey level = share of ones among a cell's entries.")
        } else {
            let border = p.nonzeroCount < p.rows ? "; its empty rows are border units that hold the padding constant" : ""
            legend.swatchLine(fill: "#000", "P: a 1 where a padded unit copies an input unit" + border + ".")
        }
        document = legend.document
        width = max(width, legend.width)
        return document.finished(width: width + 2 * Self.margin, height: legend.bottom + Self.margin)
    }

    /// Wᵀ (R × C) = Wᵀ_valid (R × E) · P (E × C), with one parameter list.
    static func checkFactor(valid: TiedMatrix, padding: PaddingOperator, full: TiedMatrix) throws(ConvMatrixError) {
        guard valid.rows == full.rows, valid.columns == padding.extended.count, full.columns == padding.input.count else {
            throw .shape(
                "factor",
                "Wᵀ_valid (\(valid.rows) × \(valid.columns)) · P (\(padding.extended.count) × \(padding.input.count)) "
                    + "cannot make Wᵀ (\(full.rows) × \(full.columns))")
        }
        guard valid.parameters == full.parameters else {
            throw .shape("factor", "Wᵀ_valid and Wᵀ have different parameters (\(valid.parameterCount) and \(full.parameterCount))")
        }
    }
}
