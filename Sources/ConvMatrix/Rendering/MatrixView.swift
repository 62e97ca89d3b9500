/// Wᵀ seen in one ``UnitOrder``: the permuted matrix with its labels and blocks,
/// ready for a renderer.
///
/// A view lists rows (output units) and columns (input units) in its order. Row k
/// of the view is row `rowSource[k]` of the stored Wᵀ and column k is column
/// `columnSource[k]`, so with the permutation matrices
///
///     P_rows[k, rowSource[k]] = 1,      P_cols[k, columnSource[k]] = 1
///
/// the view's matrix is
///
///     Wᵀ_view = P_rows · Wᵀ · P_colsᵀ,   Wᵀ_view[k, l] = Wᵀ[rowSource[k], columnSource[l]]
///
/// and y_view = Wᵀ_view x_view is y = Wᵀx with both vectors reordered. Blocks
/// follow the order: in `maps` order row block j is output map j and column block i
/// input map i (block sizes ∏spatial); in `positions` order row block o is output
/// position o and column block q input position q (block sizes out_channels and
/// in_channels), and block (o, q) is the out × in matrix of taps between them.
///
///     let view = MatrixView(layer: slideLayer, order: .positions)
///     view.rowLabels.prefix(4)       // ["y₁(1)", "y₂(1)", "y₃(1)", "y₁(2)"]
///     view.columnBlockTitle(0)       // "position (1)"
///
/// The permuted matrix keeps the parameters and their names; only its blocks change
/// meaning, so ``TiedMatrix/invariantViolations(for:)`` applies to `maps` views only.
public struct MatrixView: Sendable {
    public let order: UnitOrder
    /// Wᵀ with rows and columns in this order; its blocks are this order's blocks.
    public let tied: TiedMatrix
    /// The shape of x (for Wᵀ_valid: of the extended input x̃).
    public let input: TensorShape
    /// The shape of y.
    public let output: TensorShape
    /// Row k of the view is row rowSource[k] of the stored Wᵀ.
    public let rowSource: [Int]
    /// Column k of the view is column columnSource[k] of the stored Wᵀ.
    public let columnSource: [Int]

    /// The view of a stored (maps-order) Wᵀ whose rows are the units of `output` and
    /// whose columns are the units of `input`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `output` or `input`)
    ///   when the matrix's rows or blocks do not match the shapes.
    /// - Complexity: O(terms · log terms) to sort the permuted terms; O(1) extra for `maps`.
    public init(_ tied: TiedMatrix, input: TensorShape, output: TensorShape, order: UnitOrder = .maps) throws(ConvMatrixError) {
        guard tied.rows == output.count, tied.rowBlockSize == output.mapSize else {
            throw .shape(
                "output", "Wᵀ has \(tied.rows) rows in blocks of \(tied.rowBlockSize), but \(output) has \(output.count) units in maps of \(output.mapSize)")
        }
        guard tied.columns == input.count, tied.columnBlockSize == input.mapSize else {
            throw .shape(
                "input",
                "Wᵀ has \(tied.columns) columns in blocks of \(tied.columnBlockSize), but \(input) has \(input.count) units in maps of \(input.mapSize)")
        }
        self.init(checked: tied, input: input, output: output, order: order)
    }

    /// The view of a layer's Wᵀ.
    public init(layer: any Layer, order: UnitOrder = .maps) {
        self.init(checked: layer.matrixForm().tied, input: layer.input, output: layer.output, order: order)
    }

