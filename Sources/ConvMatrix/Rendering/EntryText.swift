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
///     symbolic:  text(r, c) = a₁·name(p₁) + separator + … + κ     over the terms (r, c, p, a)
///     numeric:   text(r, c) = number(Σ a·v_p + κ)
///
/// A coefficient a ≠ 1 is written before the name (`2v₁`, `½v₁`), and a
/// constant κ as a fraction where it is one (¼, 1/9: ``Fraction``).
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
    /// How a constant or a coefficient is written: `¼` in a terminal, `\tfrac{1}{4}` in LaTeX.
    var constantText: (Double) -> String = { Fraction($0)?.unicode ?? NumberFormat.compact($0) }

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

    /// The same entries with constants and coefficients written by `write`.
    func withConstants(_ write: @escaping (Double) -> String) -> EntryText {
        var copy = self
        copy.constantText = write
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

    /// The text of an entry with these terms (coefficients beside them) and constant.
    func text(_ terms: [(term: Term, coefficient: Double)], constant: Double?) -> String {
        switch kind {
        case .symbolic(let names, let separator, let prefix, let suffix):
            let parts = terms.map { ($0.coefficient == 1 ? "" : constantText($0.coefficient)) + names[$0.term.parameter] }
            return prefix + (parts + (constant.map { [constantText($0)] } ?? [])).joined(separator: separator) + suffix
        case .numeric(let values, let number):
            return number(terms.reduce(constant ?? 0) { $0 + $1.coefficient * values[$1.term.parameter] })
        }
    }

    /// Row r's structural nonzeros inside `columns`, as (column, text) in column
    /// order: its terms and its constants.
    ///
    /// - Complexity: O(terms and constants in row r).
    func row(_ tied: TiedMatrix, _ r: Int, columns: Range<Int>? = nil) -> [(column: Int, text: String)] {
        var byColumn: [Int: (terms: [(term: Term, coefficient: Double)], constant: Double?)] = [:]
        for k in tied.rowStarts[r]..<tied.rowStarts[r + 1] where columns?.contains(tied.terms[k].column) ?? true {
            byColumn[tied.terms[k].column, default: ([], nil)].terms.append((tied.terms[k], tied.coefficient(ofTerm: k)))
        }
        for entry in tied.constants(inRow: r) where columns?.contains(entry.column) ?? true {
            byColumn[entry.column, default: ([], nil)].constant = entry.value
        }
        return byColumn.keys.sorted().map { column in
            let entry = byColumn[column] ?? ([], nil)
            return (column, text(entry.terms, constant: entry.constant))
        }
    }
}
