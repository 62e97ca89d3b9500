/// The 32-bit limits of the compressed form, and the conversion from a ``TiedMatrix``.
extension CompressedTiedMatrix {
    /// The largest column or parameter index an Int32 holds: 2³¹ − 1.
    public static let largestIndex = Int(Int32.max)

    /// Throws unless every column index (below `columns`) and every parameter index
    /// (below `parameters`) fits an Int32. Called before anything is allocated.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on field `input` (too many
    ///   columns: input units) or `weight` (too many parameters).
    public static func requireIndicesFit(columns: Int, parameters: Int, of what: String) throws(ConvMatrixError) {
        guard columns <= largestIndex + 1 else {
            throw .shape(
                "input",
                "\(what) has \(columns) input units, more than the sparse form's 32-bit column indices hold (\(largestIndex + 1)); use a smaller input")
        }
        guard parameters <= largestIndex + 1 else {
            throw .shape(
                "weight",
                "\(what) has \(parameters) weight parameters, more than the sparse form's 32-bit parameter indices hold (\(largestIndex + 1))")
        }
    }

    /// The compressed form of a tied matrix: the same terms in the same order
    /// (row, column, parameter), the same coefficients, the same constants.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` when a column or parameter
    ///   index would not fit an Int32 (``requireIndicesFit(columns:parameters:of:)``).
    public init(_ tied: TiedMatrix) throws(ConvMatrixError) {
        try Self.requireIndicesFit(columns: tied.columns, parameters: tied.parameterCount, of: "a \(tied.rows)×\(tied.columns) matrix")
        var constantStarts = Array(repeating: 0, count: tied.rows + 1)
        for entry in tied.constants { constantStarts[entry.row + 1] += 1 }
        for r in 0..<tied.rows { constantStarts[r + 1] += constantStarts[r] }
        self.init(
            rows: tied.rows, columns: tied.columns, rowBlockSize: tied.rowBlockSize, columnBlockSize: tied.columnBlockSize,
            parameterCount: tied.parameterCount, rowStarts: tied.rowStarts,
            columnIndices: tied.terms.map { Int32(truncatingIfNeeded: $0.column) },
            parameterIndices: tied.terms.map { Int32(truncatingIfNeeded: $0.parameter) },
            coefficients: tied.coefficients,
            constantRowStarts: constantStarts,
            constantColumns: tied.constants.map { Int32(truncatingIfNeeded: $0.column) },
            constantValues: tied.constants.map(\.value))
    }

    /// Terms (row, column, parameter) in any order, all coefficients 1, no
    /// constants: a counting sort by row (O(terms + rows), no comparison sort),
    /// keeping each row's terms in the order given. For the small lists of a
    /// form from outside, such as a convolution's border terms.
    ///
    /// - Throws: as ``requireIndicesFit(columns:parameters:of:)``.
    init(rows: Int, columns: Int, rowBlockSize: Int, columnBlockSize: Int, parameterCount: Int, terms: [Term]) throws(ConvMatrixError) {
        try Self.requireIndicesFit(columns: columns, parameters: parameterCount, of: "a \(rows)×\(columns) matrix")
        var starts = Array(repeating: 0, count: rows + 1)
        for term in terms { starts[term.row + 1] += 1 }
        for r in 0..<rows { starts[r + 1] += starts[r] }
        var next = starts
        var columnIndices = Array(repeating: Int32(0), count: terms.count)
        var parameterIndices = Array(repeating: Int32(0), count: terms.count)
        for term in terms {
            columnIndices[next[term.row]] = Int32(truncatingIfNeeded: term.column)
            parameterIndices[next[term.row]] = Int32(truncatingIfNeeded: term.parameter)
            next[term.row] += 1
        }
        self.init(
            rows: rows, columns: columns, rowBlockSize: rowBlockSize, columnBlockSize: columnBlockSize, parameterCount: parameterCount,
            rowStarts: starts, columnIndices: columnIndices, parameterIndices: parameterIndices)
    }

    /// The entries as terms, row-major: for tests and small matrices only (24
    /// bytes per entry, the list this form exists to avoid).
    public var terms: [Term] {
        (0..<rows).flatMap { r in
            entries(inRow: r).map { Term(row: r, column: Int(columnIndices[$0]), parameter: Int(parameterIndices[$0])) }
        }
    }

    /// The dense Wᵀ for parameter values v: Σ a · v_p + κ, as ``TiedMatrix/dense(parameters:)``.
    ///
    /// - Complexity: O(rows · columns) memory: for tests and small matrices only.
    public func dense(parameters values: [Double]) -> Matrix {
        precondition(values.count == parameterCount, "\(values.count) values for \(parameterCount) parameters")
        var matrix = Matrix(rows: rows, columns: columns)
        for r in 0..<rows {
            for k in constants(inRow: r) { matrix[r, Int(constantColumns[k])] = constantValues[k] }
            for k in entries(inRow: r) { matrix[r, Int(columnIndices[k])] += coefficient(ofEntry: k) * values[Int(parameterIndices[k])] }
        }
        return matrix
    }
}
