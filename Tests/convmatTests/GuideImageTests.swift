import Foundation
import Testing

/// The pictures in docs/guide/images are golden files that the guide's own pages
/// produce: each picture is made by a line of a page reading
/// `convmat ARGS --output docs/guide/images/NAME.svg` (run from the package root).
/// The test runs `convmat ARGS` and compares its stdout with the stored file; with
/// CONVMAT_UPDATE_GOLDEN=1 (`make docs-images`) it rewrites the file first.
@Suite struct GuideImageTests {
    struct Figure: CustomTestStringConvertible, Sendable {
        let page: String
        let name: String
        let arguments: [String]
        var testDescription: String { "\(page): \(name)" }
    }

    static let guide = CLI.packageRoot.appendingPathComponent("docs/guide")
    static let images = guide.appendingPathComponent("images")
    static let outputPrefix = "docs/guide/images/"
    /// Each picture stays small enough to read on a code host and to diff.
    static let maximumBytes = 200_000

    static var pages: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: guide.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted()
    }

    static func text(of page: String) -> String {
        (try? String(contentsOf: guide.appendingPathComponent(page), encoding: .utf8)) ?? ""
    }

    /// Every `convmat … --output docs/guide/images/NAME.svg` line of every page.
    static var figures: [Figure] {
        pages.flatMap { page in
            text(of: page).split(separator: "\n").compactMap { line -> Figure? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("convmat "), let words = DocsCommandTests.shellWords(trimmed),
                    words.count >= 3, words[words.count - 2] == "--output", words[words.count - 1].hasPrefix(outputPrefix)
                else { return nil }
                let name = String(words[words.count - 1].dropFirst(outputPrefix.count))
                return Figure(page: page, name: name, arguments: Array(words.dropFirst().dropLast(2)))
            }
        }
    }

    /// The pictures a page shows: every `](images/NAME.svg)`.
    static func shownImages(in page: String) -> [String] {
        text(of: page).components(separatedBy: "](images/").dropFirst().compactMap { rest in
            rest.split(separator: ")", maxSplits: 1).first.map(String.init)
        }
    }

    @Test(arguments: figures)
    func guideImagesAreCurrent(_ figure: Figure) throws {
        let result = try CLI.run(figure.arguments)
        #expect(result.status == 0, "\(figure.page): \(result.stderr)")
        let url = Self.images.appendingPathComponent(figure.name)
        if ProcessInfo.processInfo.environment["CONVMAT_UPDATE_GOLDEN"] == "1", result.status == 0 {
            try FileManager.default.createDirectory(at: Self.images, withIntermediateDirectories: true)
            try result.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        let isCurrent = stored == result.stdout
        #expect(isCurrent, "docs/guide/images/\(figure.name) is stale: regenerate with make docs-images")
        #expect(stored.utf8.count < Self.maximumBytes, "docs/guide/images/\(figure.name) has \(stored.utf8.count) bytes")
    }

    /// Each picture a page shows is made by a command of the guide, and each stored picture is shown.
    @Test func everyPictureHasItsCommandAndIsShown() throws {
        let made = Set(Self.figures.map(\.name))
        let shown = Self.pages.flatMap { page in Self.shownImages(in: page).map { (page, $0) } }
        #expect(!shown.isEmpty)
        for (page, name) in shown { #expect(made.contains(name), "\(page) shows images/\(name), which no convmat … --output line makes") }
        let stored = try FileManager.default.contentsOfDirectory(atPath: Self.images.path).filter { $0.hasSuffix(".svg") }
        let shownNames = Set(shown.map(\.1))
        for name in stored { #expect(shownNames.contains(name), "docs/guide/images/\(name) is shown by no page") }
    }
}
