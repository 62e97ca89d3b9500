/// Wᵀ as a GitHub-flavoured Markdown table, with entries GitHub and Jupyter typeset.
///
/// The header row names the input units, the first column the output units, and
/// every symbolic entry is inline math, so the table renders as the slide's matrix:
///
///     |  | x₁(1) | x₁(2) | x₁(3) | …
///     |:--|:-:|:-:|:-:| …
///     | y₁(1) | $v_{11}^{1}$ | $v_{11}^{2}$ | $v_{11}^{3}$ | 0 | …
///
/// An entry that sums parameters is one formula, `$v_{11}^{1} + v_{11}^{4}$`;
/// numeric entries are plain numbers, right-aligned. Markdown tables have no rules
/// between rows or columns, so blocks show only through the labels (the map in
/// `x₂(…)`, or the position in positions order).
///
///     let table = try MarkdownRenderer().render(MatrixView(layer: layer))
public struct MarkdownRenderer: Sendable {
    /// How unit labels are spelled.
    public enum Labels: String, CaseIterable, Sendable {
        /// `x₁(1)`: readable in the source as well.
        case unicode
        /// `$x_{1}^{(1)}$`: typeset like the entries.
        case latex
    }

    /// How structural zeros are written.
    public enum Zeros: String, CaseIterable, Sendable {
        /// `0`, as on the slide.
        case digit
        /// `·`, which lets the band stand out.
        case dot
    }

    public var entries: MatrixEntries
    /// Digits after the decimal point for numeric entries that are not integers.
    public var fractionDigits: Int
    public var labels: Labels
    public var zeros: Zeros

    public init(entries: MatrixEntries = .symbolic, fractionDigits: Int = 3, labels: Labels = .unicode, zeros: Zeros = .digit) {
        self.entries = entries
        self.fractionDigits = fractionDigits
        self.labels = labels
        self.zeros = zeros
    }

    /// The view as a table: a header row, an alignment row, one row per output unit.
    ///
    /// - Parameters:
    ///   - view: Wᵀ in maps or positions order.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Returns: the table, each row ending in a newline.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter.
    /// - Complexity: O(rows · columns) characters.
    public func render(_ view: MatrixView, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let t = view.tied
        let values = try EntryText.checkedValues(values, for: t, entries: entries)
        let entryText = self.entryText(t, values: values)
        let zero = zeros == .digit ? "0" : "·"
        let alignment = values == nil ? ":-:" : "--:"
        var lines = [
            Self.row([""] + (0..<t.columns).map { label(view.columnUnit($0)) }),
            Self.row([":--"] + Array(repeating: alignment, count: t.columns)),
        ]
        for r in 0..<t.rows {
            var cells = Array(repeating: zero, count: t.columns)
            for (column, text) in entryText.row(t, r) { cells[column] = text }
            lines.append(Self.row([label(view.rowUnit(r))] + cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `| a | b | c |`.
    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private func label(_ unit: UnitName) -> String {
        labels == .unicode ? unit.unicode : "$" + unit.latex + "$"
    }

    /// Symbolic entries as inline math, `$v_{11}^{1}$`; numbers compact.
    private func entryText(_ tied: TiedMatrix, values: [Double]?) -> EntryText {
        guard let values else {
            // One formula per entry: the names of a sum share one pair of dollars.
            return EntryText(symbolic: tied, name: { $0.latex($1) }, separator: " + ").wrapped(prefix: "$", suffix: "$")
                .withConstants { Fraction($0)?.latex ?? NumberFormat.compact($0) }
        }
        let digits = fractionDigits
        return EntryText(numeric: values) { NumberFormat.compact($0, fractionDigits: digits) }
    }
}
