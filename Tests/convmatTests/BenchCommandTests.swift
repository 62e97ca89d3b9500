import Foundation
import Testing

/// `convmat bench --quick`: well-formed figures. No timing is asserted: a
/// benchmark measures, a test checks the shape of what it reports.
@Suite struct BenchCommandTests {
    @Test func quickJSONHasEveryFigure() throws {
        let result = try CLI.run(["bench", "--quick", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "quick", "machine", "figures"])
        #expect(document["version"] as? Int == 1 && document["quick"] as? Bool == true)
        let machine = try #require(document["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) >= 1)
        #expect((machine["blas"] as? String)?.contains("OpenBLAS") == true)
        let figures = try #require(document["figures"] as? [[String: Any]])
        let keys: Set<String> = ["case", "name", "unit", "value", "bound_name", "bound_value", "ratio", "target", "peak_rss_bytes"]
        for figure in figures {
            #expect(Set(figure.keys) == keys)
            #expect((figure["value"] as? Double ?? -1) >= 0)
            #expect((figure["peak_rss_bytes"] as? Int ?? 0) > 0)
            if let bound = figure["bound_value"] as? Double, let value = figure["value"] as? Double, value > 0 {
                #expect(abs((figure["ratio"] as? Double ?? 0) - bound / value) <= 1e-12 * bound / value)
            } else {
                #expect(figure["ratio"] is NSNull)
            }
        }
        // Four layers in the quick set, four timed dense passes and figure 3's five each, and one check.
        let names = figures.compactMap { $0["name"] as? String }
        #expect(names.filter { $0 == "build" }.count == 4)
        let sparse: Set<String> = ["sparse-forward-256", "sparse-backward-256", "reference-forward-1", "density", "dense-flops"]
        #expect(Set(names) == Set(["build", "forward-256", "input-gradient-256", "weight-gradient-256", "check"]).union(sparse))
        for figure in figures where figure["name"] as? String == "density" {
            #expect(figure["unit"] as? String == "fraction" && (0...1).contains(figure["value"] as? Double ?? -1))
        }
        // The dense product does rows · columns multiplies, a direct convolution output units · fan-in: never fewer.
        for figure in figures where figure["name"] as? String == "dense-flops" { #expect((figure["value"] as? Double ?? 0) >= 1) }
        #expect(names.filter { $0 == "check" }.count == 1)
        let cases = Set(figures.compactMap { $0["case"] as? String })
        #expect(cases.contains("Conv2d(4, 12, kernel_size=5) on 4x14x14"))
    }
}
