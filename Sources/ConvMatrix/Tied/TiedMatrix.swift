/// A weight-sharing matrix: the shape of Wᵀ, its blocks, and its terms.
///
/// Rows are output units and columns input units, both flattened as torch's
/// `.flatten()` flattens (C, *spatial); row block j is output map j, column
/// block i is input map i, so block (j, i) is the band matrix of one
/// convolution w_{ji} ∗ x_i. Each term (row, column, parameter) says that
/// entry Wᵀ[row, column] gains the parameter v_parameter:
///
///     Wᵀ[r, c] = Σ_{terms (r, c, p)} v_p
///
/// In general an entry is a linear form in the parameters plus a constant:
///
///     Wᵀ[r, c] = Σ_{terms (r, c, p, a)} a · v_p  +  κ[r, c]
///
/// A term's coefficient a is 1 for every convolution; average pooling's 1/k or
/// a transposed layer's multiplicities are other coefficients, stored only when
/// some term's differs from 1 (``coefficients``). Entries that hold no
/// parameter (P, pooling, the identity) are constants κ (``constants``).
///
/// The terms are sorted by row, column and parameter and indexed by row
/// (compressed sparse rows), so that the matrix is also its own sparse form.
public struct TiedMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// Units per row block (one output map).
    public let rowBlockSize: Int
    /// Units per column block (one input map).
    public let columnBlockSize: Int
    /// The name of each parameter v_p, indexed by p.
    public let parameters: [ParameterName]
    /// Every term, sorted.
    public let terms: [Term]
    /// terms[rowStarts[r]..<rowStarts[r + 1]] are row r's terms.
    public let rowStarts: [Int]
    /// The coefficient of each term, parallel to ``terms``; nil when every coefficient is 1.
    public let coefficients: [Double]?
    /// The constant entries κ[r, c], sorted row-major, one per entry.
    public let constants: [ConstantEntry]

    /// A tied matrix from its terms (in any order), their coefficients (nil for
    /// all 1) and its constant entries (in any order, at most one per entry).
    ///
    /// - Precondition: every term and constant lies inside the matrix, every
    ///   term names a parameter, and coefficients, when given, match the terms.
    public init(
        rows: Int, columns: Int, rowBlockSize: Int, columnBlockSize: Int,
        parameters: [ParameterName], terms: [Term], coefficients: [Double]? = nil, constants: [ConstantEntry] = []
    ) {
        precondition(rowBlockSize > 0 && rows % rowBlockSize == 0, "row blocks of \(rowBlockSize) do not tile \(rows) rows")
        precondition(columnBlockSize > 0 && columns % columnBlockSize == 0, "column blocks of \(columnBlockSize) do not tile \(columns) columns")
        precondition(coefficients == nil || coefficients?.count == terms.count, "\(coefficients?.count ?? 0) coefficients for \(terms.count) terms")
        self.rows = rows
        self.columns = columns
        self.rowBlockSize = rowBlockSize
        self.columnBlockSize = columnBlockSize
        self.parameters = parameters
        (self.terms, self.coefficients) = Self.sorted(terms, coefficients)
        self.constants = Self.sorted(constants, rows: rows, columns: columns)
        var starts = Array(repeating: 0, count: rows + 1)
        for term in self.terms {
            precondition(
                term.row >= 0 && term.row < rows && term.column >= 0 && term.column < columns,
                "term (\(term.row), \(term.column)) outside a \(rows)×\(columns) matrix")
            precondition(
                term.parameter >= 0 && term.parameter < parameters.count,
                "term names parameter \(term.parameter) of \(parameters.count)")
            starts[term.row + 1] += 1
        }
        for r in 0..<rows { starts[r + 1] += starts[r] }
        self.rowStarts = starts
    }

    /// Terms sorted, their coefficients carried along; all-1 coefficients are dropped.
    private static func sorted(_ terms: [Term], _ coefficients: [Double]?) -> ([Term], [Double]?) {
        guard let coefficients, coefficients.contains(where: { $0 != 1 }) else { return (terms.sorted(), nil) }
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        return (order.map { terms[$0] }, order.map { coefficients[$0] })
    }

    /// Constants sorted row-major, each inside the matrix and on its own entry.
    private static func sorted(_ constants: [ConstantEntry], rows: Int, columns: Int) -> [ConstantEntry] {
        let sorted = constants.sorted()
        for (k, entry) in sorted.enumerated() {
            precondition(
                entry.row >= 0 && entry.row < rows && entry.column >= 0 && entry.column < columns,
                "constant (\(entry.row), \(entry.column)) outside a \(rows)×\(columns) matrix")
            precondition(k == 0 || sorted[k - 1] < entry, "two constants on entry (\(entry.row), \(entry.column))")
        }
        return sorted
    }

    /// The coefficient of terms[k]: 1 unless ``coefficients`` says otherwise.
    public func coefficient(ofTerm k: Int) -> Double {
        coefficients?[k] ?? 1
    }

    /// Row r's terms, sorted by column.
    public func terms(inRow r: Int) -> ArraySlice<Term> {
        terms[rowStarts[r]..<rowStarts[r + 1]]
    }

    /// Row r's constant entries, sorted by column.
    ///
    /// - Complexity: O(log constants + constants in row r).
    public func constants(inRow r: Int) -> ArraySlice<ConstantEntry> {
        let start = Self.firstIndex(in: constants) { ($0.row, $0.column) >= (r, 0) }
        let end = Self.firstIndex(in: constants) { $0.row > r }
        return constants[start..<max(start, end)]
    }

    /// κ[r, c], or nil when the entry holds no constant.
    public func constant(row r: Int, column c: Int) -> Double? {
        constants(inRow: r).first { $0.column == c }?.value
    }

    /// The first index whose element satisfies a predicate that is false, then true, along the array.
    private static func firstIndex(in entries: [ConstantEntry], where isPast: (ConstantEntry) -> Bool) -> Int {
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if isPast(entries[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The terms of entry (r, c): the parameters it sums.
    public func terms(row r: Int, column c: Int) -> [Term] {
        terms(inRow: r).filter { $0.column == c }
    }

    /// Output maps (row blocks).
    public var rowBlocks: Int { rows / rowBlockSize }

    /// Input maps (column blocks).
    public var columnBlocks: Int { columns / columnBlockSize }

    /// The notation of this matrix's parameter names.
    public var notation: ParameterNotation { ParameterNotation(for: parameters) }
}
