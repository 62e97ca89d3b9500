import Testing

@testable import ConvMatrix

/// The spec side of `bias='untied'` and `connections=`: what parses, how it prints,
/// and every error, with the list it points at.
@Suite struct LeCunSpecTests {
    /// Canonical texts: parse ∘ print must give them back.
    static let canonical = [
        "Conv1d(3, 2, kernel_size=2, bias='untied')",
        "Conv1d(3, 3, kernel_size=3, padding=1, connections=[[0, 1], [1, 2], [0, 2]])",
        "Conv2d(4, 3, kernel_size=3, stride=2, padding_mode='constant', padding_value=-1.0, bias='untied', connections=[[0], [1, 2, 3], [0, 3]])",
        "Conv3d(2, 2, kernel_size=2, bias=False, padding_mode='circular', connections=[[1], [0, 1]])",
        "Conv2d(1, 12, kernel_size=5, stride=2, padding=2, padding_mode='constant', padding_value=-1.0, bias='untied')",
    ]

    @Test(arguments: canonical + [LeNet.h2])
    func parsingThePrintGivesTheSpec(_ text: String) throws {
        let spec = try ConvolutionSpec(parsing: text)
        #expect(try ConvolutionSpec(parsing: spec.canonical) == spec)
    }

    @Test(arguments: canonical)
    func printingTheParseOfACanonicalTextGivesTheText(_ text: String) throws {
        #expect(try ConvolutionSpec(parsing: text).canonical == text)
    }

    /// Other spellings and the canonical text they print as.
    @Test(arguments: [
        ("Conv1d(3, 2, 2, 1, 0, 1, 1, 'untied')", "Conv1d(3, 2, kernel_size=2, bias='untied')"),
        ("Conv1d(2, 2, 3, connections=((1,), (0, 1)))", "Conv1d(2, 2, kernel_size=3, connections=[[1], [0, 1]])"),
        ("Conv1d(2, 2, 3, connections=[[1,], [0, 1,],],)", "Conv1d(2, 2, kernel_size=3, connections=[[1], [0, 1]])"),
        ("Conv2d(1, 1, [3, 5], stride=[1, 2])", "Conv2d(1, 1, kernel_size=(3, 5), stride=(1, 2))"),
        ("Conv2d(1, 1, 3, padding=[[2, 1], [1, 2]])", "Conv2d(1, 1, kernel_size=3, padding=((2, 1), (1, 2)))"),
        ("Conv1d(2, 2, 3, bias=True, connections=[[0, 1], [0, 1]])", "Conv1d(2, 2, kernel_size=3, connections=[[0, 1], [0, 1]])"),
    ])
    func printsCanonically(text: String, canonical: String) throws {
        #expect(try ConvolutionSpec(parsing: text).canonical == canonical)
    }

    @Test func untiedMeansABiasAndConnectionsSetTheWeightLayout() throws {
        let spec = try ConvolutionSpec(parsing: "Conv1d(3, 3, 2, bias='untied', connections=[[0, 1], [2], [0, 1, 2]])")
        #expect(spec.bias && spec.untiedBias)
        #expect(spec.weightShape == [6, 2] && spec.weightParameterCount == 12)
        #expect(spec.firstPairs == [0, 2, 3, 6])
        #expect(spec.fanIn == 6 && spec.fanIn(ofOutputMap: 1) == 2)
        let plain = try ConvolutionSpec(parsing: "Conv1d(4, 2, 2, groups=2)")
        #expect(!plain.untiedBias && plain.connections == nil && plain.inputMaps(ofOutputMap: 1) == [2, 3])
    }

    /// An error: the spec, its field, a phrase of its reason, and the text it points
    /// at (its first occurrence in the spec), if any.
    struct Failure: CustomTestStringConvertible, Sendable {
        let spec: String
        let field: String
        let phrase: String
        let pointsAt: String?
        var testDescription: String { spec }
    }

