import Testing

@testable import ConvMatrix

/// What the SVG of Wᵀ says, read back through an XML parser: every picture is
/// XML, every recurrence of a parameter has one colour, blocks have distinct hues.
@Suite struct SvgRendererTests {
    @Test(arguments: SvgCases.all)
    func everyPictureIsXMLWithItsSize(_ svgCase: SvgCase) throws {
        let svg = try ParsedSvg(svgCase.render())
        let root = try #require(svg.root)
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        let width = try #require(root.integer("width")), height = try #require(root.integer("height"))
        #expect(root.attributes["viewBox"] == "0 0 \(width) \(height)")
        #expect(svg.texts.first?.hasPrefix("Conv") == true, "the title comes first")
    }

    /// Each parameter of the slide's Wᵀ fills its 4 entries with one colour, no two
    /// parameters share a colour, and structural zeros are white.
    @Test func everyRecurrenceOfAParameterHasOneColour() throws {
        let tied = try SvgCases.slide.layer().tiedMatrix()
        let grid = try SvgCellGrid(ParsedSvg(SvgCase(layer: SvgCases.slide, style: .sharing).render()), rows: 12, columns: 12)
        var fillsOfParameter: [Int: Set<String>] = [:]
        for r in 0..<12 {
            for c in 0..<12 {
                let terms = tied.terms(row: r, column: c)
                if terms.isEmpty {
                    #expect(grid.fills[r][c] == nil, "structural zero (\(r + 1), \(c + 1)) is drawn")
                } else {
                    fillsOfParameter[terms[0].parameter, default: []].insert(try #require(grid.fills[r][c]))
                }
            }
        }
        #expect(fillsOfParameter.count == 18)
        for (p, fills) in fillsOfParameter {
            #expect(fills.count == 1, "\(tied.notation.latex(tied.parameters[p])) is drawn in \(fills.sorted())")
        }
        #expect(Set(fillsOfParameter.values.compactMap(\.first)).count == 18, "two parameters share a colour")
    }

    /// Hue is the block: the three taps of v_{ji} share a hue, get lighter from
    /// tap 1 to 3, and the six blocks' hues are at least 20° apart.
    @Test func hueIsTheBlockAndLightnessTheTap() throws {
        let tied = try SvgCases.slide.layer().tiedMatrix()
        let grid = try SvgCellGrid(ParsedSvg(SvgCase(layer: SvgCases.slide, style: .sharing).render()), rows: 12, columns: 12)
        var blockHues: [Double] = []
        for j in 0..<3 {
            for i in 0..<2 {
                // Row 1 of block (j, i) starts with taps 1, 2, 3.
                let colours = try (0..<3).map { t in try #require(HexColour(grid.fills[j * 4][i * 6 + t])) }
                #expect(
                    tied.terms(row: j * 4, column: i * 6).first.map { tied.parameters[$0.parameter] }
                        == ParameterName(outputMap: j + 1, inputMap: i + 1, tap: [1]))
                #expect(colours.allSatisfy { HexColour.hueDistance($0.hue, colours[0].hue) < 3 }, "block (\(j + 1), \(i + 1))")
                #expect(colours[0].lightness < colours[1].lightness && colours[1].lightness < colours[2].lightness)
                blockHues.append(colours[0].hue)
            }
        }
        for a in blockHues.indices {
            for b in blockHues.indices where a < b {
                #expect(HexColour.hueDistance(blockHues[a], blockHues[b]) >= 20, "blocks \(a) and \(b): \(blockHues)")
            }
        }
    }

    /// Conv1d(1, 1, 5) on 3 circular units: the 10 entries that sum two taps are
    /// hatched, the legend says so, and the other 5 have their tap's colour.
    @Test func entriesThatSumParametersAreHatched() throws {
        let tied = try SvgCases.circular.layer().tiedMatrix()
        let svg = try ParsedSvg(SvgCase(layer: SvgCases.circular, style: .sharing).render())
        let grid = try SvgCellGrid(svg, rows: 5, columns: 3)
        for r in 0..<5 {
            for c in 0..<3 {
                let summed = tied.terms(row: r, column: c).count > 1
                #expect((grid.fills[r][c] == "url(#summed)") == summed, "entry (\(r + 1), \(c + 1))")
            }
        }
        #expect(svg.elements("pattern").map { $0.attributes["id"] } == ["summed"])
        #expect(svg.texts.contains { $0.contains("entry sums several parameters (10 entries), e.g. v₁₁¹ + v₁₁⁴") })
    }

    /// groups=2: the blocks between an output map and the other group's inputs stay white.
    @Test func groupsLeaveOtherGroupsBlocksWhite() throws {
        let grid = try SvgCellGrid(ParsedSvg(SvgCase(layer: SvgCases.grouped, style: .sharing).render()), rows: 30, columns: 28)
        for r in 0..<30 {
            for c in 0..<28 where (r / 5 < 3) != (c / 7 < 2) {
                #expect(grid.fills[r][c] == nil, "entry (\(r + 1), \(c + 1)) lies in another group's block")
            }
        }
    }

    /// Integer values −3…3: the extremes take the ends of the scale, zeros of the
    /// values are white and nonzero entries with equal values share a colour.
    @Test func numbersUseASymmetricDivergingScale() throws {
        let svgCase = SvgCase(layer: SvgCases.slide, style: .numeric)
        let tied = try SvgCases.slide.layer().tiedMatrix()
        guard case .numeric(let values) = svgCase.rendererStyle(parameters: tied.parameterCount) else { return }
        let dense = tied.dense(parameters: values)
        let scale = dense.rowMajor.map(abs).max() ?? 1
        let svg = try ParsedSvg(svgCase.render())
        let grid = try SvgCellGrid(svg, rows: 12, columns: 12)
        var fillOfValue: [Double: String] = [:]
        for r in 0..<12 {
            for c in 0..<12 where !tied.terms(row: r, column: c).isEmpty {
                let fill = try #require(grid.fills[r][c])
                #expect(fillOfValue[dense[r, c], default: fill] == fill, "value \(dense[r, c]) has two colours")
                fillOfValue[dense[r, c]] = fill
            }
        }
        #expect(fillOfValue[scale] != nil || fillOfValue[-scale] != nil, "no entry at the end of the scale")
        #expect(fillOfValue[scale] == nil || fillOfValue[scale] == "#b2182b")
        #expect(fillOfValue[-scale] == nil || fillOfValue[-scale] == "#2166ac")
        #expect(fillOfValue[0] == nil || fillOfValue[0] == "#ffffff")
        let legendTexts = svg.elements("text").filter { !$0.groups.contains("labels") }.map(\.text)
        let bar = legendTexts.filter { ["-\(Int(scale))", "0", "\(Int(scale))"].contains($0) }
        #expect(bar.count == 3, "colour bar labels \(svg.texts)")
    }

    @Test func spyIsBlackOnWhite() throws {
        let tied = try SvgCases.slide.layer().tiedMatrix()
        let grid = try SvgCellGrid(ParsedSvg(SvgCase(layer: SvgCases.slide, style: .spy).render()), rows: 12, columns: 12)
        for r in 0..<12 {
            for c in 0..<12 {
                #expect(grid.fills[r][c] == (tied.terms(row: r, column: c).isEmpty ? nil : "#000"))
            }
        }
    }

    @Test func axesNameTheMapsOneBased() throws {
        let texts = try ParsedSvg(SvgCase(layer: SvgCases.slide, style: .sharing).render()).texts
        for label in ["input map 1", "input map 2", "output map 1", "output map 2", "output map 3"] {
            #expect(texts.contains(label), "missing \(label)")
        }
        #expect(!texts.contains("input map 0") && !texts.contains("output map 4"))
    }

    @Test func textIsEscaped() throws {
        let title = "<Conv & \"quotes\" 'too'>"
        let svg = try SvgRenderer().render(SvgCases.slide.layer().tiedMatrix(), title: title)
        #expect(try ParsedSvg(svg).texts.first == title)
    }

    @Test func callersMistakesThrow() throws {
        let tied = try SvgCases.slide.layer().tiedMatrix()
        #expect(throws: ConvMatrixError.self) { try SvgRenderer(style: .numeric(values: [1, 2])).render(tied) }
        #expect(throws: ConvMatrixError.self) {
            try SvgRenderer(style: .numeric(values: Array(repeating: .nan, count: 18))).render(tied)
        }
        #expect(throws: ConvMatrixError.self) { try SvgRenderer(cellSize: 0) }
        #expect(throws: ConvMatrixError.self) { try SvgRenderer(binningThreshold: 2) }
        #expect(throws: ConvMatrixError.self) { try SvgRenderer(binningThreshold: 100_000) }
        let empty = TiedMatrix(rows: 0, columns: 3, rowBlockSize: 1, columnBlockSize: 3, parameters: [], terms: [])
        #expect(throws: ConvMatrixError.self) { try SvgRenderer().render(empty) }
    }
}
