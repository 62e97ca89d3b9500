import Foundation
import Testing

/// One small case of each layer kind family, rendered by `convmat show` as text
/// and as LaTeX and pinned in Tests/convmatTests/Golden/kinds/: the renderings a
/// reviewer read once (constants as fractions, w_{ji} for Linear, v_{ji}^t for
/// the convolutions, the pooling bands, the Jacobians of the activations at
/// x drawn from seed 1) cannot drift unseen.
@Suite struct KindGoldenTests {
    /// A kind's case, named by its spec string; `file` names its golden files.
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let spec: String
        let input: String

        var testDescription: String { "\(spec) on \(input)" }
    }

    static let cases = [
        Case(file: "conv1d-connections", spec: "Conv1d(2, 2, 2, connections=[[0], [0, 1]])", input: "2x3"),
        Case(file: "convtranspose1d", spec: "ConvTranspose1d(1, 1, 3, stride=2, bias=False)", input: "1x3"),
        Case(file: "linear", spec: "Linear(3, 2)", input: "3"),
        Case(file: "linear-leading", spec: "Linear(2, 2, bias=False)", input: "2x2"),
        Case(file: "flatten", spec: "Flatten()", input: "2x2x2"),
        Case(file: "identity", spec: "Identity()", input: "2x2"),
        Case(file: "avgpool1d", spec: "AvgPool1d(3, stride=1, padding=1, count_include_pad=False)", input: "1x4"),
        Case(file: "avgpool2d", spec: "AvgPool2d(2)", input: "1x4x4"),
        Case(file: "sumpool1d", spec: "SumPool1d(2)", input: "2x4"),
        Case(file: "adaptiveavgpool1d", spec: "AdaptiveAvgPool1d(3)", input: "1x5"),
        Case(file: "globalsumpool", spec: "GlobalSumPool()", input: "2x3"),
        Case(file: "relu", spec: "ReLU()", input: "2x3"),
        Case(file: "tanh", spec: "Tanh()", input: "4"),
        Case(file: "maxpool1d", spec: "MaxPool1d(3, stride=2, padding=1)", input: "1x6"),
        Case(file: "maxpool2d", spec: "MaxPool2d(2)", input: "1x4x4"),
    ]

    @Test(arguments: cases)
    func textIsPinned(_ c: Case) throws {
        let result = try CLI.run(["show", c.spec, "--input", c.input])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == (try CLI.golden("kinds/\(c.file).txt", actual: result.stdout)))
    }

    @Test(arguments: cases)
    func latexIsPinned(_ c: Case) throws {
        let result = try CLI.run(["show", c.spec, "--input", c.input, "--format", "latex"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == (try CLI.golden("kinds/\(c.file).tex", actual: result.stdout)))
    }
}