    /// The view of a matrix whose shapes are known to match.
    init(checked tied: TiedMatrix, input: TensorShape, output: TensorShape, order: UnitOrder) {
        precondition(
            tied.rows == output.count && tied.columns == input.count,
            "Wᵀ is \(tied.rows)×\(tied.columns), shapes \(output) and \(input)")
        self.order = order
        self.input = input
        self.output = output
        rowSource = order.sourceIndices(of: output)
        columnSource = order.sourceIndices(of: input)
        guard order != .maps else {
            self.tied = Self.vectorsAsOneBlock(tied, input: input, output: output)
            return
        }
        let rowTarget = Self.inverse(rowSource)
        let columnTarget = Self.inverse(columnSource)
        self.tied = TiedMatrix(
            rows: tied.rows, columns: tied.columns,
            rowBlockSize: order.blockSize(of: output), columnBlockSize: order.blockSize(of: input),
            parameters: tied.parameters,
            terms: tied.terms.map { Term(row: rowTarget[$0.row], column: columnTarget[$0.column], parameter: $0.parameter) },
            coefficients: tied.coefficients,
            constants: tied.constants.map { ConstantEntry(row: rowTarget[$0.row], column: columnTarget[$0.column], value: $0.value) })
    }

    /// A side without positions (a vector: Linear's features, Flatten's output) is one
    /// block, not one map a unit: the dense W of a fully connected layer reads as one
    /// matrix, without a rule between every row.
    private static func vectorsAsOneBlock(_ tied: TiedMatrix, input: TensorShape, output: TensorShape) -> TiedMatrix {
        guard output.spatial.isEmpty || input.spatial.isEmpty else { return tied }
        return TiedMatrix(
            rows: tied.rows, columns: tied.columns,
            rowBlockSize: output.spatial.isEmpty ? tied.rows : tied.rowBlockSize,
            columnBlockSize: input.spatial.isEmpty ? tied.columns : tied.columnBlockSize,
            parameters: tied.parameters, terms: tied.terms, coefficients: tied.coefficients, constants: tied.constants)
    }

    /// σ⁻¹ of a permutation σ.
    private static func inverse(_ permutation: [Int]) -> [Int] {
        var inverse = Array(repeating: 0, count: permutation.count)
        for (k, source) in permutation.enumerated() { inverse[source] = k }
        return inverse
    }

    /// The output unit of view row r.
    public func rowUnit(_ r: Int) -> UnitName { UnitName("y", unit: rowSource[r], shape: output) }

    /// The input unit of view column c.
    public func columnUnit(_ c: Int) -> UnitName { UnitName("x", unit: columnSource[c], shape: input) }

    /// Every row's label in the terminal spelling: y₁(1), y₁(2), … (maps) or y₁(1), y₂(1), … (positions).
    public var rowLabels: [String] { (0..<tied.rows).map { rowUnit($0).unicode } }

    /// Every column's label in the terminal spelling: x₁(1), x₁(2), … or x₁(1), x₂(1), ….
    public var columnLabels: [String] { (0..<tied.columns).map { columnUnit($0).unicode } }

    /// Row block b's title: `output map 2` or `position (1,4)`.
    public func rowBlockTitle(_ b: Int) -> String {
        output.spatial.isEmpty && order == .maps ? "output units" : order.blockTitle(b, shape: output, role: "output")
    }

    /// Column block b's title: `input map 2` or `position (1,4)`.
    public func columnBlockTitle(_ b: Int) -> String {
        input.spatial.isEmpty && order == .maps ? "input units" : order.blockTitle(b, shape: input, role: "input")
    }

    /// Row block b's short name: `y₂` or `y(1,4)`.
    public func rowBlockName(_ b: Int) -> String {
        output.spatial.isEmpty && order == .maps ? "y" : order.blockName(b, shape: output, letter: "y")
    }

    /// Column block b's short name: `x₂` or `x(1,4)`.
    public func columnBlockName(_ b: Int) -> String {
        input.spatial.isEmpty && order == .maps ? "x" : order.blockName(b, shape: input, letter: "x")
    }

    /// The maps (0-based) of view entry (r, c): output map j and input map i, so
    /// that the entry belongs to the convolution w_{ji} ∗ x_i in every order.
    public func maps(row r: Int, column c: Int) -> (output: Int, input: Int) {
        (rowSource[r] / output.mapSize, columnSource[c] / input.mapSize)
    }
}
