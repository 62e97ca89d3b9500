/// What each entry of a rendered matrix shows.
///
/// Every renderer (text, LaTeX, Markdown, CSV) offers both: the slides' parameter
/// names, or the numbers Wᵀ holds for given weight values.
public enum MatrixEntries: String, Sendable, CaseIterable {
    /// Parameter names: v₁₁¹ in a terminal, v_{11}^{1} in LaTeX and CSV; an entry
    /// that sums several parameters shows them all, joined by +.
    case symbolic
    /// Numbers: Wᵀ[r, c] = Σ_{terms (r, c, p)} v_p for the weight values v.
    case numeric
}

/// The text of each entry of a tied matrix, in one renderer's notation.
///
/// A renderer says how a parameter name is spelled, how sums are joined and how
/// numbers are written; this type reads the terms and does the rest, so that all
/// renderers agree on what an entry is:
///
///     symbolic:  text(r, c) = name(p₁) + separator + name(p₂) + …   over the terms (r, c, p)
///     numeric:   text(r, c) = number(Σ v_p)
///
/// Structural zeros have no text here; each renderer writes its own zero (·, 0).
struct EntryText {
    /// Each parameter's name, indexed by p (symbolic), or nil (numeric).
    private let symbols: [String]?
    private let separator: String
    private let values: [Double]?
    private let number: (Double) -> String
    /// Written around every symbolic entry (e.g. `$` … `$`).
    private var prefix = ""
    private var suffix = ""

    /// Symbolic entries.
    init(symbolic tied: TiedMatrix, name: (ParameterNotation, ParameterName) -> String, separator: String) {
        let notation = tied.notation
        symbols = tied.parameters.map { name(notation, $0) }
        self.separator = separator
        values = nil
        number = { _ in "" }
    }

    /// Numeric entries for the weight values `values` (one per parameter).
    init(numeric values: [Double], number: @escaping (Double) -> String) {
        symbols = nil
        separator = ""
        self.values = values
        self.number = number
    }

    /// The same entries with every symbolic entry between `prefix` and `suffix`.
    func wrapped(prefix: String, suffix: String) -> EntryText {
        var copy = self
        copy.prefix = prefix
        copy.suffix = suffix
        return copy
    }

    /// Checks the values a renderer was given: numeric entries need exactly one value
    /// per parameter; symbolic entries ignore them.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape`, field `values`.
    static func checkedValues(_ values: [Double]?, for tied: TiedMatrix, entries: MatrixEntries) throws(ConvMatrixError) -> [Double]? {
        guard entries == .numeric else { return nil }
        guard let values else {
            throw .shape("values", "numeric entries need the \(tied.parameterCount) weight values of the layer")
        }
        guard values.count == tied.parameterCount else {
            throw .shape("values", "\(values.count) values for a matrix of \(tied.parameterCount) weight parameters")
        }
        return values
    }

    /// True for numbers (renderers right-align them).
    var isNumeric: Bool { values != nil }

    /// The text of an entry with these (nonempty) terms.
    func text<Terms: Collection<Term>>(_ terms: Terms) -> String {
        if let values {
            return number(terms.reduce(0.0) { $0 + values[$1.parameter] })
        }
        return prefix + terms.map { symbols![$0.parameter] }.joined(separator: separator) + suffix
    }

    /// Row r's structural nonzeros inside `columns`, as (column, text) in column order.
    ///
    /// - Complexity: O(terms in row r).
    func row(_ tied: TiedMatrix, _ r: Int, columns: Range<Int>? = nil) -> [(column: Int, text: String)] {
        let all = tied.terms(inRow: r)
        var entries: [(column: Int, text: String)] = []
        var start = all.startIndex
        while start < all.endIndex {
            let column = all[start].column
            var end = start + 1
            while end < all.endIndex, all[end].column == column { end += 1 }
            if columns?.contains(column) ?? true {
                entries.append((column, text(all[start..<end])))
            }
            start = end
        }
        return entries
    }

    /// Every row's nonzeros as a full row of texts, nil for structural zeros.
    func denseRow(_ tied: TiedMatrix, _ r: Int) -> [String?] {
        var cells = [String?](repeating: nil, count: tied.columns)
        for (column, text) in row(tied, r) { cells[column] = text }
        return cells
    }
}