    static let failures: [Failure] = [
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0], [1, 0]])", field: "connections", phrase: "not sorted", pointsAt: "[1, 0]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0, 0], [1]])", field: "connections", phrase: "input map 0 twice", pointsAt: "[0, 0]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0], [1, 2]])", field: "connections", phrase: "outside 0...1", pointsAt: "[1, 2]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[-1], [1]])", field: "connections", phrase: "input map -1", pointsAt: "[-1]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0], []])", field: "connections", phrase: "list 1 (output map 1) is empty", pointsAt: "[]"),
        Failure(
            spec: "Conv1d(2, 2, 3, connections=[[0]])", field: "connections", phrase: "one list per output map (out_channels=2), got 1 list", pointsAt: "[[0]]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0], [1], [0]])", field: "connections", phrase: "got 3 lists", pointsAt: "[[0]"),
        Failure(spec: "Conv1d(2, 2, 3, groups=2, connections=[[0], [1]])", field: "connections", phrase: "together with groups=2", pointsAt: "[[0]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=3)", field: "connections", phrase: "expected a list", pointsAt: "3)"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[0, 1])", field: "connections", phrase: "expected a list of input maps", pointsAt: "0, 1]"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0.5], [1]])", field: "connections", phrase: "expected an integer", pointsAt: "0.5"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0], [1])", field: "spec", phrase: "',' or ']' to close the list", pointsAt: ")"),
        Failure(spec: "Conv1d(2, 2, 3, connections=[[0], [1]], connections=[[0], [1]])", field: "connections", phrase: "given twice", pointsAt: nil),
        Failure(spec: "Conv1d(2, 2, 3, 1, 0, 1, 1, True, 'zeros', [[0], [1]])", field: "spec", phrase: "too many positional", pointsAt: "[[0]"),
        Failure(spec: "Conv1d(2, 2, 3, bias='tied')", field: "bias", phrase: "unknown bias 'tied'", pointsAt: "'tied'"),
        Failure(spec: "Conv1d(2, 2, 3, bias=1)", field: "bias", phrase: "expected True, False or 'untied'", pointsAt: "1)"),
        Failure(spec: "Conv1d(2, 2, [3, 3])", field: "kernel_size", phrase: "expected 1 value", pointsAt: "[3, 3]"),
    ]

    @Test(arguments: failures)
    func isRefused(_ failure: Failure) {
        #expect {
            try ConvolutionSpec(parsing: failure.spec)
        } throws: { error in
            guard let error = error as? ConvMatrixError else { return false }
            let offset = failure.pointsAt.flatMap { failure.spec.range(of: $0) }.map { failure.spec.distance(from: failure.spec.startIndex, to: $0.lowerBound) }
            return error.field == failure.field && error.reason.contains(failure.phrase) && (offset == nil || error.offset == offset)
        }
    }

    /// A spec built in code is validated the same way, without an offset.
    @Test func aSpecBuiltInCodeIsValidated() {
        var spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 2, kernelSize: [3], bias: false, untiedBias: true)
        #expect(throws: ConvMatrixError.self) { try spec.validated() }
        spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 2, kernelSize: [3], connections: [[1], [1, 0]])
        #expect { try spec.validated() } throws: { ($0 as? ConvMatrixError)?.reason.contains("list 1") == true }
    }

    /// LayerWeights refuses, rather than miscounts, an untied bias given only the spec;
    /// the layer counts it.
    @Test func weightsOfAnUntiedBiasNeedTheLayer() throws {
        let spec = try ConvolutionSpec(parsing: "Conv1d(1, 2, 2, bias='untied')")
        #expect(throws: ConvMatrixError.self) { try LayerWeights(weight: [1, 2, 3, 4], bias: [1, 2], for: spec) }
        let layer = try Convolution(spec, input: TensorShape(parsing: "1x4"))
        #expect(throws: ConvMatrixError.self) { try LayerWeights(weight: [1, 2, 3, 4], bias: [1, 2], for: layer) }
        #expect(try LayerWeights(weight: [1, 2, 3, 4], bias: [1, 2, 3, 4, 5, 6], for: layer).bias?.count == 6)
    }
}
