import Testing

@testable import ConvMatrix

/// Markdown: the slide pinned, and the table's shape read back.
@Suite struct MarkdownRendererTests {
    @Test func slideIsPinned() throws {
        let table = try MarkdownRenderer().render(MatrixView(layer: Slide.oneDimensional()))
        #expect(table == (try Golden.text("slide.md", actual: table)))
    }

    /// The cells of a table row between its outer pipes.
    static func cells(_ line: Substring) -> [String] {
        line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
    }

    @Test(arguments: [UnitOrder.maps, .positions], MarkdownRenderer.Labels.allCases)
    func everyRowHasALabelAndOneCellPerColumn(_ order: UnitOrder, _ labels: MarkdownRenderer.Labels) throws {
        let layer = try Convolution(ConvolutionSpec(parsing: "Conv2d(2, 2, 2, padding=1, padding_mode='circular')"), input: TensorShape(parsing: "2x2x3"))
        let view = MatrixView(layer: layer, order: order)
        let lines = try MarkdownRenderer(labels: labels, zeros: .dot).render(view).split(separator: "\n")
        try #require(lines.count == view.tied.rows + 2)
        for line in lines {
            #expect(line.hasPrefix("| ") && line.hasSuffix(" |"))
            #expect(Self.cells(line).count == view.tied.columns + 1, "\(line)")
        }
        let header = Self.cells(lines[0])
        let first = labels == .unicode ? view.columnUnit(0).unicode : "$" + view.columnUnit(0).latex + "$"
        #expect(header[1] == first)
        let notation = view.tied.notation
        for r in 0..<view.tied.rows {
            let row = Self.cells(lines[r + 2])
            for c in 0..<view.tied.columns {
                let names = view.tied.terms(row: r, column: c).map { notation.latex(view.tied.parameters[$0.parameter]) }
                #expect(row[c + 1] == (names.isEmpty ? "·" : "$" + names.joined(separator: " + ") + "$"))
            }
        }
    }

    @Test func numbersAreRightAlignedAndPlain() throws {
        let table = try MarkdownRenderer(entries: .numeric).render(MatrixView(layer: Slide.oneDimensional()), values: Slide.values(18))
        let lines = table.split(separator: "\n")
        #expect(lines[1].hasPrefix("| :-- | --: |"))
        #expect(Self.cells(lines[2]).prefix(4) == ["y₁(1)", "-3", "-2", "-1"])
    }
}
