import Foundation
import Testing

@Suite struct PaddingCommandTests {
    static let reflect = ["show", "Conv1d(1, 2, 3, padding=1, padding_mode='reflect')", "--input", "1x4"]

    @Test func factorTextIsPinned() throws {
        let result = try CLI.run(Self.reflect + ["--factor"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Wᵀ = Wᵀ_valid · P"))
        #expect(result.stdout == (try CLI.golden("show-factor-reflect.txt", actual: result.stdout)))
    }

    @Test func factorJsonHasPaddingAndValid() throws {
        let result = try CLI.run(Self.reflect + ["--factor", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let padding = try #require(object["padding"] as? [String: Any])
        #expect(padding["rows"] as? Int == 6 && padding["cols"] as? Int == 4)
        #expect((padding["terms"] as? [[Int]])?.first == [0, 1, 1])
        let valid = try #require(object["valid"] as? [String: Any])
        #expect(valid["rows"] as? Int == 8 && valid["cols"] as? Int == 6)
        #expect((valid["terms"] as? [[Int]])?.count == 24)
        #expect(object["extended_nonzeros"] as? Int == 24)
        #expect(object["nonzeros"] as? Int == 20)
    }

    @Test func withoutFactorPaddingAndValidAreNull() throws {
        let result = try CLI.run(Self.reflect + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["padding"] is NSNull && object["valid"] is NSNull)
    }

    @Test func constantPaddingHasAnOffset() throws {
        let result = try CLI.run([
            "show", "Conv1d(1, 1, 3, padding=1, padding_mode='constant', padding_value=-1.0, bias=False)",
            "--input", "1x5", "--format", "json", "--values", "integers",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let weight = try #require((object["weight"] as? [[[Double]]])?[0][0])
        let offset = try #require(object["offset"] as? [Double])
        #expect(offset == [-weight[0], 0, 0, 0, -weight[2]])
    }

    /// LeCun et al. (1989), layer H1: 768 units × 25 taps on the extended plane.
    @Test func leNetFirstLayerCounts() throws {
        let result = try CLI.run(["show", "Conv2d(1, 12, 5, stride=2, padding=2)", "--input", "1x16x16", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 768)
        #expect(object["extended_nonzeros"] as? Int == 19_200)
        #expect(object["nonzeros"] as? Int == 16_428)
    }

    @Test func borderModesDemoIsPinned() throws {
        let result = try CLI.run(["demo", "border-modes"])
        #expect(result.status == 0)
        #expect(result.stdout == (try CLI.golden("demo-border-modes.txt", actual: result.stdout)))
    }

    @Test(arguments: [
        (["show", "Conv1d(1, 1, 3, padding=4, padding_mode='reflect')", "--input", "1x4"], "padding: reflect padding 4 must be smaller than the input 4"),
        (["show", "Conv1d(1, 1, 3, padding=5, padding_mode='circular')", "--input", "1x4"], "padding: circular padding 5 is wider than the input 4"),
        (["show", "Conv1d(1, 1, 3, padding=1, padding_mode='mirror')", "--input", "1x4"], "padding_mode:"),
        (["show", "Conv1d(1, 1, 3, padding=1, padding_mode='constant', padding_value='a')", "--input", "1x4"], "padding_value:"),
        (["show", "Conv1d(1, 1, 3, padding=1, padding_value=2.0)", "--input", "1x4"], "padding_value:"),
    ])
    func badPaddingExitsTwo(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    /// The widest pads PyTorch allows are accepted: reflect n − 1, circular n.
    @Test func widestAllowedPadsWork() throws {
        #expect(try CLI.run(["check", "Conv1d(1, 1, 3, padding=3, padding_mode='reflect')", "--input", "1x4"]).status == 0)
        #expect(try CLI.run(["check", "Conv1d(1, 1, 3, padding=4, padding_mode='circular')", "--input", "1x4"]).status == 0)
        #expect(try CLI.run(["check", "Conv2d(1, 1, 3, padding=(2, 3), padding_mode='reflect')", "--input", "1x3x4"]).status == 0)
    }
}
