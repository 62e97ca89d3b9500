import Foundation
import Testing

@testable import ConvMatrix

/// `--weights DIR`: DIR/NAME.weight.npy and DIR/NAME.bias.npy for every layer with parameters.
@Suite struct NetworkWeightsTests {
    static let text = "input 1x6\nc: Conv1d(1, 2, 3)\nReLU()\nLinear(4, 1, bias=False)"

    /// A fresh directory, removed after `body`.
    static func inDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("network-weights-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    static func write(_ values: [Double], shape: [Int], to path: String) throws {
        try NpyWriter.write(NpyWriter.float64(values, shape: shape), to: path)
    }

    @Test func everyFileIsReadByItsLayersName() throws {
        let network = try Network(parsing: Self.text, name: "t")
        try Self.inDirectory { directory in
            try Self.write([1, 2, 3, 4, 5, 6], shape: [2, 1, 3], to: directory + "/c.weight.npy")
            try Self.write([0.5, -0.5], shape: [2], to: directory + "/c.bias.npy")
            try Self.write([1, 1, 1, 1], shape: [1, 4], to: directory + "/Linear_1.weight.npy")
            let weights = try NetworkWeights(directory: directory, for: network)
            #expect(weights.byLayer["c"] == LayerWeights(unchecked: [1, 2, 3, 4, 5, 6], bias: [0.5, -0.5]))
            #expect(weights.byLayer["Linear_1"] == LayerWeights(unchecked: [1, 1, 1, 1], bias: nil))
            #expect(weights.byLayer.count == 2)
        }
    }

    @Test func aMissingOrMisshapedFileIsOneLineOnWeights() throws {
        let network = try Network(parsing: Self.text, name: "t")
        try Self.inDirectory { directory in
            #expect {
                try NetworkWeights(directory: directory, for: network)
            } throws: { error in
                (error as? ConvMatrixError).map { $0.field == "weights" && $0.reason.contains("c.weight.npy': cannot read") } ?? false
            }
            try Self.write([1, 2, 3], shape: [1, 1, 3], to: directory + "/c.weight.npy")
            #expect {
                try NetworkWeights(directory: directory, for: network)
            } throws: { error in
                (error as? ConvMatrixError).map { $0.field == "weights" && $0.reason.contains("(2, 1, 3)") } ?? false
            }
        }
    }
}
