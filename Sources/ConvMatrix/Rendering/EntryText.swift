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
    private enum Kind {
        /// Each parameter's name, indexed by p; the text between the names of a sum;
        /// the text around a whole entry.
        case symbolic(names: [String], separator: String, prefix: String, suffix: String)
        /// The weight values, indexed by p, and how a number is written.
        case numeric(values: [Double], number: (Double) -> String)
    }

    private var kind: Kind

    /// Symbolic entries.
    init(symbolic tied: TiedMatrix, name: (ParameterNotation, ParameterName) -> String, separator: String) {
        let notation = tied.notation
        kind = .symbolic(names: tied.parameters.map { name(notation, $0) }, separator: separator, prefix: "", suffix: "")
    }

    /// Numeric entries for the weight values `values` (one per parameter).
    init(numeric values: [Double], number: @escaping (Double) -> String) {
        kind = .numeric(values: values, number: number)
    }

    /// The same entries with every symbolic entry between `prefix` and `suffix`
    /// (e.g. `$` and `$`); numbers stay as they are.
    func wrapped(prefix: String, suffix: String) -> EntryText {
        var copy = self
        if case .symbolic(let names, let separator, _, _) = kind {
            copy.kind = .symbolic(names: names, separator: separator, prefix: prefix, suffix: suffix)
        }
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
    var isNumeric: Bool {
        if case .numeric = kind { return true }
        return false
    }

    /// The text of an entry with these (nonempty) terms.
    func text<Terms: Collection<Term>>(_ terms: Terms) -> String {
        switch kind {
        case .symbolic(let names, let separator, let prefix, let suffix):
            return prefix + terms.map { names[$0.parameter] }.joined(separator: separator) + suffix
        case .numeric(let values, let number):
            return number(terms.reduce(0.0) { $0 + values[$1.parameter] })
        }
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
}
