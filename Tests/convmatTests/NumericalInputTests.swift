import ConvMatrix
import Foundation
import Testing

/// Finite input whose arithmetic leaves the Double range is bad input: exit 2, one
/// line on stderr naming what the user gave, nothing on stdout, and never a word
/// from LAPACK (whose error printer writes to stdout) nor a failed check.
@Suite struct NumericalInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let field: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let circular = "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)"
    static let huge = "1e308,1e308,1e308"

    /// Files of weights and inputs near the largest Double, written once per process.
    static let files: (weight: String, small: String, bias: String, x: String) = {
        let directory = FileManager.default.temporaryDirectory
        let name = { (what: String) in directory.appendingPathComponent("numerical-\(what)-\(getpid()).npy").path }
        let files = (weight: name("weight"), small: name("small"), bias: name("bias"), x: name("x"))
        try? NpyWriter.write(NpyWriter.float64([0.25, 0.5, 0.25], shape: [1, 1, 3]), to: files.small)
        try? NpyWriter.write(NpyWriter.float64([1e308, -1e308, 1e308], shape: [1, 1, 3]), to: files.weight)
        try? NpyWriter.write(NpyWriter.float64([1e308], shape: [1]), to: files.bias)
        try? NpyWriter.write(NpyWriter.float64([1e308, 1e308, 1e308, 1e308], shape: [1, 4]), to: files.x)
        return files
    }()

    static let cases: [Case] = [
        // An entry of Wᵀ that sums three taps overflows: LAPACK used to print on stdout.
        Case(arguments: ["invert", circular, "--input", "1x1", "--kernel", huge, "--format", "json"], field: "weight:"),
        Case(arguments: ["invert", circular, "--input", "1x1", "--kernel", huge], field: "weight:"),
        Case(arguments: ["show", circular, "--input", "1x1", "--kernel", huge, "--format", "json"], field: "weight:"),
        Case(arguments: ["show", circular, "--input", "1x1", "--kernel", huge], field: "weight:"),
        Case(arguments: ["show", circular, "--input", "1x1", "--kernel", huge, "--format", "npy"], field: "weight:"),
        Case(arguments: ["spectrum", circular, "--input", "1x1", "--kernel", huge], field: "weight:"),
        // Finite entries, but ‖Wᵀ‖_F and σ₁ = 3e308 overflow; and the Fourier coefficients do.
        Case(arguments: ["spectrum", circular, "--input", "1x8", "--kernel", huge, "--method", "dense"], field: "weight:"),
        Case(arguments: ["spectrum", circular, "--input", "1x8", "--kernel", huge, "--method", "fourier"], field: "weight:"),
        Case(arguments: ["spectrum", circular, "--input", "1x8", "--kernel", huge, "--format", "json"], field: "weight:"),
        // The default λ = (10⁻³·σ₁)² overflows, or underflows to 0.
        Case(arguments: ["invert", circular, "--input", "1x1", "--kernel", "1e200,0,0"], field: "lambda:"),
        Case(arguments: ["invert", circular, "--input", "1x1", "--kernel", "1e-300,0,0", "--format", "json"], field: "lambda:"),
        // y = Wᵀx overflows for an x near the largest Double.
        Case(arguments: ["invert", circular, "--input", "1x4", "--kernel", "1,1,1", "--x", files.x], field: "x:"),
        // check: overflow is bad input, never a failed check.
        Case(
            arguments: ["check", "Conv1d(1, 1, 4, padding='same', padding_mode='constant', padding_value=1e308)", "--input", "1x7"],
            field: "padding_value:"),
        Case(arguments: ["check", "Conv1d(1, 1, 3, bias=False)", "--input", "1x5", "--weight", files.weight], field: "weight:"),
        Case(arguments: ["check", "Conv1d(1, 1, 3)", "--input", "1x5", "--weight", files.small, "--bias", files.bias], field: "bias:"),
        Case(
            arguments: ["show", "Conv1d(1, 1, 3, padding=1, padding_mode='constant', padding_value=1e308, bias=False)", "--input", "1x5", "--kernel", "2,2,2"],
            field: "padding_value:"),
    ]

    @Test(arguments: cases)
    func exitsTwoWithOneLine(_ badCase: Case) throws {
        let result = try CLI.run(badCase.arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("convmat: error: " + badCase.field), "stderr: \(result.stderr)")
    }

    /// λ = 0 and values far below 1 are fine when nothing leaves the range: the
    /// Tikhonov factor 1/(σ + λ/σ) never forms σ², which would underflow to 0.
    @Test(arguments: [
        ["--kernel", "1e-300,0,0", "--lambda", "0"],
        ["--kernel", "1e-300,0,0", "--lambda", "1e-320"],
        ["--kernel", "1e-200,0,0", "--lambda", "0", "--rcond", "0"],
        ["--kernel", "1,2,1", "--lambda", "0", "--noise", "1e-320"],
    ])
    func tinyValuesAndLambdaZeroGiveFiniteJSON(_ options: [String]) throws {
        let result = try CLI.run(["invert", Self.circular, "--input", "1x4", "--format", "json"] + options)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let x = try #require(document["x"] as? [Double])
        let tikhonov = try #require(document["tikhonov_solution"] as? [Double])
        #expect(tikhonov.count == x.count && tikhonov.allSatisfy { $0.isFinite })
    }
}
