import Testing

@testable import ConvMatrix

/// The two views are one operator under a permutation of rows and columns.
@Suite struct MatrixViewTests {
    /// The positions order written out independently of the library: unit (c, p) of a
    /// C-map tensor moves from c·M + p to p·C + c. Returns P with P[view, stored] = 1.
    static func positionsPermutation(_ shape: TensorShape) -> Matrix {
        var p = Matrix(rows: shape.count, columns: shape.count)
        for c in 0..<shape.channels {
            for position in 0..<shape.mapSize { p[position * shape.channels + c, c * shape.mapSize + position] = 1 }
        }
        return p
    }

    static let cases =
        LayerCases.edges.filter { (try? $0.layer().tiedMatrix().entryCount) ?? .max <= 40_000 }
        + LayerCases.edgesInEveryMode.prefix(8)

    @Test(arguments: cases)
    func positionsViewIsThePermutedMatrix(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.tiedMatrix()
        let values = Slide.values(tied.parameterCount)
        let view = try MatrixView(tied, input: layer.input, output: layer.output, order: .positions)
        let rows = Self.positionsPermutation(layer.output)
        let columns = Self.positionsPermutation(layer.input)
        // Wᵀ_view = P_rows · Wᵀ · P_colsᵀ
        let expected = Naive.multiply(
            Naive.multiply(rows, tied.dense(parameters: values), transposeA: false, transposeB: false),
            columns, transposeA: false, transposeB: true)
        #expect(view.tied.dense(parameters: values) == expected)
        #expect(view.tied.termCount == tied.termCount)
        #expect(view.tied.rowBlockSize == layer.output.channels && view.tied.columnBlockSize == layer.input.channels)
    }

    @Test(arguments: cases)
    func mapsViewIsTheStoredMatrix(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let view = MatrixView(layer: layer)
        let tied = layer.tiedMatrix()
        #expect(view.tied.terms == tied.terms)
        #expect(view.rowSource == Array(0..<tied.rows) && view.columnSource == Array(0..<tied.columns))
        #expect(view.rowLabels == (0..<tied.rows).map { UnitLabel.name("y", unit: $0, shape: layer.output) })
    }

    /// In positions order block (o, q) is out × in: entry (j, i) of every block holds
    /// only parameters v_{ji}, and each label names the unit the permutation moved there.
    @Test(arguments: cases)
    func positionsBlocksAreOutByInMatrices(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let view = MatrixView(layer: layer, order: .positions)
        for term in view.tied.terms {
            let name = view.tied.parameters[term.parameter]
            #expect(name.outputMap == term.row % layer.output.channels + 1)
            #expect(name.inputMap == term.column % layer.input.channels + 1)
        }
        for r in 0..<view.tied.rows {
            let unit = view.rowUnit(r)
            #expect(unit.map == r % layer.output.channels + 1)
            #expect(RowMajor(layer.output.spatial).offset(unit.position.map { $0 - 1 }) == r / layer.output.channels)
        }
    }

    @Test func slidePositionsViewReadsPositionByPosition() throws {
        let view = MatrixView(layer: try Slide.oneDimensional(), order: .positions)
        #expect(view.rowLabels.prefix(4) == ["y₁(1)", "y₂(1)", "y₃(1)", "y₁(2)"])
        #expect(view.columnLabels.prefix(3) == ["x₁(1)", "x₂(1)", "x₁(2)"])
        #expect(view.columnBlockTitle(0) == "position (1)" && view.columnBlockName(5) == "x(6)")
        #expect(view.rowBlockTitle(3) == "position (4)")
        // Block (1, 1): the first tap of every kernel, v_{ji}^{1}.
        let notation = view.tied.notation
        let block = (0..<3).map { r in (0..<2).map { c in view.tied.terms(row: r, column: c).map { notation.latex(view.tied.parameters[$0.parameter]) } } }
        #expect(block == [[["v_{11}^{1}"], ["v_{12}^{1}"]], [["v_{21}^{1}"], ["v_{22}^{1}"]], [["v_{31}^{1}"], ["v_{32}^{1}"]]])
        #expect(view.maps(row: 4, column: 3) == (output: 1, input: 1))
    }

    @Test func twoDimensionalTitlesNamePositions() throws {
        let layer = try Convolution(ConvolutionSpec(parsing: "Conv2d(2, 1, 2)"), input: TensorShape(parsing: "2x3x4"))
        let view = MatrixView(layer: layer, order: .positions)
        #expect(view.columnBlockTitle(5) == "position (2,2)")
        #expect(view.columnUnit(11).unicode == "x₂(2,2)")
        #expect(MatrixView(layer: layer).columnBlockTitle(1) == "input map 2")
        #expect(MatrixView(layer: layer).rowBlockName(0) == "y₁")
    }

    @Test func mismatchedShapesThrow() throws {
        let layer = try Slide.oneDimensional()
        #expect(throws: ConvMatrixError(.shape, field: "output", reason: "Wᵀ has 12 rows in blocks of 4, but 3x5 has 15 units in maps of 5")) {
            try MatrixView(layer.tiedMatrix(), input: layer.input, output: TensorShape(channels: 3, spatial: [5]))
        }
        #expect(throws: ConvMatrixError.self) {
            try MatrixView(layer.tiedMatrix(), input: TensorShape(channels: 3, spatial: [4]), output: layer.output)
        }
    }

    @Test func unitNamesHaveThreeSpellings() {
        let name = UnitName("x", unit: 11, shape: TensorShape(channels: 2, spatial: [3, 2]))
        #expect(name.unicode == "x₂(3,2)" && name.plain == "x2(3,2)" && name.latex == "x_{2}^{(3,2)}")
    }
}
