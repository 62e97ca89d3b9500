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

    /// A tied matrix from its terms (in any order).
    ///
    /// - Precondition: every term lies inside the matrix and names a parameter.
    public init(
        rows: Int, columns: Int, rowBlockSize: Int, columnBlockSize: Int,
        parameters: [ParameterName], terms: [Term]
    ) {
        precondition(rowBlockSize > 0 && rows % rowBlockSize == 0, "row blocks of \(rowBlockSize) do not tile \(rows) rows")
        precondition(columnBlockSize > 0 && columns % columnBlockSize == 0, "column blocks of \(columnBlockSize) do not tile \(columns) columns")
        self.rows = rows
        self.columns = columns
        self.rowBlockSize = rowBlockSize
        self.columnBlockSize = columnBlockSize
        self.parameters = parameters
        self.terms = terms.sorted()
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

    /// Row r's terms, sorted by column.
    public func terms(inRow r: Int) -> ArraySlice<Term> {
        terms[rowStarts[r]..<rowStarts[r + 1]]
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
