import Foundation
import Testing

/// `convmat networks` and `convmat count`, as a user runs them.
@Suite struct NetworkCommandTests {
    @Test func networksListsEveryShippedNetworkOnOneLine() throws {
        let result = try CLI.run(["networks"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        let names = lines.map { String($0.prefix { $0 != " " }) }
        #expect(names == ["lenet1989", "alexnet", "resnet-basic-block", "inception-module", "xception-block", "dna-string-kernel"])
        #expect(lines.allSatisfy { $0.count > 30 })
    }

    /// The text table holds LeCun's numbers (derived in NetworkCountTests) on their layers' lines.
    @Test func countPrintsLeCunsTable() throws {
        let result = try CLI.run(["count", "lenet1989"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.contains(["H1", "Conv2d", "768", "19,968", "1,068"]))
        #expect(lines.contains(["H2", "Conv2d", "192", "38,592", "2,592"]))
        #expect(lines.contains(["H3", "Linear", "30", "5,790", "5,790"]))
        #expect(lines.contains(["output", "Linear", "10", "310", "310"]))
        #expect(lines.contains(["total", "1,000", "64,660", "9,760"]))
        #expect(lines.contains(["units", "with", "the", "input", "1,256"]))
    }

    @Test func countsJSONHasTheIssuesKeys() throws {
        let result = try CLI.run(["count", "lenet1989", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "spec", "network", "input_shape", "input_units", "layers", "total"])
        #expect(document["version"] as? Int == 1 && document["spec"] is NSNull && document["network"] as? String == "lenet1989")
        #expect(document["input_shape"] as? [Int] == [1, 16, 16] && document["input_units"] as? Int == 256)
        let layers = try #require(document["layers"] as? [[String: Any]])
        #expect(layers.allSatisfy { Set($0.keys) == ["name", "kind", "units", "connections", "free_parameters"] })
        #expect(layers.map { $0["free_parameters"] as? Int } == [1_068, 2_592, 5_790, 310])
        let total = try #require(document["total"] as? [String: Int])
        #expect(total == ["units": 1_000, "units_with_input": 1_256, "parametrised_units": 1_000, "connections": 64_660, "free_parameters": 9_760])
    }

    /// A network file from any path, and --input replacing its input line.
    @Test func countReadsAFileAndTheInputOverride() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("count-\(UUID().uuidString).net").path
        try "input 4x10\nk: Conv1d(4, 2, 3)\nGlobalSumPool()\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["count", path, "--input", "4x20", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let layers = try #require(document["layers"] as? [[String: Any]])
        // 2 maps of 18 positions, each 4·3 taps + a bias.
        #expect(layers.first?["connections"] as? Int == 2 * 18 * (4 * 3 + 1))
        #expect(document["input_shape"] as? [Int] == [4, 20])
    }
}
