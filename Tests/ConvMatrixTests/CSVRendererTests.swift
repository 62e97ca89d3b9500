import Testing

@testable import ConvMatrix

/// CSV: the slide pinned, and every layer read back with an independent RFC 4180 reader.
@Suite struct CSVRendererTests {
    @Test func slideIsPinned() throws {
        let csv = try CSVRenderer().render(MatrixView(layer: Slide.oneDimensional()))
        #expect(csv == (try Golden.text("slide.csv", actual: csv)))
    }

    static let cases =
        LayerCases.edges.filter { (try? $0.layer().tiedMatrix().entryCount) ?? .max <= 5_000 }
        + [
            LayerCase(spec: "Conv1d(1, 1, 5, padding=3, padding_mode='circular', bias=False)", input: "1x3"),
            LayerCase(spec: "Conv1d(1, 12, 3)", input: "1x5"),
            LayerCase(spec: "Conv2d(1, 2, (3, 11))", input: "1x3x12"),
        ]

    /// Header, labels and every symbolic entry, cell by cell against the terms.
    @Test(arguments: cases, UnitOrder.allCases)
    func symbolicCellsReadBack(_ layerCase: LayerCase, _ order: UnitOrder) throws {
        let view = MatrixView(layer: try layerCase.layer(), order: order)
        let t = view.tied
        let records = try CSVReader.records(try CSVRenderer().render(view))
        try #require(records.count == t.rows + 1)
        #expect(records[0] == ["unit"] + (0..<t.columns).map { view.columnUnit($0).plain })
        let notation = t.notation
        for r in 0..<t.rows {
            let record = records[r + 1]
            try #require(record.count == t.columns + 1, "record \(r + 2) has \(record.count) fields")
            #expect(record[0] == view.rowUnit(r).plain)
            for c in 0..<t.columns {
                let names = t.terms(row: r, column: c).map { notation.latex(t.parameters[$0.parameter]) }
                #expect(record[c + 1] == (names.isEmpty ? "0" : names.joined(separator: "+")), "entry (\(r + 1), \(c + 1))")
            }
        }
    }

    /// Numbers read back to the very Doubles of the dense matrix.
    @Test(arguments: cases.prefix(12))
    func numericCellsReadBackExactly(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.tiedMatrix()
        var generator = SplitMix64(seed: 11)
        let values = generator.vector(tied.parameterCount)
        let records = try CSVReader.records(try CSVRenderer(entries: .numeric).render(MatrixView(layer: layer), values: values))
        let dense = tied.dense(parameters: values)
        for r in 0..<tied.rows {
            for c in 0..<tied.columns {
                #expect(Double(records[r + 1][c + 1]) == dense[r, c], "entry (\(r + 1), \(c + 1))")
            }
        }
    }

    /// Two-digit indices separate with commas, so those names are quoted.
    @Test func namesWithCommasAreQuoted() throws {
        let layer = try Convolution(ConvolutionSpec(parsing: "Conv1d(1, 12, 3)"), input: TensorShape(parsing: "1x5"))
        let csv = try CSVRenderer().render(MatrixView(layer: layer))
        #expect(csv.contains("\r\ny12(1),\"v_{12,1}^{1}\",\"v_{12,1}^{2}\",\"v_{12,1}^{3}\",0,0\r\n"))
    }

    @Test func fieldsAreQuotedAsRFC4180Says() {
        #expect(CSVRenderer.field("v_{11}^{1}") == "v_{11}^{1}")
        #expect(CSVRenderer.field("x1(2,3)") == "\"x1(2,3)\"")
        #expect(CSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRenderer.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVRenderer.field("lf\nonly") == "\"lf\nonly\"")
    }

    @Test func readerHandlesWhatTheWriterQuotes() throws {
        let text = CSVRenderer.record(["a,b", "say \"hi\"", "two\r\nlines", ""]) + CSVRenderer.record(["plain"])
        #expect(try CSVReader.records(text) == [["a,b", "say \"hi\"", "two\r\nlines", ""], ["plain"]])
    }

    @Test func numericEntriesNeedValues() throws {
        #expect(throws: ConvMatrixError.self) { try CSVRenderer(entries: .numeric).render(MatrixView(layer: Slide.oneDimensional())) }
    }
}
