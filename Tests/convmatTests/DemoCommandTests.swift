import Foundation
import Testing

@Suite struct DemoCommandTests {
    /// The slide demo, pinned: a reviewer read it once; any change shows up here.
    @Test func slideDemoIsPinned() throws {
        let result = try CLI.run(["demo"])
        #expect(result.status == 0)
        #expect(result.stdout == (try CLI.golden("demo-slide.txt", actual: result.stdout)))
    }

    @Test func slideDemoShowsTheSlidesCountsAndAgreement() throws {
        let text = try CLI.run(["demo", "slide"]).stdout
        #expect(text.contains("W has 144 entries, 72 structural nonzeros, but only 18 effective parameters"))
        #expect(text.components(separatedBy: "max |").count == 4)
        #expect(!text.contains("difference| = 1") && !text.contains("− z| = 1"))
    }

    @Test func listNamesEveryDemo() throws {
        let result = try CLI.run(["demo", "--list"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("slide"))
    }

    /// README's teaser is the real output of `convmat demo slide` (regenerate with `make readme`).
    @Test func readmeTeaserIsCurrent() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let demo = try CLI.run(["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]).stdout
        let start = try #require(readme.range(of: "<!-- teaser: convmat show 'Conv1d(2, 3, kernel_size=3, bias=False)' --input 2x6 -->\n```text\n"))
        let end = try #require(readme.range(of: "```\n<!-- /teaser -->", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == demo, "README teaser is stale: run make readme")
    }
}
