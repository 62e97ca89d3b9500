import ConvMatrix
import Foundation
import Testing

/// `--weights DIR` on `check NETWORK`: a researcher's own weights, one .npy file per layer.
@Suite struct NetworkWeightsCommandTests {
    /// Writes DIR/NAME.weight.npy and DIR/NAME.bias.npy for every layer with parameters.
    static func directory(for network: Network, weights: NetworkWeights) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for layer in network.layers where NetworkWeights.hasParameters(layer.layer) {
            let values = weights.weights(for: layer)
            try NpyWriter.write(
                NpyWriter.float64(values.weight, shape: layer.layer.weightShape), to: directory.appendingPathComponent("\(layer.name).weight.npy").path)
            if let bias = values.bias, let shape = layer.layer.biasShape {
                try NpyWriter.write(NpyWriter.float64(bias, shape: shape), to: directory.appendingPathComponent("\(layer.name).bias.npy").path)
            }
        }
        return directory.path
    }

    @Test func givenWeightsAreChecked() throws {
        let network = try Network(named: "resnet-basic-block")
        let path = try Self.directory(for: network, weights: .pytorchDefault(for: network, seed: 5))
        let result = try CLI.run(["check", "resnet-basic-block", "--weights", path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((document["data"] as? String)?.hasPrefix("given weights") == true, "\(document["data"] ?? "")")
        let layers = try #require(document["layers"] as? [[String: Any]])
        let convolution = try #require(layers.first { ($0["name"] as? String) == "block.conv1" })
        let checks = try #require(convolution["checks"] as? [[String: Any]])
        let given = try #require(checks.first { ($0["name"] as? String) == "forward (given weights)" })
        #expect(given["ran"] as? Bool == true && given["passed"] as? Bool == true)
    }

    @Test func aMissingFileNamesTheLayer() throws {
        let result = try CLI.run(["check", "resnet-basic-block", "--weights", "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("convmat: error: weights: '/nonexistent/block.conv1.weight.npy': cannot read"), "\(result.stderr)")
        let spec = try CLI.run(["check", "ReLU()", "--input", "3", "--weights", "/tmp"])
        #expect(spec.status == 2 && spec.stderr.hasPrefix("convmat: error: weights: --weights DIR goes with a NETWORK"))
    }
}
