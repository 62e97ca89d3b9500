import Foundation
import Testing

/// `convmat check NETWORK`, as a user runs it.
@Suite struct CheckNetworkCommandTests {
    /// One line per layer, the network checks, and a verdict.
    @Test func textHasALinePerLayerAndTheNetworkChecks() throws {
        let result = try CLI.run(["check", "resnet-basic-block"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        for layer in ["block.conv1", "block.ReLU_1", "block.conv2", "ReLU_1"] {
            #expect(lines.contains { $0.first == layer && $0.contains("passed") }, "\(layer)")
        }
        for check in ["∂E/∂x", "∂E/∂θ"] { #expect(lines.contains { $0.first == check && $0.last == "passed" }, "\(check)") }
        #expect(result.stdout.hasSuffix("verdict: passed — 4 layers and 3 network checks passed\n"))
    }

    /// `check`'s keys, with the network's name, its checks, and one check document per layer.
    @Test func jsonIsChecksDocumentWithLayers() throws {
        let result = try CLI.run(["check", "dna-string-kernel", "--input", "4x9", "--seed", "3", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(
            Set(document.keys) == ["version", "spec", "network", "input_shape", "seed", "input_dependent", "x", "data", "passed", "checks", "layers"])
        #expect(document["network"] as? String == "dna-string-kernel" && document["spec"] is NSNull && document["seed"] as? Int == 3)
        #expect(document["input_shape"] as? [Int] == [4, 9] && (document["x"] as? [Double])?.count == 36)
        let checks = try #require(document["checks"] as? [[String: Any]])
        #expect(checks.map { $0["name"] as? String } == ["∂E/∂x", "∂E/∂θ motifs"])
        #expect(checks.allSatisfy { $0["tolerance"] as? Double == 0 && $0["passed"] as? Bool == true })
        let layers = try #require(document["layers"] as? [[String: Any]])
        #expect(layers.map { $0["name"] as? String } == ["motifs", "GlobalSumPool_1"])
        #expect(layers.allSatisfy { Set($0.keys) == ["name", "version", "spec", "input_shape", "seed", "input_dependent", "x", "passed", "checks"] })
    }

    /// A network file from a path is checked like a shipped one.
    @Test func aNetworkFileIsChecked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).net").path
        try "input 2x6\nc: Conv1d(2, 3, 3)\nTanh()\nFlatten()\nLinear(12, 2)\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["check", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("∂E/∂θ c"))
    }
}
