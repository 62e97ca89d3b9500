import ConvMatrix
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `show --view kernels --format svg`: a well-formed picture of one row per output map,
/// for a layer SPEC and a network's layer, with given weights.
@Suite struct ShowKernelsTests {
    @Test func lenetH1HasTwelveRowsOfOneKernel() throws {
        let result = try CLI.run(["show", "lenet1989", "--layer", "H1", "--view", "kernels", "--format", "svg"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let parser = XMLParser(data: Data(result.stdout.utf8))
        #expect(parser.parse(), "well-formed SVG")
        #expect(result.stdout.contains(">j = 12<") && !result.stdout.contains(">j = 13<"))
        #expect(result.stdout.contains("columns: input maps i = 1"))
    }

    @Test func givenWeightsSetTheScale() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-kernels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let weight = directory.appendingPathComponent("w.npy").path
        // A 2×1×3 weight with largest |v| = 6.
        try NpyWriter.write(NpyWriter.float64([1, -2, 3, -4, 5, -6], shape: [2, 1, 3]), to: weight)
        let result = try CLI.run(["show", "Conv1d(1, 2, 3, bias=False)", "--input", "1x5", "--weight", weight, "--view", "kernels", "--format", "svg"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("|v| ≤ 6 over the layer"))
    }
}
