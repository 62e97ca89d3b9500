/// Aligned text tables for the reports people read.
enum TextTable {
    /// One figure: a label, its symbol, its value, and a note on what it means.
    /// A value that is a bound (`< 1e-12`) is written after the symbol in place of `= value`.
    typealias Figure = (label: String, symbol: String, value: String, note: String)

    /// Figures as aligned lines:
    ///
    ///     spectral norm     σ₁ = 1          largest gain ‖Wᵀx‖/‖x‖
    ///     smallest          σ₈ < 1e-12      smallest gain …
    static func figures(_ figures: [Figure]) -> [String] {
        let relations = figures.map { $0.value.hasPrefix("<") ? $0.value : "= " + $0.value }
        let labelWidth = figures.map(\.label.count).max() ?? 0
        let symbolWidth = figures.map(\.symbol.count).max() ?? 0
        let relationWidth = relations.map(\.count).max() ?? 0
        return zip(figures, relations).map { figure, relation in
            ("  " + figure.label.padded(to: labelWidth) + "  " + figure.symbol.leftPadded(to: symbolWidth) + " "
                + relation.padded(to: relationWidth) + "   " + figure.note).trailingSpacesRemoved
        }
    }

    /// Rows of cells as aligned columns, two spaces apart, each column left- or right-aligned.
    static func columns(_ rows: [[String]], rightAligned: [Bool]) -> [String] {
        let widths = rightAligned.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            ("  "
                + row.indices.map { c in rightAligned[c] ? row[c].leftPadded(to: widths[c]) : row[c].padded(to: widths[c]) }
                .joined(separator: "  ")).trailingSpacesRemoved
        }
    }
}
