/// What a view of a compressed matrix needs without drawing it: its structural
/// nonzeros, the nonzeros per block, and one region as a small ``TiedMatrix``
/// for the renderers.
extension CompressedTiedMatrix {
    /// Entries that at least one entry or a constant reaches: consecutive entries
    /// with the same column are one structural nonzero, as in ``TiedMatrix/nonzeroCount``.
    ///
    /// - Complexity: O(entries + constants), one scan.
    public var nonzeroCount: Int {
        var count = 0
        for r in 0..<rows { count += nonzeroColumns(inRow: r).count }
        return count
    }

    /// Entries that sum more than one entry of the rows (an entry's are consecutive in its row).
    public var sharedEntryCount: Int {
        var count = 0
        for r in 0..<rows {
            var (previous, run) = (Int32(-1), 0)
            for k in entries(inRow: r) {
                run = columnIndices[k] == previous ? run + 1 : 1
                if run == 2 { count += 1 }
                previous = columnIndices[k]
            }
        }
        return count
    }

    /// Row r's structurally nonzero columns, ascending: entries' columns and constants' columns merged.
    func nonzeroColumns(inRow r: Int) -> [Int] {
        var columns: [Int] = []
        var previous = -1
        for k in entries(inRow: r) where Int(columnIndices[k]) != previous {
            previous = Int(columnIndices[k])
            columns.append(previous)
        }
        let constants = self.constants(inRow: r).map { Int(constantColumns[$0]) }
        guard !constants.isEmpty else { return columns }
        return Array(Set(columns).union(constants)).sorted()
    }

    /// Structural nonzeros of each block (b, a) with b < rowBlocks, a < columnBlocks,
    /// from one scan of those row blocks' rows.
    public func blockNonzeroCounts(rowBlocks: Int, columnBlocks: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: columnBlocks), count: rowBlocks)
        for r in 0..<(rowBlocks * rowBlockSize) {
            for column in nonzeroColumns(inRow: r) where column / columnBlockSize < columnBlocks {
                counts[r / rowBlockSize][column / columnBlockSize] += 1
            }
        }
        return counts
    }

    /// Terms (with their coefficients) and constants of `rowRange` × `columnRange`.
    public func termCount(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> Int {
        rowRange.reduce(0) { sum, r in sum + entries(inRow: r).filter { columnRange.contains(Int(columnIndices[$0])) }.count }
    }

    /// A ``TiedMatrix`` of the full size and blocks that holds only the entries and
    /// constants inside `rowRange` × `columnRange`: what a renderer needs to draw
    /// that region (a block, or block (1, 1) of a summary) with its true labels.
    ///
    /// - Parameter parameters: the names of the ``parameterCount`` parameters.
    /// - Complexity: O(rows) for the row starts plus O(entries in `rowRange`).
    public func tiedMatrix(rows rowRange: Range<Int>, columns columnRange: Range<Int>, parameters: [ParameterName]) -> TiedMatrix {
        precondition(parameters.count == parameterCount, "\(parameters.count) names for \(parameterCount) parameters")
        var terms: [Term] = []
        var kept: [Double] = []
        var constants: [ConstantEntry] = []
        for r in rowRange {
            for k in entries(inRow: r) where columnRange.contains(Int(columnIndices[k])) {
                terms.append(Term(row: r, column: Int(columnIndices[k]), parameter: Int(parameterIndices[k])))
                kept.append(coefficient(ofEntry: k))
            }
            for k in self.constants(inRow: r) where columnRange.contains(Int(constantColumns[k])) {
                constants.append(ConstantEntry(row: r, column: Int(constantColumns[k]), value: constantValues[k]))
            }
        }
        return TiedMatrix(
            rows: rows, columns: columns, rowBlockSize: rowBlockSize, columnBlockSize: columnBlockSize,
            parameters: parameters, terms: terms, coefficients: coefficients == nil ? nil : kept, constants: constants)
    }
}
