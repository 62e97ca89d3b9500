import Foundation
import Testing

@testable import ConvMatrix

/// Every spec example in docs/ (each line of a ```spec block) parses, and prints
/// back to a spec that parses to the same layer. A line `SPEC  # input SHAPE`
/// binds a layer of any kind to that shape (through ``LayerRegistry``); a line
/// without one is a convolution spec on its own.
@Suite struct DocsExamplesTests {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    static var examples: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted().flatMap { file -> [String] in
            guard let text = try? String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8) else { return [] }
            var inBlock = false
            var lines: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") {
                    inBlock = line == "```spec"
                } else if inBlock, !line.isEmpty {
                    lines.append(String(line))
                }
            }
            return lines
        }
    }

    @Test func docsHaveSpecExamples() {
        #expect(Self.examples.count >= 15)
    }

    @Test(arguments: examples)
    func exampleParsesAndRoundTrips(_ line: String) throws {
        let parts = line.components(separatedBy: "  # input ")
        guard parts.count == 2 else {
            let spec = try ConvolutionSpec(parsing: line)
            #expect(try ConvolutionSpec(parsing: spec.canonical) == spec)
            return
        }
        let input = try TensorShape(parsing: parts[1])
        let layer = try LayerRegistry.layer(parsing: parts[0], input: input)
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: input)
        #expect(again.specDescription == layer.specDescription)
        #expect(again.output == layer.output)
        #expect(again.matrixForm().tied.terms == layer.matrixForm().tied.terms)
        #expect(again.matrixForm().tied.constants == layer.matrixForm().tied.constants)
    }
}
