import Testing

@testable import ConvMatrix

/// The LaTeX renderer: the slide's matrix pinned, and the structure of its output
/// read back over many layers.
@Suite struct LatexRendererTests {
    @Test func slideFragmentIsPinned() throws {
        let tex = try LatexRenderer().render(MatrixView(layer: Slide.oneDimensional()))
        #expect(tex == (try Golden.text("slide.tex", actual: tex)))
    }

    @Test func slideDocumentIsPinned() throws {
        let tex = try LatexRenderer(standalone: true).render(MatrixView(layer: Slide.oneDimensional()))
        #expect(tex == (try Golden.text("slide-standalone.tex", actual: tex)))
    }

    /// The slide's layer with circular padding 1: Wᵀ wraps, Wᵀ_valid reads 8 extended units a map.
    @Test func factorFormIsPinned() throws {
        let tex = try LatexRenderer().factor(layer: Self.paddedSlide())
        #expect(tex == (try Golden.text("slide-circular-factor.tex", actual: tex)))
    }

    static func paddedSlide() throws -> Convolution {
        try Convolution(
            ConvolutionSpec(parsing: "Conv1d(2, 3, kernel_size=3, padding=1, padding_mode='circular', bias=False)"),
            input: TensorShape(parsing: "2x6"))
    }

    /// The slide's first row, entry by entry as the slide writes it.
    @Test func slideFirstRowReadsAsOnTheSlide() throws {
        let array = try #require(LatexStructure.arrays(in: try LatexRenderer().render(MatrixView(layer: Slide.oneDimensional()))).first)
        #expect(
            array.rows[0] == [
                "v_{11}^{1}", "v_{11}^{2}", "v_{11}^{3}", "0", "0", "0",
                "v_{12}^{1}", "v_{12}^{2}", "v_{12}^{3}", "0", "0", "0",
            ])
        #expect(array.spec == "cccccc|cccccc" && array.rules == 2)
    }

    static let cases =
        (LayerCases.edges + LayerCases.edgesInEveryMode)
        .filter { (try? $0.layer().tiedMatrix().entryCount) ?? .max <= 5_000 }
        + [
            LayerCase(spec: "Conv1d(1, 1, 5, padding=3, padding_mode='circular', bias=False)", input: "1x3"),
            LayerCase(spec: "Conv1d(1, 12, 3)", input: "1x5"),
        ]

    /// Rows, entries per row, bars, rules and braces, and every entry against the terms.
    @Test(arguments: cases, UnitOrder.allCases)
    func structureReadsBack(_ layerCase: LayerCase, _ order: UnitOrder) throws {
        let view = MatrixView(layer: try layerCase.layer(), order: order)
        let t = view.tied
        let tex = try LatexRenderer().render(view)
        #expect(LatexStructure.bracesBalance(tex))
        let arrays = LatexStructure.arrays(in: tex)
        try #require(arrays.count == 1)
        let array = arrays[0]
        #expect(array.specColumns == t.columns)
        #expect(array.bars == t.columnBlocks - 1)
        #expect(array.rules == t.rowBlocks - 1)
        try #require(array.rows.count == t.rows)
        let notation = t.notation
        for r in 0..<t.rows {
            try #require(array.rows[r].count == t.columns, "row \(r + 1) has \(array.rows[r].count) entries")
            for c in 0..<t.columns {
                let names = t.terms(row: r, column: c).map { notation.latex(t.parameters[$0.parameter]) }
                #expect(array.rows[r][c] == (names.isEmpty ? "0" : names.joined(separator: " + ")), "entry (\(r + 1), \(c + 1))")
            }
        }
    }

    @Test(arguments: cases.prefix(12))
    func numericEntriesAreTheDenseMatrix(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.tiedMatrix()
        let values = Slide.values(tied.parameterCount).map { $0 / 4 }
        let array = try #require(LatexStructure.arrays(in: try LatexRenderer(entries: .numeric).render(MatrixView(layer: layer), values: values)).first)
        let dense = tied.dense(parameters: values)
        for r in 0..<tied.rows {
            for c in 0..<tied.columns {
                // Multiples of 1/4 print exactly with three decimals.
                #expect(Double(array.rows[r][c]) == dense[r, c], "entry (\(r + 1), \(c + 1))")
            }
        }
    }

    /// Wᵀ, Wᵀ_valid and P, each with its own blocks; P holds one 1 per copied unit.
    @Test(arguments: cases.prefix(20))
    func factorFormHasThreeMatrices(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tex = try LatexRenderer().factor(layer: layer)
        #expect(LatexStructure.bracesBalance(tex))
        let arrays = LatexStructure.arrays(in: tex)
        try #require(arrays.count == 3)
        let (w, valid, p) = (arrays[0], arrays[1], arrays[2])
        #expect(w.rows.count == layer.output.count && w.specColumns == layer.input.count)
        #expect(valid.rows.count == layer.output.count && valid.specColumns == layer.geometry.extendedInput.count)
        #expect(valid.bars == layer.input.channels - 1 && valid.rules == layer.output.channels - 1)
        #expect(p.rows.count == layer.geometry.extendedInput.count && p.specColumns == layer.input.count)
        #expect(p.bars == layer.input.channels - 1 && p.rules == layer.input.channels - 1)
        let ones = p.rows.joined().filter { $0 == "1" }.count
        #expect(ones == layer.padding.nonzeros.count)
        #expect(p.rows.joined().allSatisfy { $0 == "0" || $0 == "1" })
    }

    @Test func constantPaddingNotesItsOffset() throws {
        let layer = try Convolution(
            ConvolutionSpec(parsing: "Conv1d(1, 1, 3, padding=1, padding_mode='constant', padding_value=2.0)"),
            input: TensorShape(parsing: "1x4"))
        #expect(try LatexRenderer().factor(layer: layer).hasPrefix("% constant padding: the layer adds o = W^T_valid (c b), c = 2.0"))
    }

    @Test func sumsAreWrittenWithPlus() throws {
        let layer = try Convolution(
            ConvolutionSpec(parsing: "Conv1d(1, 1, 5, padding=3, padding_mode='circular', bias=False)"),
            input: TensorShape(parsing: "1x3"))
        let array = try #require(LatexStructure.arrays(in: try LatexRenderer().render(MatrixView(layer: layer))).first)
        #expect(array.rows[0] == ["v_{11}^{1} + v_{11}^{4}", "v_{11}^{2} + v_{11}^{5}", "v_{11}^{3}"])
    }

    @Test func numericEntriesNeedValues() throws {
        #expect(throws: ConvMatrixError.self) {
            try LatexRenderer(entries: .numeric).render(MatrixView(layer: Slide.oneDimensional()))
        }
        #expect(throws: ConvMatrixError.self) {
            try LatexRenderer(entries: .numeric).factor(layer: Slide.oneDimensional(), values: [1])
        }
    }
}
