/// Wᵀ as CSV (RFC 4180), for spreadsheets and data frames.
///
/// The first record is a header, `unit` and then one field per input unit; every
/// other record is one output unit, its name and then its entries. Records end in
/// CRLF, as RFC 4180 says, and a field is quoted when it holds a comma, a double
/// quote, CR or LF, with its double quotes doubled:
///
///     unit,x1(1),x1(2),x1(3),x1(4),x1(5),x1(6),x2(1),…
///     y1(1),v_{11}^{1},v_{11}^{2},v_{11}^{3},0,0,0,v_{12}^{1},…
///
/// Symbolic entries use the LaTeX spelling (`v_{11}^{1}`, sums `v_{11}^{1}+v_{11}^{4}`);
/// a layer whose indices run past 9 separates them with commas (`v_{12,4}^{3,5}`),
/// and so do the names of 2-D and 3-D units (`x1(2,3)`), which are then quoted.
/// Numeric entries are written exactly: integers without a point, others as the
/// shortest decimal that reads back to the same Double.
///
///     let csv = try CSVRenderer(entries: .numeric).render(MatrixView(layer: layer), values: weights)
public struct CSVRenderer: Sendable {
    public var entries: MatrixEntries

    public init(entries: MatrixEntries = .symbolic) {
        self.entries = entries
    }

    /// The view as CSV records.
    ///
    /// - Parameters:
    ///   - view: Wᵀ in maps or positions order.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Returns: rows + 1 records, each ending in CRLF.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter.
    /// - Complexity: O(rows · columns) characters.
    public func render(_ view: MatrixView, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let t = view.tied
        let values = try EntryText.checkedValues(values, for: t, entries: entries)
        let entryText =
            values.map { EntryText(numeric: $0, number: NumberFormat.exact) }
            ?? EntryText(symbolic: t, name: { $0.plain($1) }, separator: "+").withConstants { Fraction($0)?.plain ?? NumberFormat.exact($0) }
        var records = [Self.record(["unit"] + (0..<t.columns).map { view.columnUnit($0).plain })]
        for r in 0..<t.rows {
            var fields = Array(repeating: "0", count: t.columns)
            for (column, text) in entryText.row(t, r) { fields[column] = text }
            records.append(Self.record([view.rowUnit(r).plain] + fields))
        }
        return records.joined()
    }

    /// One record: the fields, each quoted as needed, joined by commas, ended by CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field as RFC 4180 writes it: unchanged, or between double quotes with
    /// every double quote doubled when it holds `,`, `"`, CR or LF.
    ///
    ///     CSVRenderer.field("v_{12,4}^{3,5}")   // "\"v_{12,4}^{3,5}\""
    public static func field(_ text: String) -> String {
        // Unicode scalars, so that CR LF (one Character in Swift) is seen as well.
        guard text.unicodeScalars.contains(where: { [",", "\"", "\r", "\n"].contains($0) }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
