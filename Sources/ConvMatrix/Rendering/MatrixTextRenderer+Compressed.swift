/// Text of a compressed Wᵀ (``CompressedTiedMatrix``) that never draws what it does
/// not print: the counts from one scan of the compressed rows, and the block it
/// shows extracted into a small ``TiedMatrix`` for the usual renderer.
extension MatrixTextRenderer {
    /// The terminal width a compressed summary assumes when none is given.
    public static let compressedSummaryWidth = 80

    /// The summary of a compressed Wᵀ, as ``render(_:values:)`` prints for a matrix
    /// too wide to draw: its counts, the nonzeros per block, block (1, 1) cropped to
    /// the width (``maxWidth``, else ``compressedSummaryWidth``), and ``summaryHint``.
    /// The drawing's width is stated as its lower bound ``narrowestWidth(columns:)``.
    ///
    /// - Parameters:
    ///   - matrix: the stored (maps-order) Wᵀ, rows the units of `output`, columns those of `input`.
    ///   - parameters: the names of its parameters.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Throws: ``ConvMatrixError`` as ``render(_:values:)``.
    /// - Complexity: O(entries) for the counts; block (1, 1)'s entries for the corner.
    public func renderSummary(
        _ matrix: CompressedTiedMatrix, parameters: [ParameterName], values: [Double]? = nil, input: TensorShape, output: TensorShape
    ) throws(ConvMatrixError) -> String {
        let width = maxWidth ?? Self.compressedSummaryWidth
        guard width >= 1 else { throw .spec("width", "\(width) columns is too narrow to show anything") }
        let (view, entryText) = try blockView(matrix, rowBlock: 0, columnBlock: 0, parameters: parameters, values: values, input: input, output: output)
        let extent = Self.blockMapExtent(rowBlocks: matrix.rows / matrix.rowBlockSize, columnBlocks: matrix.columns / matrix.columnBlockSize, maxWidth: width)
        return summary(
            view, entryText: entryText, fullWidth: (Self.narrowestWidth(columns: matrix.columns), true), maxWidth: width,
            nonzeros: matrix.nonzeroCount, blockCounts: matrix.blockNonzeroCounts(rowBlocks: extent.rows, columnBlocks: extent.columns))
    }

    /// Block (j, i), 1-based, of a compressed Wᵀ, as ``renderBlock(_:j:i:values:)``
    /// draws it (in column bands when wider than `maxWidth`): only that block's
    /// entries are extracted.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, field `block`, when (j, i) is not a block.
    public func renderBlock(
        _ matrix: CompressedTiedMatrix, j: Int, i: Int, parameters: [ParameterName], values: [Double]? = nil, input: TensorShape,
        output: TensorShape
    ) throws(ConvMatrixError) -> String {
        if let maxWidth, maxWidth < 1 { throw .spec("width", "\(maxWidth) columns is too narrow to show anything") }
        try Self.requireBlock(
            j: j, i: i, rowBlocks: matrix.rows / matrix.rowBlockSize, columnBlocks: matrix.columns / matrix.columnBlockSize, order: .maps)
        let (view, entryText) = try blockView(matrix, rowBlock: j - 1, columnBlock: i - 1, parameters: parameters, values: values, input: input, output: output)
        return blockText(view, row: j - 1, column: i - 1, entryText: entryText)
    }

    /// The maps-order view of a matrix holding only block (b, a), 0-based, and its entry texts.
    private func blockView(
        _ matrix: CompressedTiedMatrix, rowBlock b: Int, columnBlock a: Int, parameters: [ParameterName], values: [Double]?, input: TensorShape,
        output: TensorShape
    ) throws(ConvMatrixError) -> (MatrixView, EntryText) {
        let rows = (b * matrix.rowBlockSize)..<((b + 1) * matrix.rowBlockSize)
        let columns = (a * matrix.columnBlockSize)..<((a + 1) * matrix.columnBlockSize)
        let block = matrix.tiedMatrix(rows: rows, columns: columns, parameters: parameters)
        let view = try MatrixView(block, input: input, output: output)
        let checked = try EntryText.checkedValues(values, for: block, entries: entries)
        return (view, entryText(block, values: checked))
    }
}
