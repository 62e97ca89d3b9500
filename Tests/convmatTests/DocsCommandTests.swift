import Foundation
import Testing

/// Every figure in docs/ comes from a command anyone can rerun: each fenced
/// ```text block whose first line is `$ convmat …` (in docs/ and below it, so
/// docs/guide/ too) is run, and its output
/// (stdout, or stderr when the command fails) must match the block. A line that
/// is only `…` stands for any number of lines left out.
@Suite struct DocsCommandTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let file: String
        let command: String
        let expected: [String]
        var testDescription: String { "\(file): \(command)" }
    }

    static var examples: [Example] {
        let docs = CLI.packageRoot.appendingPathComponent("docs")
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: docs.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted().flatMap { file -> [Example] in
            guard let text = try? String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8) else { return [] }
            var examples: [Example] = []
            var block: [String]? = nil
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line == "```text" {
                    block = []
                } else if line.hasPrefix("```"), let lines = block {
                    if let first = lines.first, first.hasPrefix("$ convmat ") {
                        examples.append(Example(file: file, command: String(first.dropFirst(2)), expected: Array(lines.dropFirst())))
                    }
                    block = nil
                } else {
                    block?.append(line)
                }
            }
            return examples
        }
    }

    @Test func docsHaveCommandExamples() {
        #expect(Self.examples.filter { $0.file == "spectrum.md" }.count >= 10)
        #expect(Self.examples.filter { $0.file.hasPrefix("guide/") }.count >= 14)
    }

    @Test(arguments: examples)
    func exampleOutputIsCurrent(_ example: Example) throws {
        let words = try #require(Self.shellWords(example.command))
        #expect(words.first == "convmat")
        let result = try CLI.run(Array(words.dropFirst()))
        let output = (result.status == 0 ? result.stdout : result.stderr).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Self.matches(example.expected, output.last == "" ? Array(output.dropLast()) : output),
            "docs/\(example.file) is stale for: \(example.command)\nactual output:\n\(output.joined(separator: "\n"))")
    }

    /// True when `actual` is `expected` with each `…` line standing for zero or more lines.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        guard let gap = expected.firstIndex(of: "…") else { return expected == actual }
        let head = Array(expected[..<gap]), tail = Array(expected[(gap + 1)...])
        guard actual.starts(with: head) else { return false }
        let rest = Array(actual.dropFirst(head.count))
        return (0...rest.count).contains { matches(tail, Array(rest.dropFirst($0))) }
    }

    /// Splits a command line as a POSIX shell would for words, 'single' and "double" quotes.
    static func shellWords(_ line: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character? = nil
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(ch)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if inWord { words.append(current) }
        return words
    }
}
