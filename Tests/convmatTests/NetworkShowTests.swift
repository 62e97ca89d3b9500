import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `convmat show NETWORK`, as a user runs it: the table, --layer, --product, the SVG chain.
@Suite struct NetworkShowTests {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// H1 = 12·8·8 rows on 16·16 columns, 12·37² real taps (37 = 3 + 5·6 + 4 per dimension), 12·25 + 768 parameters.
    @Test func tablePrintsOneLinePerLayer() throws {
        let result = try CLI.run(["show", "lenet1989"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.contains(["H1", "Conv2d", "1x16x16", "12x8x8", "768", "×", "256", "16,428", "1,068"]))
        #expect(lines.contains(["H3", "Linear", "192", "30", "30", "×", "192", "5,760", "5,790"]))
        #expect(lines.contains(["total", "9,760"]))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func tableJSONHasExactlyTheIssuesKeys() throws {
        let document = try json(["show", "lenet1989", "--format", "json"])
        #expect(Set(document.keys) == ["version", "spec", "network", "input_shape", "output_shape", "layers"])
        #expect(document["version"] as? Int == 1 && document["spec"] is NSNull && document["output_shape"] as? [Int] == [10])
        let layers = try #require(document["layers"] as? [[String: Any]])
        #expect(layers.count == 9)
        let keys: Set<String> = ["name", "kind", "spec", "input_shape", "output_shape", "rows", "cols", "nonzeros", "parameters"]
        #expect(layers.allSatisfy { Set($0.keys) == keys })
        #expect(layers.map { $0["parameters"] as? Int ?? -1 }.reduce(0, +) == 9_760)
    }

    /// AlexNet's table from the geometry, in seconds; its conv1 (the sparse path, exercised on the
    /// release binary by `make test-release`) is refused in one line when even the compressed form
    /// does not fit the memory given.
    @Test func alexnetsTableWorksAndItsConv1IsSized() throws {
        let table = try CLI.run(["show", "alexnet"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("290,400 × 154,587") && table.stdout.contains("60,965,224"))
        let refused = try CLI.run(["show", "alexnet", "--layer", "conv1", "--max-memory", "100M"])
        #expect(refused.status == 2 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("convmat: error: max-memory: ") && refused.stderr.split(separator: "\n").count == 1)
    }

    /// --layer H1 shows the same matrix `show SPEC` shows, with the network's weights.
    @Test func layerIsShownAsItsSpecIs() throws {
        let layer = try json(["show", "lenet1989", "--layer", "H1", "--format", "json"])
        let spec = try #require(layer["spec"] as? String)
        let alone = try json(["show", spec, "--input", "1x16x16", "--format", "json"])
        #expect(Set(layer.keys) == Set(alone.keys))
        #expect((layer["terms"] as? [[Int]]) == (alone["terms"] as? [[Int]]))
        #expect(layer["weight"] as? [[[[Double]]]] != nil)
    }

    /// An input-dependent layer at the input the forward pass gives it: another x, another J.
    @Test func inputDependentLayerFollowsTheNetworksX() throws {
        let one = try json(["show", "lenet1989", "--layer", "ScaledTanh_2", "--format", "json"])
        let two = try json(["show", "lenet1989", "--layer", "ScaledTanh_2", "--format", "json", "--x-seed", "2"])
        let x1 = try #require(one["x"] as? [Double])
        #expect(x1.count == 192 && one["input_dependent"] as? Bool == true)
        #expect(x1 != (two["x"] as? [Double]))
    }

    /// --product adds a single layer's keys; xception-block's saving is a key and a line.
    @Test func productJSONAddsTheLayerKeys() throws {
        let document = try json(["show", "xception-block", "--product", "--format", "json"])
        let layerKeys = try json(["show", "Conv1d(1, 1, 3)", "--input", "1x4", "--format", "json"]).keys
        #expect(Set(layerKeys).isSubset(of: Set(document.keys)))
        #expect(document["kind"] as? String == "Product" && document["rows"] as? Int == 8 * 4 * 4 && document["cols"] as? Int == 4 * 8 * 8)
        let separable = try #require(document["separable"] as? [[String: Any]])
        #expect(separable.first?["parameters"] as? Int == 80 && separable.first?["full_parameters"] as? Int == 296)
        let text = try CLI.run(["show", "xception-block", "--product"])
        #expect(text.status == 0 && text.stdout.contains("separable: block.depthwise + block.pointwise = 80 parameters, against 296"))
    }

    /// A linear network's product is one matrix whatever x: --x-seed is refused on its field.
    @Test func linearProductRefusesAPoint() throws {
        let result = try CLI.run(["show", "dna-string-kernel", "--input", "4x6", "--product", "--x-seed", "3"])
        #expect(result.status == 2 && result.stderr.hasPrefix("convmat: error: x-seed: "))
        let product = try json(["show", "dna-string-kernel", "--input", "4x6", "--product", "--format", "json"])
        #expect(product["input_dependent"] as? Bool == false && (product["offset"] as? [Double])?.count == 8)
    }

    /// The chain: well-formed XML, one `<g class="layer">` per layer.
    @Test func svgDrawsOnePanelPerLayer() throws {
        let result = try CLI.run(["show", "inception-module", "--format", "svg"])
        #expect(result.status == 0)
        final class Panels: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
            ) {
                if name == "g", attributes["class"] == "layer" { names.append(attributes["data-name"] ?? "") }
            }
        }
        let parser = XMLParser(data: Data(result.stdout.utf8))
        let panels = Panels()
        parser.delegate = panels
        #expect(parser.parse())
        #expect(panels.names.count == 13 && panels.names.first == "inception.b1.Conv2d_1")
    }
}
