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
