import Testing

@testable import ConvMatrix

/// The terminal renderer: views, colour, the width limit and single blocks.
@Suite struct MatrixTextRendererTests {
    @Test func positionsOrderIsPinned() throws {
        let text = try MatrixTextRenderer().render(MatrixView(layer: Slide.oneDimensional(), order: .positions))
        #expect(text == (try Golden.text("slide-positions.txt", actual: text)))
    }

    @Test func colourIsPinned() throws {
        let text = try MatrixTextRenderer(colour: true).render(MatrixView(layer: Slide.oneDimensional()))
        #expect(text == (try Golden.text("slide-colour.txt", actual: text)))
    }

    /// The slides' 2-D layer is 1,200 × 784: at 100 columns it becomes a summary.
    @Test func wideMatrixBecomesASummary() throws {
        let text = try MatrixTextRenderer(maxWidth: 100).render(MatrixView(layer: Slide.twoDimensional()))
        #expect(text == (try Golden.text("conv2d-summary-100.txt", actual: text)))
        #expect(text.hasSuffix(MatrixTextRenderer.summaryHint + "\n"))
        for line in text.split(separator: "\n") where line.contains("│") {
            #expect(line.count <= 100, "too wide: \(line)")
        }
    }

    @Test func blockIsPinned() throws {
        let layer = try Slide.oneDimensional()
        let text = try MatrixTextRenderer().renderBlock(layer.tiedMatrix(), j: 1, i: 2, input: layer.input, output: layer.output)
        #expect(text == (try Golden.text("slide-block-1-2.txt", actual: text)))
    }

    /// The default rendering of a maps view is the stored matrix's rendering, byte for byte.
    @Test(arguments: LayerCases.edges.prefix(15))
    func mapsViewRendersAsBefore(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.tiedMatrix()
        let values = Slide.values(tied.parameterCount)
        for entries in MatrixEntries.allCases {
            let renderer = MatrixTextRenderer(entries: entries)
            #expect(
                try renderer.render(MatrixView(layer: layer), values: values)
                    == renderer.render(tied, values: values, input: layer.input, output: layer.output))
        }
    }

    /// Colour adds escapes and nothing else.
    @Test(arguments: [UnitOrder.maps, .positions], MatrixEntries.allCases)
    func colourOnlyAddsEscapes(_ order: UnitOrder, _ entries: MatrixEntries) throws {
        let layer = try Slide.oneDimensional()
        let view = MatrixView(layer: layer, order: order)
        let values = Slide.values(18)
        let plain = try MatrixTextRenderer(entries: entries).render(view, values: values)
        let coloured = try MatrixTextRenderer(entries: entries, colour: true).render(view, values: values)
        #expect(coloured != plain)
        #expect(Slide.withoutEscapes(coloured) == plain)
    }

    /// A convolution keeps its colour in both orders: v₂₁ is always palette entry 2·2 + 0.
    @Test func blocksKeepTheirColourAcrossOrders() throws {
        let escape = "\u{1B}[38;5;\(TerminalColour.palette[2])mv₂₁"
        for order in UnitOrder.allCases {
            let text = try MatrixTextRenderer(colour: true).render(MatrixView(layer: Slide.oneDimensional(), order: order))
            #expect(text.components(separatedBy: escape).count - 1 == 12)
        }
    }

    @Test func narrowEnoughMatricesAreDrawnInFull() throws {
        let view = MatrixView(layer: try Slide.oneDimensional())
        let full = try MatrixTextRenderer().render(view)
        let widest = full.split(separator: "\n").map(\.count).max() ?? 0
        #expect(try MatrixTextRenderer(maxWidth: widest).render(view) == full)
        #expect(try MatrixTextRenderer(maxWidth: widest - 1).render(view).hasSuffix(MatrixTextRenderer.summaryHint + "\n"))
    }

    @Test func positionsSummaryCropsTheBlockMap() throws {
        let text = try MatrixTextRenderer(maxWidth: 80).render(MatrixView(layer: Slide.twoDimensional(), order: .positions))
        // Prose wraps with an indented continuation: unwrapped, the sentences read whole.
        let unwrapped = text.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("100 × 196 blocks of 12 × 4 (output positions × input positions)"))
        #expect(unwrapped.contains("block (1, 1) of Wᵀ in positions order: y(1,1) from x(1,1), 12 × 4 with 48 nonzeros"))
        #expect(text.contains("⋮"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
    }

    @Test func groupsLeaveEmptyBlocksInTheMap() throws {
        let layer = try Convolution(ConvolutionSpec(parsing: "Conv1d(4, 4, 3, groups=2)"), input: TensorShape(parsing: "4x40"))
        let text = try MatrixTextRenderer(maxWidth: 60).render(MatrixView(layer: layer))
        #expect(text.contains("y₁ │ 114 114   ·   ·"))
    }

    @Test func numericBlockShowsNumbers() throws {
        let layer = try Slide.oneDimensional()
        let text = try MatrixTextRenderer(entries: .numeric).renderBlock(
            layer.tiedMatrix(), j: 3, i: 1, values: Slide.values(18), input: layer.input, output: layer.output)
        // v₃₁ are parameters 12, 13, 14: values 2, 3, −3.
        #expect(text.contains("y₃(1) │     2     3    -3     ·     ·     ·"))
    }

    @Test func blockOutsideTheMatrixThrows() throws {
        let layer = try Slide.oneDimensional()
        #expect(throws: ConvMatrixError(.spec, field: "block", reason: "4,1 is outside the 3 × 2 blocks of Wᵀ")) {
            try MatrixTextRenderer().renderBlock(layer.tiedMatrix(), j: 4, i: 1, input: layer.input, output: layer.output)
        }
        #expect(throws: ConvMatrixError.self) {
            try MatrixTextRenderer().renderBlock(layer.tiedMatrix(), j: 1, i: 0, input: layer.input, output: layer.output)
        }
    }

    @Test func numericEntriesNeedOneValuePerParameter() throws {
        let view = MatrixView(layer: try Slide.oneDimensional())
        #expect(throws: ConvMatrixError(.shape, field: "values", reason: "numeric entries need the 18 weight values of the layer")) {
            try MatrixTextRenderer(entries: .numeric).render(view)
        }
        #expect(throws: ConvMatrixError(.shape, field: "values", reason: "3 values for a matrix of 18 weight parameters")) {
            try MatrixTextRenderer(entries: .numeric).render(view, values: [1, 2, 3])
        }
        #expect(throws: ConvMatrixError.self) { try MatrixTextRenderer(maxWidth: 0).render(view) }
    }
}
