import Foundation
import Testing

/// `--x FILE.npy` and `--x-seed N`: where an input-dependent layer's Jacobian is
/// taken, in show, check and spectrum; refused by linear layers and by invert.
@Suite struct PointCommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// JSON records x, the diagonal is f′ at x, and the default point is the one of --x-seed 1.
    @Test func showRecordsTheGivenPoint() throws {
        let path = try WeightFileTests.temporaryFile("x.npy", [2, -1, 0.5, 0], shape: [1, 4])
        let document = try Self.json(["show", "ReLU()", "--input", "1x4", "--x", path, "--format", "json"])
        #expect(document["input_dependent"] as? Bool == true)
        #expect(document["x"] as? [Double] == [2, -1, 0.5, 0])
        let constants = try #require(document["constants"] as? [[Double]])
        #expect(constants == [[0, 0, 1], [2, 2, 1]])
        let drawn = try Self.json(["show", "Tanh()", "--input", "5", "--format", "json"])
        let seedOne = try Self.json(["show", "Tanh()", "--input", "5", "--x-seed", "1", "--format", "json"])
        let seedTwo = try Self.json(["show", "Tanh()", "--input", "5", "--x-seed", "2", "--format", "json"])
        #expect(drawn["x"] as? [Double] == seedOne["x"] as? [Double])
        #expect(drawn["x"] as? [Double] != seedTwo["x"] as? [Double])
        let x = try #require(seedTwo["x"] as? [Double])
        let diagonal = try #require(seedTwo["constants"] as? [[Double]]).map { $0[2] }
        #expect(zip(x, diagonal).allSatisfy { abs((1 - tanh($0) * tanh($0)) - $1) < 1e-15 })
    }

    /// A linear layer has no JSON point.
    @Test func linearLayersAreNotInputDependent() throws {
        let document = try Self.json(["show", "Conv1d(1, 1, 3)", "--input", "1x5", "--format", "json"])
        #expect(document["input_dependent"] as? Bool == false)
        #expect(document["x"] is NSNull)
    }

    /// check runs at x, and its JSON says where.
    @Test func checkRunsAtThePoint() throws {
        let document = try Self.json(["check", "Sigmoid()", "--input", "2x3", "--x-seed", "7", "--format", "json"])
        #expect(document["passed"] as? Bool == true)
        #expect(document["input_dependent"] as? Bool == true)
        #expect((document["x"] as? [Double])?.count == 6)
        let names = try #require(document["checks"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.contains("forward at x") && names.contains("finite differences"))
    }

    /// On ReLU's kink check passes, with finite differences not run.
    @Test func checkAtAKinkSaysWhy() throws {
        let path = try WeightFileTests.temporaryFile("kink.npy", [1, 0, -2], shape: [3])
        let result = try CLI.run(["check", "ReLU()", "--input", "3", "--x", path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("finite differences: x is at a tie or kink (x[1] = 0"))
    }

    /// The spectrum of J(x) at a drawn point: tanh′ ≤ 1, so σ₁ ≤ 1.
    @Test func spectrumOfTheJacobian() throws {
        let document = try Self.json(["spectrum", "Tanh()", "--input", "6", "--x-seed", "3", "--format", "json"])
        #expect(document["input_dependent"] as? Bool == true)
        let norm = try #require(document["spectral_norm"] as? Double)
        #expect(norm > 0 && norm <= 1)
    }

    static let refusals: [BadInputTests.Case] = [
        BadInputTests.Case(arguments: ["show", "Conv1d(1, 1, 3)", "--input", "1x8", "--x-seed", "2"], field: "x-seed", says: "is linear"),
        BadInputTests.Case(arguments: ["check", "Linear(3, 2)", "--input", "3", "--x", "/tmp/x.npy"], field: "x", says: "is linear"),
        BadInputTests.Case(arguments: ["spectrum", "ReLU()", "--input", "4"], field: "x", says: "give --x FILE.npy or --x-seed N"),
        BadInputTests.Case(arguments: ["invert", "Tanh()", "--input", "4"], field: "spec", says: "depends on its input"),
        BadInputTests.Case(arguments: ["show", "ReLU()", "--input", "4", "--x", "/nonexistent/x.npy"], field: "x", says: "cannot read"),
        BadInputTests.Case(arguments: ["show", "ReLU()", "--input", "4", "--x-seed", "-1"], field: "x-seed"),
        BadInputTests.Case(arguments: ["show", "ReLU()", "--input", "4", "--x-seed", "1", "--x", "/tmp/x.npy"], field: "x-seed", says: "give one"),
        BadInputTests.Case(arguments: ["check", "--random", "3", "--x-seed", "1"], field: "random"),
        BadInputTests.Case(arguments: ["show", "Tanh(1)", "--input", "4"], field: "spec"),
        BadInputTests.Case(arguments: ["show", "ReLU(inplace=3)", "--input", "4"], field: "inplace"),
    ]

    @Test(arguments: refusals)
    func refusalsAreOneLine(_ badCase: BadInputTests.Case) throws {
        try BadInputTests().exitsTwoWithOneLine(badCase)
    }

    /// An x of the wrong shape, or with a NaN, is bad input on x.
    @Test func badPointFiles() throws {
        let wrong = try WeightFileTests.temporaryFile("wrong.npy", [1, 2, 3], shape: [3])
        let result = try CLI.run(["show", "ReLU()", "--input", "1x4", "--x", wrong])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("convmat: error: x: "), "stderr: \(result.stderr)")
        let nan = try WeightFileTests.temporaryFile("nan.npy", [1, .nan, 3], shape: [3])
        let second = try CLI.run(["check", "Tanh()", "--input", "3", "--x", nan])
        #expect(second.status == 2)
        #expect(second.stderr.hasPrefix("convmat: error: x: "), "stderr: \(second.stderr)")
        #expect(second.stdout.isEmpty)
    }
}
