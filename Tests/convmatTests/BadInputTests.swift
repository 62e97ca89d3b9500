import Testing

/// Bad input from a user: exit status 2 and exactly one line on stderr naming the field.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let field: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["show", "Conv1d(1, 1, 5)", "--input", "1x4"], field: "kernel_size:"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, stride=0)", "--input", "1x4"], field: "stride:"),
        Case(arguments: ["show", "Conv1d(3, 2, 3, groups=2)", "--input", "3x6"], field: "groups:"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, stride=2, padding='same')", "--input", "1x6"], field: "padding:"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "3x6"], field: "input:"),
        Case(arguments: ["show", "Conv1d(2, 3, kernal_size=3)", "--input", "2x6"], field: "kernal_size:"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6x"], field: "input:"),
        Case(arguments: ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--max-memory", "1K"], field: "max_memory:"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--weight", "/nonexistent/w.npy"], field: "/nonexistent/w.npy:"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--weight", "w.npy", "--values", "integers"], field: "--weight"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--format", "pdf"], field: "pdf"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, padding=3, padding_mode='reflect')", "--input", "1x3"], field: "padding:"),
        Case(
            arguments: ["spectrum", "Conv1d(1, 1, 3, padding=1)", "--input", "1x8", "--method", "fourier"],
            field: "method: the Fourier method needs circular padding"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3, padding=1, padding_mode='circular')", "--input", "1x8", "--method", "spectral"], field: "spectral"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3, bias=False)", "--input", "1x8", "--kernel", "1,2"], field: "kernel:"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3, bias=False)", "--input", "1x8", "--kernel", "1,nan,2"], field: "kernel:"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3)", "--input", "1x8", "--kernel", "1,2,1"], field: "kernel:"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3, bias=False)", "--input", "1x8", "--kernel", "1,2,1", "--values", "integers"], field: "--kernel"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3)", "--input", "1x8", "--max-flops", "lots"], field: "max-flops:"),
        Case(arguments: ["spectrum", "Conv2d(4, 12, 5)", "--input", "4x28x28"], field: "max_flops:"),
        Case(arguments: ["spectrum", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--format", "png"], field: "png"),
        Case(arguments: ["invert", "Conv2d(4, 12, 5)", "--input", "4x28x28"], field: "max_flops:"),
        Case(arguments: ["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--lambda=-1"], field: "lambda:"),
        Case(arguments: ["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--rcond=inf"], field: "rcond:"),
        Case(arguments: ["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--noise=-1"], field: "--noise"),
        Case(arguments: ["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--x", "/nonexistent/x.npy"], field: "/nonexistent/x.npy:"),
        Case(arguments: ["demo", "nonexistent"], field: "nonexistent"),
        Case(arguments: ["nonexistent"], field: "nonexistent"),
    ]

    @Test(arguments: cases)
    func exitsTwoWithOneLine(_ badCase: Case) throws {
        let result = try CLI.run(badCase.arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("convmat: error: "))
        #expect(result.stderr.contains(badCase.field), "stderr: \(result.stderr)")
    }

    @Test func helpExitsZero() throws {
        let result = try CLI.run(["show", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--input"))
    }
}
