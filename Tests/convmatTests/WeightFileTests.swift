import ConvMatrix
import Foundation
import Testing

/// A researcher's own weights from .npy files, as PyTorch saves them.
@Suite struct WeightFileTests {
    static func temporaryFile(_ name: String, _ values: [Double], shape: [Int]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try NpyWriter.write(NpyWriter.float64(values, shape: shape), to: path)
        return path
    }

    @Test func givenWeightsAreUsed() throws {
        let values = (1...18).map(Double.init)
        let weight = try Self.temporaryFile("w.npy", values, shape: [3, 2, 3])
        let result = try CLI.run(["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6", "--weight", weight, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let matrix = try #require(object["matrix"] as? [[Double]])
        #expect(matrix[0] == [1, 2, 3, 0, 0, 0, 4, 5, 6, 0, 0, 0])
        #expect(try CLI.run(["check", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6", "--weight", weight]).status == 0)
    }

    @Test func weightAndBiasTogether() throws {
        let weight = try Self.temporaryFile("w.npy", Array(repeating: 0.5, count: 6), shape: [2, 1, 3])
        let bias = try Self.temporaryFile("b.npy", [1, -1], shape: [2])
        let result = try CLI.run(["show", "Conv1d(1, 2, 3)", "--input", "1x4", "--weight", weight, "--bias", bias, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["bias"] as? [Double] == [1, -1])
    }

    @Test func wrongShapeIsOneLine() throws {
        let weight = try Self.temporaryFile("w.npy", Array(repeating: 1, count: 30), shape: [3, 2, 5])
        let result = try CLI.run(["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6", "--weight", weight])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("weight: ") && result.stderr.contains("(3, 2, 5)") && result.stderr.contains("(3, 2, 3)"))
    }

    @Test func missingBiasIsOneLine() throws {
        let weight = try Self.temporaryFile("w.npy", Array(repeating: 1, count: 6), shape: [2, 1, 3])
        let result = try CLI.run(["show", "Conv1d(1, 2, 3)", "--input", "1x4", "--weight", weight])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bias: "))
    }

    @Test func nanIsRefused() throws {
        let weight = try Self.temporaryFile("w.npy", [1, .nan, 1], shape: [1, 1, 3])
        let result = try CLI.run(["show", "Conv1d(1, 1, 3, bias=False)", "--input", "1x4", "--weight", weight])
        #expect(result.status == 2)
        #expect(result.stderr.lowercased().contains("nan"))
    }
}
