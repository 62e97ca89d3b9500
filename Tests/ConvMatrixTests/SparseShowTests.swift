import Foundation
import Testing

@testable import ConvMatrix

/// `show` from the compressed form: the streamed JSON is the terms path's document
/// (with `matrix` and `tie` null, as they are above 4,000,000 entries, where the
/// sparse path starts), and the spy's cells count the structural nonzeros the
/// terms and constants reach.
@Suite struct SparseShowTests {
    static let cases = SparsePathTests.cases

    @Test(arguments: cases)
    func streamedJSONIsTheTermsPathsDocument(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let weights = LayerWeights.integers(for: layer, seed: 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let terms = try encoder.encode(ShowReport(layer: try WeightedForm(layer, weights: weights)))
        let sparse = try SparseLayer(layer, weights: weights)
        let empty = String(decoding: try encoder.encode(ShowReport(sparse: sparse)), as: UTF8.self)
        let hole = try #require(empty.range(of: ShowReport.emptyTerms))
        var streamed = Array(empty[..<hole.lowerBound].utf8) + Array("\"terms\":[".utf8)
        try ShowReport.streamTerms(sparse.form.tied, chunkBytes: 64) { (chunk: [UInt8]) throws(ConvMatrixError) in streamed += chunk }
        streamed += Array("]".utf8) + Array(empty[hole.upperBound...].utf8)
        // A whole JSON document, with as many terms as the terms path's.
        let found = try #require(try JSONSerialization.jsonObject(with: Data(streamed)) as? [String: Any])
        #expect((found["terms"] as? [Any])?.count == layer.matrixForm().tied.terms.count)
        // Byte for byte, once the two dense keys (null from 4,000,000 entries on, where the sparse path starts) are cut out.
        let termsText = String(decoding: terms, as: UTF8.self)
        let streamedText = String(decoding: streamed, as: UTF8.self)
        #expect(Self.withoutDenseKeys(termsText) == Self.withoutDenseKeys(streamedText))
    }

    @Test(arguments: cases)
    func spyCellsCountTheStructuralNonzeros(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.matrixForm().tied
        let compressed = try CompressedMatrixForm(layer).tied
        let binSize = SvgAxis.binSize(for: [tied.rows, tied.columns], limit: 10)
        let rows = SvgAxis(count: tied.rows, blockSize: tied.rowBlockSize, binSize: binSize)
        let columns = SvgAxis(count: tied.columns, blockSize: tied.columnBlockSize, binSize: binSize)
        var expected = Array(repeating: 0, count: rows.cellCount * columns.cellCount)
        let reached = Set(tied.terms.map { [$0.row, $0.column] } + tied.constants.map { [$0.row, $0.column] })
        for entry in reached { expected[rows.cellOfEntry[entry[0]] * columns.cellCount + columns.cellOfEntry[entry[1]]] += 1 }
        let (counts, total) = SvgCompressedSpy.nonzeroCounts(compressed, rows: rows, columns: columns)
        #expect(counts == expected && total == tied.nonzeroCount, "\(layerCase.testDescription)")
        let svg = try SvgCompressedSpy(binningThreshold: 10).render(compressed, title: "t")
        #expect(svg.hasPrefix("<?xml") && svg.contains("\(NumberFormat.count(tied.nonzeroCount)) nonzeros"))
    }

    /// The document with `"matrix":…,` and `"tie":…,` cut out.
    static func withoutDenseKeys(_ json: String) -> String {
        var text = json
        for key in ["\"matrix\":", "\"tie\":"] {
            guard let start = text.range(of: key) else { continue }
            var depth = 0
            var end = start.upperBound
            while end < text.endIndex {
                let c = text[end]
                if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == ",", depth == 0 { break }
                end = text.index(after: end)
            }
            text.removeSubrange(start.lowerBound...end)
        }
        return text
    }
}
