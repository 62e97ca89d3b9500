import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func slideLayerPassesWithATable() throws {
        let result = try CLI.run(["check", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("verdict: passed"))
        for name in ["structure", "forward (integers)", "forward (reals)", "input gradient", "weight gradient", "finite differences", "adjoint"] {
            #expect(result.stdout.contains("\n\(name) "), "row \(name)")
        }
    }

    @Test func jsonHasFixedCheckNamesAndNullsForSkippedChecks() throws {
        let result = try CLI.run(["check", "Conv1d(2, 3, 3, padding=1, padding_mode='constant', padding_value=-1.0)", "--input", "2x6", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["spec"] as? String == "Conv1d(2, 3, kernel_size=3, padding=1, padding_mode='constant', padding_value=-1.0)")
        #expect(object["input_shape"] as? [Int] == [2, 6])
        #expect(object["passed"] as? Bool == true)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(
            checks.map { $0["name"] as? String } == [
                "structure", "forward (integers)", "forward (given weights)", "forward (reals)", "input gradient",
                "weight gradient", "bias gradient", "offset", "finite differences", "adjoint",
            ])
        let skipped = try #require(checks.first { $0["name"] as? String == "forward (given weights)" })
        #expect(skipped["ran"] as? Bool == false)
        #expect(skipped["max_abs_error"] is NSNull && skipped["tolerance"] is NSNull && skipped["passed"] is NSNull)
        let offset = try #require(checks.first { $0["name"] as? String == "offset" })
        #expect(offset["ran"] as? Bool == true && offset["passed"] as? Bool == true)
    }

    @Test func randomConfigurationsSummarise() throws {
        let result = try CLI.run(["check", "--random", "25", "--seed", "4"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("25 configurations: 25 passed, 0 failed\nkinds: "))
        let kinds = try #require(result.stdout.split(separator: "\n").last).dropFirst("kinds: ".count)
        #expect(kinds.split(separator: ", ").compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +) == 25)
        let json = try CLI.run(["check", "--random", "5", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["spec"] is NSNull && object["input_shape"] is NSNull)
        #expect(object["configurations"] as? Int == 5 && object["failed"] as? Int == 0)
        let counts = try #require(object["kinds"] as? [String: Int])
        #expect(counts["Conv2d"] != nil && counts["GlobalSumPool"] != nil && counts["Linear"] != nil)
        #expect(counts.values.reduce(0, +) == 5)
    }

    /// docs/cli.md: --kernel works with any command that takes weights, check included.
    @Test func givenKernelIsChecked() throws {
        let result = try CLI.run(["check", "Conv1d(1, 1, 3, bias=False)", "--input", "1x8", "--kernel", "1,2,1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\nforward (given weights) "))
        #expect(result.stdout.contains("verdict: passed"))
    }

    @Test(arguments: [
        ["check"],
        ["check", "Conv1d(1, 1, 3)"],
        ["check", "--random", "0"],
        ["check", "Conv1d(1, 1, 3)", "--input", "1x5", "--random", "3"],
        ["check", "Conv1d(1, 1, 9)", "--input", "1x5"],
    ])
    func badInputExitsTwo(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
