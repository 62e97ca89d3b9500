/// A weight-sharing matrix in compressed sparse rows with 32-bit indices: the
/// form that holds Wᵀ of a layer far too large to draw or to keep as a list of
/// ``Term`` structs.
///
/// Row r's entries are k = rowStarts[r] ..< rowStarts[r + 1]; entry k says
///
///     Wᵀ[r, columnIndices[k]]  gains  a_k · v_{parameterIndices[k]},    a_k = coefficients?[k] ?? 1
///
/// and row r's constants k = constantRowStarts[r] ..< constantRowStarts[r + 1] say
/// Wᵀ[r, constantColumns[k]] gains constantValues[k]. Within a row, entries are
/// ordered by column, then parameter. An entry (r, c) that sums several
/// parameters (circular, reflect or replicate padding folding several taps onto
/// one input unit) is kept as several consecutive entries with the same column,
/// one per parameter, never merged: exactly the terms of ``TiedMatrix``.
///
/// An entry costs 8 bytes (two Int32), 16 with a coefficient: about a third of a
/// 24-byte ``Term``, and nothing per entry beyond the two index arrays when every
/// coefficient is 1.
public struct CompressedTiedMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Units per row block (one output map).
    public let rowBlockSize: Int
    /// Units per column block (one input map).
    public let columnBlockSize: Int
    /// Distinct parameters v_p; every parameter index is below it.
    public let parameterCount: Int
    /// rows + 1 offsets into the entry arrays.
    public let rowStarts: [Int]
    /// The column of each entry.
    public let columnIndices: [Int32]
    /// The parameter p of each entry.
    public let parameterIndices: [Int32]
    /// The coefficient of each entry, parallel to ``columnIndices``; nil when every coefficient is 1.
    public let coefficients: [Double]?
    /// rows + 1 offsets into the constant arrays.
    public let constantRowStarts: [Int]
    /// The column of each constant entry κ[r, c], at most one per entry, ascending within a row.
    public let constantColumns: [Int32]
    /// The value κ[r, c] of each constant entry.
    public let constantValues: [Double]

    /// A compressed matrix from its arrays, as the builders fill them.
    ///
    /// - Precondition: the offsets are ascending and end at the array lengths, the
    ///   blocks tile the matrix, and coefficients, when given, match the entries.
    ///   (Index ranges are the builders' invariant: ``invariantViolations`` checks them in tests.)
    init(
        rows: Int, columns: Int, rowBlockSize: Int, columnBlockSize: Int, parameterCount: Int,
        rowStarts: [Int], columnIndices: [Int32], parameterIndices: [Int32], coefficients: [Double]? = nil,
        constantRowStarts: [Int]? = nil, constantColumns: [Int32] = [], constantValues: [Double] = []
    ) {
        precondition(rowBlockSize > 0 && rows % rowBlockSize == 0, "row blocks of \(rowBlockSize) do not tile \(rows) rows")
        precondition(columnBlockSize > 0 && columns % columnBlockSize == 0, "column blocks of \(columnBlockSize) do not tile \(columns) columns")
        precondition(rowStarts.count == rows + 1 && rowStarts.last == columnIndices.count, "row starts do not index \(columnIndices.count) entries")
        precondition(parameterIndices.count == columnIndices.count, "\(parameterIndices.count) parameters for \(columnIndices.count) entries")
        precondition(coefficients == nil || coefficients?.count == columnIndices.count, "coefficients do not match the entries")
        precondition(constantValues.count == constantColumns.count, "\(constantValues.count) values for \(constantColumns.count) constants")
        self.rows = rows
        self.columns = columns
        self.rowBlockSize = rowBlockSize
        self.columnBlockSize = columnBlockSize
        self.parameterCount = parameterCount
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.parameterIndices = parameterIndices
        self.coefficients = coefficients
        self.constantRowStarts = constantRowStarts ?? Array(repeating: 0, count: rows + 1)
        self.constantColumns = constantColumns
        self.constantValues = constantValues
        precondition(
            self.constantRowStarts.count == rows + 1 && self.constantRowStarts.last == constantColumns.count, "constant row starts do not index the constants")
    }

    /// Entries: terms of the tied matrix, one per (row, column, parameter).
    public var entryCount: Int { columnIndices.count }

    /// Constant entries κ[r, c].
    public var constantCount: Int { constantColumns.count }

    /// Row r's entry indices.
    public func entries(inRow r: Int) -> Range<Int> {
        rowStarts[r]..<rowStarts[r + 1]
    }

    /// Row r's constant indices.
    public func constants(inRow r: Int) -> Range<Int> {
        constantRowStarts[r]..<constantRowStarts[r + 1]
    }

    /// The coefficient of entry k: 1 unless ``coefficients`` says otherwise.
    public func coefficient(ofEntry k: Int) -> Double {
        coefficients?[k] ?? 1
    }

    /// Bytes the arrays hold: 8 per row offset pair, 8 or 16 per entry, 12 per constant.
    public var storageBytes: Int {
        Self.bytes(rows: rows, entries: entryCount, hasCoefficients: coefficients != nil, constants: constantCount)
    }

    /// Bytes of a compressed matrix of `rows` rows, `entries` entries and `constants` constants.
    public static func bytes(rows: Int, entries: Int, hasCoefficients: Bool, constants: Int) -> Int {
        let perEntry = MemoryLayout<Int32>.size * 2 + (hasCoefficients ? MemoryLayout<Double>.size : 0)
        let perConstant = MemoryLayout<Int32>.size + MemoryLayout<Double>.size
        return saturatingSum(
            saturatingSum(saturatingProduct(2 * MemoryLayout<Int>.size, saturatingSum(rows, 1)), saturatingProduct(entries, perEntry)),
            saturatingProduct(constants, perConstant))
    }
}
