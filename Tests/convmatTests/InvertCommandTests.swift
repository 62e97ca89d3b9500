import ConvMatrix
import Foundation
import Testing

@Suite struct InvertCommandTests {
    static let differentiation = ["invert", "Conv1d(1, 1, 2, padding=((0, 1),), padding_mode='circular', bias=False)", "--input", "1x6", "--kernel", "-1,1"]

    static let keys = [
        "version", "spec", "input_shape", "output_shape", "rows", "cols", "weight", "x_source", "noise",
        "rcond", "rank", "nullity", "rank_deficient", "singular_values", "lambda",
        "x", "y", "minimum_norm_solution", "tikhonov_solution", "minimum_norm_error", "tikhonov_error",
        "lost_norm", "residual", "null_space_basis",
    ]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func textIsPinned() throws {
        let result = try CLI.run(Self.differentiation)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == (try CLI.golden("invert-differentiation.txt", actual: result.stdout)))
    }

    @Test func jsonCarriesEveryKeyAndTheLostConstant() throws {
        let object = try Self.json(Self.differentiation)
        for key in Self.keys { #expect(object.keys.contains(key), "missing key \(key)") }
        #expect(object.count == Self.keys.count)
        #expect(object["rank"] as? Int == 5 && object["nullity"] as? Int == 1 && object["rank_deficient"] as? Bool == true)
        let basis = try #require(object["null_space_basis"] as? [[Double]])
        #expect(basis.count == 1 && basis[0].allSatisfy { abs(abs($0) - 1 / 6.0.squareRoot()) < 1e-14 })
        let error = try #require(object["minimum_norm_error"] as? [String: Double])
        #expect(Set(error.keys) == ["norm", "relative", "max_abs"])
        #expect(abs(error["norm"]! - (object["lost_norm"] as! Double)) < 1e-14)
        #expect((object["x_source"] as? [String: Any])?["seed"] as? Int == 1)
    }

    /// A 'valid' layer with a bias: the bias is subtracted, the borders are lost.
    @Test func validLayerWithBiasLosesItsBorders() throws {
        let object = try Self.json(["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--values", "integers"])
        #expect(object["nullity"] as? Int == 2 && object["rank_deficient"] as? Bool == false)
        #expect((object["residual"] as? Double).map { $0 < 1e-13 } == true)
        #expect((object["null_space_basis"] as? [[Double]])?.count == 2)
    }

    @Test func xFromAFileIsRecoveredExactly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("invert-x-\(getpid()).npy").path
        let x: [Double] = [1, -2, 3, 0.5, 0, 4, -1, 2, 1]
        try NpyWriter.write(NpyWriter.float64(x, shape: [1, 9]), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let object = try Self.json([
            "invert", "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)", "--input", "1x9",
            "--kernel", "0.25,0.5,0.25", "--x", path,
        ])
        #expect(object["x"] as? [Double] == x)
        #expect((object["minimum_norm_error"] as? [String: Double])?["relative"].map { $0 < 1e-13 } == true)
        #expect((object["x_source"] as? [String: Any])?["path"] as? String == path)
    }

    @Test func aWrongShapeForXIsBadInput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("invert-badx-\(getpid()).npy").path
        try NpyWriter.write(NpyWriter.float64([1, 2, 3], shape: [3]), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--x", path])
        #expect(result.status == 2 && result.stderr.hasPrefix("convmat: error: x: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func noiseAndLambdaChangeTheTikhonovSolution() throws {
        let noisy = try Self.json(Self.differentiation + ["--noise", "0.1", "--lambda", "0.5"])
        #expect(noisy["noise"] as? Double == 0.1 && noisy["lambda"] as? Double == 0.5)
        let y = try #require(noisy["y"] as? [Double])
        let exact = try #require(try Self.json(Self.differentiation)["y"] as? [Double])
        #expect(zip(y, exact).contains { abs($0 - $1) > 1e-6 } && zip(y, exact).allSatisfy { abs($0 - $1) <= 0.1 })
    }
}
