import ConvMatrix
import Foundation
import Testing

/// The explorer page (`show --format html`): self-contained, and its model is
/// exactly the terms and constants of `show --format json` grouped by entry.
struct HtmlPageTests {
    struct Model: Decodable {
        let rows: Int
        let cols: Int
        let entries: [[Int]]
        let entry_parameters: [[Int]]
        let entry_values: [Double]?
        let bins: Bins?
    }

    struct Bins: Decodable {
        let row_edges: [Int]
        let col_edges: [Int]
        let cells: [[Int]]
    }

    struct ShowDocument: Decodable {
        let rows: Int
        let terms: [[Double]]
        let constants: [[Double]]
        let matrix: [[Double]]?
    }

    static let layers: [(spec: String, input: String)] = [
        ("Conv2d(1, 2, 3, padding=1, padding_mode='circular')", "1x3x3"),
        ("ConvTranspose1d(2, 1, 3, stride=2)", "2x4"),
        ("AvgPool1d(2)", "2x6"),
        ("Conv1d(1, 2, 3)", "1x200"),
    ]

    static func page(_ spec: String, _ input: String, _ extra: [String] = []) throws -> String {
        let result = try CLI.run(["show", spec, "--input", input, "--format", "html"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func model(ofPage page: String) throws -> Model {
        let json = try #require(HtmlRenderer.model(inPage: page))
        return try JSONDecoder().decode(Model.self, from: Data(json.utf8))
    }

    @Test(arguments: layers)
    func modelEntriesAreShowsTermsAndConstants(_ layer: (spec: String, input: String)) throws {
        let model = try Self.model(ofPage: try Self.page(layer.spec, layer.input))
        let json = try CLI.run(["show", layer.spec, "--input", layer.input, "--format", "json"])
        let document = try JSONDecoder().decode(ShowDocument.self, from: Data(json.stdout.utf8))
        var expected: [[Int]: Set<Int>] = [:]
        for term in document.terms { expected[[Int(term[0]), Int(term[1])], default: []].insert(Int(term[2])) }
        for constant in document.constants { expected[[Int(constant[0]), Int(constant[1])], default: []].formUnion([]) }
        var drawn: [[Int]: Set<Int>] = [:]
        for (k, entry) in model.entries.enumerated() { drawn[entry] = Set(model.entry_parameters[k]) }
        #expect(model.entries.count == drawn.count, "an entry is listed twice")
        #expect(drawn == expected)
        #expect(model.rows == document.rows)
    }

    @Test func numericEntriesCarryShowsValues() throws {
        let spec = "Conv1d(1, 1, 3, padding=1, padding_mode='reflect')"
        let model = try Self.model(ofPage: try Self.page(spec, "1x5", ["--entries", "numeric", "--seed", "3"]))
        let json = try CLI.run(["show", spec, "--input", "1x5", "--format", "json", "--seed", "3"])
        let matrix = try #require(try JSONDecoder().decode(ShowDocument.self, from: Data(json.stdout.utf8)).matrix)
        let values = try #require(model.entry_values)
        for (k, entry) in model.entries.enumerated() {
            #expect(abs(values[k] - matrix[entry[0]][entry[1]]) <= 1e-12 * max(1, abs(matrix[entry[0]][entry[1]])))
        }
        #expect(try Self.model(ofPage: try Self.page(spec, "1x5")).entry_values == nil)
    }

    @Test func bigMatricesAreBinnedWithinBlocks() throws {
        let model = try Self.model(ofPage: try Self.page("Conv2d(4, 12, 5)", "4x14x14"))
        let bins = try #require(model.bins)
        #expect(bins.row_edges.first == 0 && bins.row_edges.last == model.rows)
        #expect(bins.col_edges.first == 0 && bins.col_edges.last == model.cols)
        #expect(bins.row_edges.contains(100) && bins.col_edges.contains(196), "a bin straddles a block border")
        let occupied = Set(
            model.entries.map { entry in
                [bins.row_edges.lastIndex { $0 <= entry[0] } ?? -1, bins.col_edges.lastIndex { $0 <= entry[1] } ?? -1]
            })
        #expect(Set(bins.cells) == occupied)
        #expect(try Self.model(ofPage: try Self.page("Conv1d(2, 3, 3)", "2x6")).bins == nil)
    }

    @Test func thePageNeedsNoNetwork() throws {
        // The SVG namespace is a name, not an address that is fetched.
        let page = try Self.page("Conv1d(2, 3, 3)", "2x6").replacingOccurrences(of: "\"http://www.w3.org/2000/svg\"", with: "")
        for reference in ["<script src", "<link", "http://", "https://", "@import", "url("] {
            #expect(!page.contains(reference), "the page refers to \(reference)")
        }
        #expect(page.contains("id=\"matrix\"") && page.contains("id=\"entry-info\"") && page.contains("id=\"play\""))
    }

    @Test func aTitleCannotCloseTheScript() throws {
        let layer = try LayerRegistry.layer(parsing: "Conv1d(1, 1, 3)", input: TensorShape(parsing: "1x4"))
        let weighted = try WeightedForm(layer, weights: LayerWeights.pytorchDefault(for: layer, seed: 1))
        let page = try HtmlRenderer().render(weighted, title: "</script><script>alert(1)</script>")
        #expect(!page.contains("<script>alert"))
        #expect(HtmlRenderer.model(inPage: page) != nil)
    }
}
