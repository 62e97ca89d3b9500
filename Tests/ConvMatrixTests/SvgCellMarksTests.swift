import Testing

@testable import ConvMatrix

/// What small pictures carry inside their cells: the entry's name or value, and
/// for unlabelled 2-D kernels a dot at the tap's place in the kernel.
@Suite struct SvgCellMarksTests {
    /// The frame of the first panel: its top-left corner.
    static func corner(_ svg: ParsedSvg) throws -> (x: Int, y: Int, width: Int, height: Int) {
        let frame = try #require(svg.elements.first { $0.attributes["class"] == "frame" })
        return (frame.integer("x") ?? 0, frame.integer("y") ?? 0, frame.integer("width") ?? 0, frame.integer("height") ?? 0)
    }

    /// Every nonzero of the slide's Wᵀ is labelled at its cell's centre with the
    /// name it holds (`sharing`) or its value (`numeric`), nothing else is.
    @Test(arguments: [false, true])
    func slideCellsAreLabelled(_ numeric: Bool) throws {
        let tied = try SvgCases.slide.layer().tiedMatrix()
        let values = Slide.values(18).map { $0 / 7 }
        let renderer = try SvgRenderer(style: numeric ? .numeric(values: values) : .sharing)
        let svg = try ParsedSvg(try renderer.render(tied, title: "slide"))
        let frame = try Self.corner(svg)
        let pixel = frame.width / 12
        let labels = svg.elements("text", in: "labels")
        #expect(labels.count == tied.nonzeroCount)
        let notation = tied.notation
        for label in labels {
            let column = ((label.integer("x") ?? 0) - frame.x) / pixel
            let row = ((label.integer("y") ?? 0) - frame.y) / pixel
            let terms = tied.terms(row: row, column: column)
            try #require(terms.count == 1, "a label at (\(row + 1), \(column + 1)), an entry with \(terms.count) terms")
            let expected =
                numeric ? NumberFormat.compact(values[terms[0].parameter], fractionDigits: 2) : notation.unicode(tied.parameters[terms[0].parameter])
            #expect(label.text == expected, "entry (\(row + 1), \(column + 1))")
        }
        #expect(SvgDocument.estimatedWidth(notation.unicode(tied.parameters[0]), size: SvgCellMarks.labelFont) <= pixel - 4)
    }

    /// Dark cells get white labels and light ones black: the contrast rule.
    @Test func labelsContrastWithTheirCells() {
        #expect(SvgCellMarks.contrast("#12355b") == "#fff")
        #expect(SvgCellMarks.contrast("#a6cdf2") == "#000")
        #expect(SvgCellMarks.contrast(SvgCellFill.summedFill) == nil)
    }

    /// Binned pictures and spy pictures carry no marks.
    @Test func largeAndSpyPicturesAreUnmarked() throws {
        let binned = try ParsedSvg(try SvgRenderer().render(try LayerCase(spec: "Conv2d(4, 12, 5)", input: "4x14x14").layer().tiedMatrix()))
        #expect(binned.elements("text", in: "labels").isEmpty && binned.elements("path", in: "taps").isEmpty)
        let spy = try ParsedSvg(try SvgRenderer(style: .spy).render(try SvgCases.slide.layer().tiedMatrix()))
        #expect(spy.elements("text", in: "labels").isEmpty)
    }

    /// Each entry of a 3 × 3 kernel's matrix has one dot, inside its own cell, in
    /// the square of the kernel grid where its tap (t₁, t₂) sits.
    @Test(arguments: [LayerCase(spec: "Conv2d(2, 2, 3, bias=False)", input: "2x5x5"), LayerCase(spec: "Conv3d(1, 2, 2)", input: "1x3x4x4")])
    func dotsSitWhereTheTapSitsInTheKernel(_ layerCase: LayerCase) throws {
        let tied = try layerCase.layer().tiedMatrix()
        let svg = try ParsedSvg(try SvgRenderer().render(tied))
        #expect(svg.elements("text", in: "labels").isEmpty, "the names are too wide to label these cells")
        let frame = try Self.corner(svg)
        let pixel = frame.width / tied.columns
        let kernel = try #require(tied.parameters.first?.tap).count
        let extent = tied.parameters.map { $0.tap[kernel - 1] }.max() ?? 1
        let sub = pixel / extent
        let run = /M([0-9]+) ([0-9]+)h([0-9]+)v([0-9]+)h-([0-9]+)z/
        var dots = 0
        for path in svg.elements("path", in: "taps") {
            for match in (path.attributes["d"] ?? "").matches(of: run) {
                let (x, y) = (Int(match.1) ?? -1, Int(match.2) ?? -1)
                let (column, row) = ((x - frame.x) / pixel, (y - frame.y) / pixel)
                let terms = tied.terms(row: row, column: column)
                try #require(terms.count == 1, "a dot at (\(row + 1), \(column + 1)), an entry with \(terms.count) terms")
                let tap = tied.parameters[terms[0].parameter].tap
                let inset = (pixel - sub * extent) / 2
                #expect((y - frame.y - row * pixel - inset) / sub == tap[kernel - 2] - 1, "row of the dot at (\(row + 1), \(column + 1))")
                #expect((x - frame.x - column * pixel - inset) / sub == tap[kernel - 1] - 1, "column of the dot at (\(row + 1), \(column + 1))")
                dots += 1
            }
        }
        #expect(dots == tied.nonzeroCount)
    }

    /// Many groups: the hues of the blocks that hold parameters are one strip, and
    /// the legend stays a few lines while the matrix is hundreds of pixels tall.
    @Test func manyGroupsGetACompactLegend() throws {
        let layer = try LayerCase(spec: "Conv2d(32, 32, 3, groups=32)", input: "32x6x6").layer()
        let svg = try ParsedSvg(try SvgRenderer().render(layer.tiedMatrix()))
        let frame = try Self.corner(svg)
        let height = try #require(svg.root?.integer("height"))
        let legend = height - (frame.y + frame.height)
        #expect(legend <= 140, "the legend is \(legend) px under a \(frame.height) px matrix")
        #expect(svg.texts.contains { $0.hasPrefix("the hues of the 32 blocks that hold parameters") })
    }
}
