/// Wᵀ as aligned text for a terminal: entries in columns, │ between input maps,
/// ─ between output maps, structural zeros as ·.
///
///              │ x₁(1) x₁(2) …
///     y₁(1)    │ v₁₁¹  v₁₁²  v₁₁³  ·  …
///
/// Entries are either parameter names (symbolic) or numbers. Returns a String;
/// printing is the caller's business.
public struct MatrixTextRenderer: Sendable {
    /// What each entry shows.
    public enum Entries: String, Sendable, CaseIterable {
        case symbolic, numeric
    }

    public var entries: Entries
    /// Digits after the decimal point for numeric entries that are not integers.
    public var fractionDigits: Int

    public init(entries: Entries = .symbolic, fractionDigits: Int = 3) {
        self.entries = entries
        self.fractionDigits = fractionDigits
    }

    /// The text of `tied` with the given parameter values (used for numeric entries).
    public func render(_ tied: TiedMatrix, values: [Double]? = nil, input: TensorShape, output: TensorShape) -> String {
        let cells = (0..<tied.rows).map { r in (0..<tied.columns).map { c in cell(tied, row: r, column: c, values: values) } }
        let width = max(cells.joined().map(\.count).max() ?? 1, 1)
        let rowLabels = (0..<tied.rows).map { UnitLabel.name("y", unit: $0, shape: output) }
        let labelWidth = rowLabels.map(\.count).max() ?? 0
        var lines: [String] = []
        lines.append(header(tied, input: input, labelWidth: labelWidth, cellWidth: width))
        for r in 0..<tied.rows {
            if r > 0, r % tied.rowBlockSize == 0 {
                lines.append(separatorLine(tied, labelWidth: labelWidth, cellWidth: width))
            }
            var line = rowLabels[r].padded(to: labelWidth)
            for c in 0..<tied.columns {
                if c % tied.columnBlockSize == 0 { line += " │" }
                line += " " + (entries == .numeric ? cells[r][c].leftPadded(to: width) : cells[r][c].padded(to: width))
            }
            lines.append(line.trailingSpacesRemoved)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func cell(_ tied: TiedMatrix, row: Int, column: Int, values: [Double]?) -> String {
        let terms = tied.terms(row: row, column: column)
        guard !terms.isEmpty else { return "·" }
        if entries == .numeric, let values {
            return NumberFormat.compact(terms.reduce(0.0) { $0 + values[$1.parameter] }, fractionDigits: fractionDigits)
        }
        let notation = tied.notation
        return terms.map { notation.unicode(tied.parameters[$0.parameter]) }.joined(separator: "+")
    }

    private func header(_ tied: TiedMatrix, input: TensorShape, labelWidth: Int, cellWidth: Int) -> String {
        var line = String(repeating: " ", count: labelWidth)
        for i in 0..<tied.columnBlocks {
            line += " │" + (" input map \(i + 1)").padded(to: tied.columnBlockSize * (cellWidth + 1))
        }
        return line.trailingSpacesRemoved
    }

    private func separatorLine(_ tied: TiedMatrix, labelWidth: Int, cellWidth: Int) -> String {
        var line = String(repeating: "─", count: labelWidth)
        for _ in 0..<tied.columnBlocks {
            line += "─┼" + String(repeating: "─", count: tied.columnBlockSize * (cellWidth + 1))
        }
        return line
    }
}

extension String {
    /// Left-aligned in a field of `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Right-aligned in a field of `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
