import Foundation
import Testing

@testable import ConvMatrix

/// Every spec example in docs/ (each line of a ```spec block) parses, and prints
/// back to a spec that parses to the same layer.
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
    func exampleParsesAndRoundTrips(_ text: String) throws {
        let spec = try ConvolutionSpec(parsing: text)
        #expect(try ConvolutionSpec(parsing: spec.canonical) == spec)
    }
}
