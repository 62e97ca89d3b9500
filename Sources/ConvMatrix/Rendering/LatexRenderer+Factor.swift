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
    /// A standalone document shows the same four lines as four displays, so that a
    /// page may break between the matrices (one display never breaks).
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
    /// - Returns: the `aligned` fragment, or with `standalone` a document.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter.
    /// - Complexity: O(output · extended + extended · input) characters.
    public func factor(layer: Convolution, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let tied = layer.tiedMatrix()
        let valid = layer.validTiedMatrix()
        let values = try EntryText.checkedValues(values, for: tied, entries: entries)
        let padding = layer.padding
        let p = LatexArray.matrix(
            rows: padding.extended.count, columns: padding.input.count,
            rowBlockSize: padding.extended.mapSize, columnBlockSize: padding.input.mapSize,
            row: { e in padding.source(e).map { [(column: $0, text: "1")] } ?? [] })
        let w = array(tied, entryText: entryText(tied, values: values))
        let wValid = array(valid, entryText: entryText(valid, values: values))
        let note =
            padding.hasOffset
            ? "% constant padding: the layer adds o = W^T_valid (c b), c = \(padding.borderValue), besides W^T x\n" : ""
        guard standalone else {
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
        // One display each, so that the page may break between the matrices.
        let displays = [
            note + "W^\\top = W^\\top_{\\text{valid}} \\cdot P",
            "W^\\top = " + w, "W^\\top_{\\text{valid}} = " + wValid, "P = " + p,
        ]
        return LatexDocument.standalone(
            displays, columns: max(tied.columns, valid.columns), rows: max(tied.rows, padding.extended.count))
    }
}
