import ConvMatrix
import Foundation
import Testing

/// `convmat spectrum` and `convmat invert` on kinds other than the convolution:
/// exit 0 with every JSON key, and `--method fourier` refused with exit 2 and one line.
@Suite struct KindSpectrumCommandTests {
    struct Run: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let spectra: [Run] = [
        Run(arguments: ["spectrum", "AvgPool1d(2)", "--input", "1x8"]),
        Run(arguments: ["spectrum", "Identity()", "--input", "2x3"]),
        Run(arguments: ["spectrum", "Flatten()", "--input", "2x2x2"]),
        Run(arguments: ["spectrum", "Linear(3, 2, bias=False)", "--input", "3", "--kernel", "1,2,3,4,5,6"]),
        Run(arguments: ["spectrum", "ConvTranspose1d(1, 2, 3, stride=2)", "--input", "1x4", "--values", "integers"]),
        Run(arguments: ["spectrum", "AdaptiveAvgPool2d(2)", "--input", "1x4x4", "--method", "dense"]),
    ]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0 && result.stderr.isEmpty, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: spectra)
    func spectrumRunsForEveryKind(_ run: Run) throws {
        let text = try CLI.run(run.arguments)
        #expect(text.status == 0 && text.stderr.isEmpty, "stderr: \(text.stderr)")
        let object = try Self.json(run.arguments)
        #expect(Set(object.keys) == Set(SpectrumCommandTests.keys))
        #expect(object["method"] as? String == "dense" && object["version"] as? Int == 1)
        let layer = try LayerRegistry.layer(parsing: run.arguments[1], input: TensorShape(parsing: run.arguments[3]))
        #expect(object["spec"] as? String == layer.specDescription)
        #expect(object["rows"] as? Int == layer.output.count && object["cols"] as? Int == layer.input.count)
        let values = try #require(object["singular_values"] as? [Double])
        #expect(values.count == min(layer.output.count, layer.input.count))
        let svg = try CLI.run(run.arguments + ["--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<svg "))
    }

    /// AvgPool1d(2) on 1x8: four singular values 1/√2 (KindSpectrumTests derives it), nullity 4.
    @Test func averagePoolingHasItsClosedForm() throws {
        let object = try Self.json(["spectrum", "AvgPool1d(2)", "--input", "1x8"])
        let values = try #require(object["singular_values"] as? [Double])
        #expect(values.count == 4 && values.allSatisfy { abs($0 - 0.5.squareRoot()) < 1e-15 })
        #expect(object["nullity"] as? Int == 4 && object["rank_deficient"] as? Bool == false)
    }

    static let refusals: [Run] = [
        Run(arguments: ["spectrum", "AvgPool1d(2)", "--input", "1x8", "--method", "fourier"]),
        Run(arguments: ["spectrum", "Identity()", "--input", "4", "--method", "fourier"]),
        Run(arguments: ["spectrum", "ConvTranspose1d(1, 1, 1, bias=False)", "--input", "1x8", "--method", "fourier", "--format", "json"]),
    ]

    @Test(arguments: refusals)
    func fourierIsRefusedInOneLine(_ run: Run) throws {
        let result = try CLI.run(run.arguments)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("convmat: error: method: the Fourier method applies to convolutions only"))
        #expect(result.stderr.hasSuffix("is not a convolution: use --method dense\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// Invert on a pool: exit 0, nullity = inputs − outputs, every key.
    @Test func invertOnAveragePooling() throws {
        let object = try Self.json(["invert", "AvgPool2d(2)", "--input", "1x4x4"])
        #expect(Set(object.keys) == Set(InvertCommandTests.keys))
        #expect(object["rank"] as? Int == 4 && object["nullity"] as? Int == 12)
        #expect((object["null_space_basis"] as? [[Double]])?.count == 12)
        #expect(object["spec"] as? String == "AvgPool2d(kernel_size=2)")
        let text = try CLI.run(["invert", "Linear(4, 2)", "--input", "4", "--noise", "0.01"])
        #expect(text.status == 0 && text.stderr.isEmpty && text.stdout.contains("nullity        n − r = 2"))
    }

    @Test func budgetsAreCheckedForOtherKinds() throws {
        for arguments in [["spectrum", "AvgPool2d(2)", "--input", "1x128x128"], ["invert", "AvgPool1d(2)", "--input", "1x40000"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2 && result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("convmat: error: max-flops: ") || result.stderr.hasPrefix("convmat: error: max-memory: "), "\(result.stderr)")
        }
    }
}
