/// One block of Wᵀ as a matrix of its own, for the renderers that draw one block.
extension TiedMatrix {
    /// Block (j, i) of Wᵀ, 1-based as in v_{ji}: the band matrix of the convolution
    /// w_{ji} ∗ x_i, with rows firstRow..<firstRow + rowBlockSize and columns
    /// firstColumn..<firstColumn + columnBlockSize moved to the origin:
    ///
    ///     block[r, c] = Wᵀ[(j − 1) · rowBlockSize + r, (i − 1) · columnBlockSize + c]
    ///
    /// It is one block (one row block, one column block) and keeps every parameter
    /// of Wᵀ with its index, so names, notation and colours stay those of the whole
    /// matrix.
    ///
    ///     let band = try layer.tiedMatrix().block(j: 2, i: 1)   // 4 × 6 for the slide
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, field `block`, when (j, i) is
    ///   not a block of Wᵀ (the text renderer's message).
    /// - Complexity: O(terms and constants in the block's rows).
    public func block(j: Int, i: Int) throws(ConvMatrixError) -> TiedMatrix {
        guard j >= 1, j <= rowBlocks, i >= 1, i <= columnBlocks else {
            throw .spec("block", "\(j),\(i) is outside the \(rowBlocks)×\(columnBlocks) blocks of Wᵀ")
        }
        let firstRow = (j - 1) * rowBlockSize
        let blockColumns = ((i - 1) * columnBlockSize)..<(i * columnBlockSize)
        var blockTerms: [Term] = []
        var blockCoefficients: [Double] = []
        var blockConstants: [ConstantEntry] = []
        for r in firstRow..<(firstRow + rowBlockSize) {
            for k in rowStarts[r]..<rowStarts[r + 1] where blockColumns.contains(terms[k].column) {
                let term = terms[k]
                blockTerms.append(Term(row: r - firstRow, column: term.column - blockColumns.lowerBound, parameter: term.parameter))
                blockCoefficients.append(coefficient(ofTerm: k))
            }
            for entry in constants(inRow: r) where blockColumns.contains(entry.column) {
                blockConstants.append(ConstantEntry(row: r - firstRow, column: entry.column - blockColumns.lowerBound, value: entry.value))
            }
        }
        return TiedMatrix(
            rows: rowBlockSize, columns: columnBlockSize, rowBlockSize: rowBlockSize, columnBlockSize: columnBlockSize,
            parameters: parameters, terms: blockTerms, coefficients: coefficients == nil ? nil : blockCoefficients,
            constants: blockConstants)
    }
}
