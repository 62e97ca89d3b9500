import ConvMatrix
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct SpectrumCommandTests {
    static let smoothing = ["spectrum", "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)", "--input", "1x8", "--kernel", "0.25,0.5,0.25"]
    static let valid = ["spectrum", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]

    static let keys = [
        "version", "spec", "input_shape", "output_shape", "input_dependent", "x", "rows", "cols", "method", "method_requested", "weight",
        "singular_values", "rank", "rank_tolerance", "nullity", "rank_deficient", "condition_number",
        "spectral_norm", "frobenius_norm", "frobenius_from_entries", "frobenius_from_parameters", "fourier_difference",
    ]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func textIsPinned() throws {
        let result = try CLI.run(Self.smoothing)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == (try CLI.golden("spectrum-smoothing.txt", actual: result.stdout)))
    }

    /// [1, 2, 1]/4 on a circle of 8 loses the frequency π: an infinite condition
    /// number is null, and `rank_deficient` says why.
    @Test func rankDeficientJSONHasNullConditionNumber() throws {
        let object = try Self.json(Self.smoothing)
        for key in Self.keys { #expect(object.keys.contains(key), "missing key \(key)") }
        #expect(object.count == Self.keys.count)
        #expect(object["version"] as? Int == 1 && object["method"] as? String == "both" && object["method_requested"] as? String == "auto")
        #expect(object["rank"] as? Int == 7 && object["nullity"] as? Int == 1 && object["rank_deficient"] as? Bool == true)
        #expect(object["condition_number"] is NSNull)
        #expect((object["fourier_difference"] as? Double).map { $0 < 1e-14 } == true)
        let values = try #require(object["singular_values"] as? [Double])
        #expect(values.count == 8 && abs(values[0] - 1) < 1e-15)
        let weight = try #require(object["weight"] as? [String: Any])
        #expect(weight["source"] as? String == "kernel" && weight["seed"] is NSNull && weight["path"] is NSNull)
    }

    @Test func validLayerJSONHasANumberAndNulls() throws {
        let object = try Self.json(Self.valid)
        for key in Self.keys { #expect(object.keys.contains(key), "missing key \(key)") }
        #expect(object["method"] as? String == "dense" && object["rank_deficient"] as? Bool == false)
        #expect(object["condition_number"] is Double && object["fourier_difference"] is NSNull)
        #expect((object["weight"] as? [String: Any])?["seed"] as? Int == 0)
    }

    @Test func fourierAloneHasNoEntries() throws {
        let object = try Self.json(Self.smoothing + ["--method", "fourier"])
        #expect(object["method"] as? String == "fourier" && object["frobenius_from_entries"] is NSNull)
        #expect(object["frobenius_from_parameters"] is Double)
    }

    /// --weight FILE.npy in PyTorch layout gives the same numbers as --kernel.
    @Test func weightFileAndKernelAgree() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spectrum-smooth-\(getpid()).npy").path
        try NpyWriter.write(NpyWriter.float64([0.25, 0.5, 0.25], shape: [1, 1, 3]), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try Self.json(Array(Self.smoothing.dropLast(2)) + ["--weight", path])
        let fromKernel = try Self.json(Self.smoothing)
        #expect(fromFile["singular_values"] as? [Double] == fromKernel["singular_values"] as? [Double])
        #expect((fromFile["weight"] as? [String: Any])?["path"] as? String == path)
    }

    @Test func svgIsWellFormedWithOnePointPerValue() throws {
        let result = try CLI.run(Self.smoothing + ["--format", "svg"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let parser = XMLParser(data: Data(result.stdout.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(result.stdout.components(separatedBy: "<circle ").count - 1 == 8)
        #expect(result.stdout.contains("rank 7"))
    }

    @Test func largeCircularLayersGetTheFourierSideAlone() throws {
        let object = try Self.json(["spectrum", "Conv2d(4, 12, 5, padding=2, padding_mode='circular')", "--input", "4x28x28"])
        #expect(object["method"] as? String == "fourier")
        #expect((object["singular_values"] as? [Double])?.count == 3136)
    }
}
