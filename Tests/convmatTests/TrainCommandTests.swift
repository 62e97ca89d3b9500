import Foundation
import Testing

/// `convmat train` on the debug binary: a small network file with LeNet 1989's
/// input and outputs (one epoch of the 1,297 digits takes seconds), its text and
/// JSON, determinism across runs, and --save read back by `show --weights`.
@Suite struct TrainCommandTests {
    /// One convolution with an untied bias and constant −1 padding, then a linear layer.
    static let network = """
        input 1x16x16
        H: Conv2d(1, 2, 5, stride=2, padding=2, padding_mode='constant', padding_value=-1, bias='untied')
        ScaledTanh()
        Flatten()
        out: Linear(128, 10)
        ScaledTanh()

        """

    static func networkFile() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("small.net").path
        try Self.network.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func textReportsTheEpochsTheErrorsAndTheConfusionMatrix() throws {
        let result = try CLI.run(["train", try Self.networkFile(), "--epochs", "1", "--learning-rate", "0.1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress lines off a terminal: \(result.stderr)")
        let text = result.stdout
        #expect(text.contains("trained on 1,297 digits, tested on 500: 1 epoch, η = 0.1, batch 1, seed 0"))
        for label in ["train error", "test error", "test misses", "wall time", "confusion on the test set", "training time by layer"] {
            #expect(text.contains(label), "\(label)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("confusion") })
        // The digits along the top, then ten rows, each starting with its digit and all aligned.
        let grid = Array(lines[(header + 1)...(header + 11)])
        #expect(grid[0].split(separator: " ") == (0...9).map { Substring(String($0)) })
        for (t, row) in grid.dropFirst().enumerated() {
            #expect(row.split(separator: " ").first == Substring(String(t)))
            #expect(row.count == grid[0].count, "row \(t) is not aligned: '\(row)'")
        }
    }

    @Test func jsonHasTheIssuesKeysAndTheSameSeedGivesTheSameNumbers() throws {
        let file = try Self.networkFile()
        func run(_ seed: String) throws -> [String: Any] {
            let result = try CLI.run(["train", file, "--epochs", "2", "--batch", "8", "--seed", seed, "--format", "json"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let first = try run("4")
        #expect(
            Set(first.keys)
                == ["version", "network", "seed", "train_size", "test_size", "epochs", "train_error", "test_error", "test_misses", "confusion", "seconds"])
        #expect(first["version"] as? Int == 1 && first["seed"] as? Int == 4)
        #expect(first["train_size"] as? Int == 1297 && first["test_size"] as? Int == 500)
        let epochs = try #require(first["epochs"] as? [[String: Any]])
        #expect(epochs.count == 2)
        #expect(epochs.allSatisfy { Set($0.keys) == ["epoch", "loss", "train_error", "test_error", "seconds"] })
        let confusion = try #require(first["confusion"] as? [[Int]])
        #expect(confusion.count == 10 && confusion.allSatisfy { $0.count == 10 })
        #expect(confusion.flatMap { $0 }.reduce(0, +) == 500)
        let misses = try #require(first["test_misses"] as? Int)
        #expect(misses == 500 - (0..<10).reduce(0) { $0 + confusion[$1][$1] })
        let testError = try #require(first["test_error"] as? Double)
        #expect(testError == Double(misses) / 500 && (0...1).contains(testError))
        #expect(testError < 0.5, "a linear read-out of one convolution still learns: \(testError)")

        let second = try run("4")
        func withoutSeconds(_ document: [String: Any]) -> NSDictionary {
            var copy = document
            copy["seconds"] = nil
            copy["epochs"] = (document["epochs"] as? [[String: Any]])?.map { epoch in epoch.filter { $0.key != "seconds" } }
            return copy as NSDictionary
        }
        #expect(withoutSeconds(first) == withoutSeconds(second))
    }

    /// The saved weights are what `show NETWORK --weights DIR` reads: the trained Wᵀ.
    @Test func savedWeightsAreReadBackByShow() throws {
        let file = try Self.networkFile()
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("trained").path
        let result = try CLI.run(["train", file, "--epochs", "1", "--batch", "64", "--save", directory])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["H.bias.npy", "H.weight.npy", "out.bias.npy", "out.weight.npy"])
        let trained = try CLI.run(["show", file, "--layer", "H", "--weights", directory, "--format", "json"])
        #expect(trained.status == 0, "stderr: \(trained.stderr)")
        let drawn = try CLI.run(["show", file, "--layer", "H", "--format", "json"])
        #expect(trained.stdout != drawn.stdout)
        let picture = try CLI.run(["show", file, "--layer", "H", "--weights", directory, "--format", "svg"])
        #expect(picture.status == 0 && picture.stdout.contains("<svg"), "stderr: \(picture.stderr)")
    }
}
