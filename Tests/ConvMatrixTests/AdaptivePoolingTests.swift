import Testing

@testable import ConvMatrix

/// AdaptiveAvgPool1d/2d/3d: the matrix against the reference, and PyTorch's
/// window rule [⌊i·L/o⌋, ⌈(i+1)·L/o⌉) with its argument checks.
@Suite struct AdaptivePoolingTests {
    /// o dividing L and not, o = 1, o > L, None entries, every rank.
    static let edges: [PoolingCase] = [
        PoolingCase(spec: "AdaptiveAvgPool1d(3)", input: "1x5"),
        PoolingCase(spec: "AdaptiveAvgPool1d(1)", input: "2x7"),
        PoolingCase(spec: "AdaptiveAvgPool1d(7)", input: "1x3"),
        PoolingCase(spec: "AdaptiveAvgPool1d(4)", input: "1x8"),
        PoolingCase(spec: "AdaptiveAvgPool1d((2,))", input: "3x5"),
        PoolingCase(spec: "AdaptiveAvgPool2d((None, 3))", input: "2x4x5"),
        PoolingCase(spec: "AdaptiveAvgPool2d(2)", input: "1x5x7"),
        PoolingCase(spec: "AdaptiveAvgPool2d((3, None))", input: "1x7x2"),
        PoolingCase(spec: "AdaptiveAvgPool2d(output_size=(None, None))", input: "1x3x3"),
        PoolingCase(spec: "AdaptiveAvgPool3d((2, 1, 3))", input: "1x3x4x5"),
        PoolingCase(spec: "AdaptiveAvgPool3d(1)", input: "2x2x2x2"),
    ]

    @Test(arguments: edges)
    func matrixEqualsReference(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.run(poolingCase, seed: 12)
    }

    @Test(arguments: edges)
    func matrixBuiltFromReferenceColumns(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.columnsFromReference(poolingCase)
    }

    @Test(arguments: edges)
    func constantsOnlyAndBlockDiagonal(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.structure(poolingCase)
    }

    @Test(arguments: edges)
    func parsePrintIsTheIdentity(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.parsePrint(poolingCase)
    }

    /// L = 5 onto o = 3: [⌊0⌋, ⌈5/3⌉) = [0, 2), [⌊5/3⌋, ⌈10/3⌉) = [1, 4), [⌊10/3⌋, ⌈5⌉) = [3, 5),
    /// overlapping, each averaged over its own length.
    @Test func windowsWhenTheOutputDoesNotDivideTheInput() throws {
        let layer = try PoolingCase(spec: "AdaptiveAvgPool1d(3)", input: "1x5").layer()
        let tied = layer.matrixForm().tied
        let expected: [(columns: [Int], divisor: Double)] = [([0, 1], 2), ([1, 2, 3], 3), ([3, 4], 2)]
        for (r, window) in expected.enumerated() {
            let row = tied.constants.filter { $0.row == r }
            #expect(row.map(\.column) == window.columns, "row \(r)")
            #expect(row.allSatisfy { $0.value == 1 / window.divisor }, "row \(r)")
        }
    }

    /// None keeps the input's extent; an int means every dimension.
    @Test(arguments: [
        ("AdaptiveAvgPool2d((None, 3))", "2x4x5", "2x4x3"),
        ("AdaptiveAvgPool2d(2)", "1x5x7", "1x2x2"),
        ("AdaptiveAvgPool1d(7)", "1x3", "1x7"),
        ("AdaptiveAvgPool3d((2, None, 3))", "1x3x4x5", "1x2x4x3"),
    ])
    func outputSizes(_ spec: String, _ input: String, _ expected: String) throws {
        #expect(try PoolingCase(spec: spec, input: input).layer().output == TensorShape(parsing: expected))
    }

    @Test(arguments: [
        ("AdaptiveAvgPool1d(-1)", "1x5", "output_size", "greater than or equal to 0"),
        ("AdaptiveAvgPool2d((2, -1))", "1x5x5", "output_size", "greater than or equal to 0"),
        ("AdaptiveAvgPool1d(0)", "1x5", "output_size", "at least 1"),
        ("AdaptiveAvgPool1d((None,))", "1x5", "output_size", "expected an integer"),
        ("AdaptiveAvgPool2d(None)", "1x5x5", "output_size", "None"),
        ("AdaptiveAvgPool2d((2, 2, 2))", "1x5x5", "output_size", "expected 2 values"),
        ("AdaptiveAvgPool2d(1.5)", "1x5x5", "output_size", "expected an integer"),
        ("AdaptiveAvgPool2d(2)", "1x5", "input", "expects a shape CxHxW"),
        ("AdaptiveAvgPool1d()", "1x5", "output_size", "missing required argument"),
        ("AdaptiveAvgPool1d(2, 3)", "1x5", "spec", "at most 1 positional"),
        ("AdaptiveAvgPool1d(size=2)", "1x5", "size", "has no argument"),
        ("AdaptiveAvgPool1d(2097152)", "1x5", "output_size", "larger than"),
        ("AdaptiveAvgPool3d(1048576)", "1x2x2x2", "output_size", "more than"),
    ])
    func pyTorchErrors(_ spec: String, _ input: String, _ field: String, _ phrase: String) {
        let error = PoolingChecks.error(spec, input: input)
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.reason.contains(phrase) == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("nn.AdaptiveAvgPool2d((3, 3))", "AdaptiveAvgPool2d(output_size=3)"),
        ("AdaptiveAvgPool2d(output_size=(None, 3))", "AdaptiveAvgPool2d(output_size=(None, 3))"),
        ("AdaptiveAvgPool1d((4,))", "AdaptiveAvgPool1d(output_size=4)"),
        ("AdaptiveAvgPool3d((1, 2, 1))", "AdaptiveAvgPool3d(output_size=(1, 2, 1))"),
    ])
    func canonicalForm(_ written: String, _ canonical: String) throws {
        let shape = TensorShape(channels: 1, spatial: Array(repeating: 6, count: SpecLayerName.dimensions(of: canonical.prefix { $0 != "(" }.description)))
        #expect(try LayerRegistry.layer(parsing: written, input: shape).specDescription == canonical)
    }
}
