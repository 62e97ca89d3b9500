/// Wᵀ = Wᵀ_valid · P in LaTeX: a padded convolution as a valid one after padding.
extension LatexRenderer {
    /// The factor form of a layer: the identity, then Wᵀ, Wᵀ_valid and P as matrices,
    /// one aligned line each:
    ///
    ///     \begin{aligned}
    ///     W^\top &= W^\top_{\text{valid}} \cdot P, \\[2ex]
    ///     W^\top &= \left(\begin{array}{…} … \end{array}\right), \\[2ex]
    ///     W^\top_{\text{valid}} &= \left(…\right), \\[2ex]
    ///     P &= \left(…\right).
    ///     \end{aligned}
    ///
    /// A document shows the same four lines as four displays: four tight pages, or
    /// four Beamer frames, one matrix each.
    ///
    /// Wᵀ's blocks are output maps × input maps; Wᵀ_valid's columns are the units of
    /// the extended input x̃ = P x, in blocks of one extended map; P has an entry 1
    /// where extended unit e copies input unit u, rows in blocks of extended maps and
    /// columns in blocks of input maps. With `padding_mode='constant'` and c ≠ 0 the
    /// layer also adds the offset o = Wᵀ_valid (c·b), which is not part of this
    /// identity; a comment line says so.
    ///
    /// - Parameters:
    ///   - layer: the layer; its stored (maps) order is used.
    ///   - values: the weight values, one per parameter; needed for numeric entries
    ///     (P's entries are always 1 and 0).
    /// - Returns: the `aligned` fragment, or a document.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter; of kind `.option` (field `format`)
    ///   when pdflatex could not hold the three arrays (``LatexCapacity``; the
    ///   fragment's `aligned` holds them in one display).
    /// - Complexity: O(output · extended + extended · input) characters.
    public func factor(layer: Convolution, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let tied = layer.tiedMatrix()
        let valid = layer.validTiedMatrix()
        let padding = layer.padding
        try LatexCapacity.require(
            columns: max(tied.columns, valid.columns),
            entries: saturatingSum(saturatingSum(tied.entryCount, valid.entryCount), saturatingProduct(padding.extended.count, padding.input.count)),
            terms: saturatingSum(saturatingSum(tied.termCount, valid.termCount), padding.extended.count), document: document,
            what: "Wᵀ = Wᵀ_valid · P (\(NumberFormat.count(tied.rows)) × \(NumberFormat.count(valid.columns)) · "
                + "\(NumberFormat.count(padding.extended.count)) × \(NumberFormat.count(padding.input.count)))",
            advice: "draw it with --format svg")
        let values = try EntryText.checkedValues(values, for: tied, entries: entries)
        let p = LatexArray.matrix(
            rows: padding.extended.count, columns: padding.input.count,
            rowBlockSize: padding.extended.mapSize, columnBlockSize: padding.input.mapSize,
            row: { e in padding.source(e).map { [(column: $0, text: "1")] } ?? [] })
        let w = array(tied, entryText: entryText(tied, values: values))
        let wValid = array(valid, entryText: entryText(valid, values: values))
        let note =
            padding.hasOffset
            ? "% constant padding: the layer adds o = W^T_valid (c b), c = \(padding.borderValue), besides W^T x\n" : ""
        guard document != .fragment else {
            return note
                + [
                    "\\begin{aligned}",
                    "W^\\top &= W^\\top_{\\text{valid}} \\cdot P, \\\\[2ex]",
                    "W^\\top &= " + w + ", \\\\[2ex]",
                    "W^\\top_{\\text{valid}} &= " + wValid + ", \\\\[2ex]",
                    "P &= " + p + ".",
                    "\\end{aligned}",
                ].joined(separator: "\n") + "\n"
        }
        // One display each: a page or a frame a matrix.
        let displays = [
            note + "W^\\top = W^\\top_{\\text{valid}} \\cdot P",
            "W^\\top = " + w, "W^\\top_{\\text{valid}} = " + wValid, "P = " + p,
        ]
        let columns = max(tied.columns, valid.columns)
        return document == .beamer
            ? LatexDocument.beamer(displays, columns: columns, caption: caption) : LatexDocument.standalone(displays, columns: columns)
    }
}
