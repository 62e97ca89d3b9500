import Testing

@testable import ConvMatrix

/// Flatten against its multi-index reference, PyTorch's dimension rules, and
/// its matrix: the identity, all constants.
@Suite struct FlattenTests {
    /// The default on every rank; a partial range at the front, the back and a
    /// single dimension (a no-op); negative dimensions.
    static let edges: [LayerCase] = [
        LayerCase(spec: "Flatten()", input: "192"),
        LayerCase(spec: "Flatten()", input: "2x3"),
        LayerCase(spec: "Flatten()", input: "4x14x14"),
        LayerCase(spec: "nn.Flatten()", input: "2x2x3x2"),
        LayerCase(spec: "Flatten(2)", input: "2x3x4"),
        LayerCase(spec: "Flatten(1, 2)", input: "2x3x4"),
        LayerCase(spec: "Flatten(start_dim=-2)", input: "2x3x4"),
        LayerCase(spec: "Flatten(end_dim=-2)", input: "2x3x4x5"),
        LayerCase(spec: "Flatten(2, 3)", input: "2x3x4x5"),
        LayerCase(spec: "Flatten(3, 3)", input: "2x3x4"),
        LayerCase(spec: "Flatten(-1)", input: "2x3x4"),
        LayerCase(spec: "Flatten(start_dim=1, end_dim=1)", input: "3x2"),
    ]

    @Test(arguments: edges)
    func forwardEqualsReference(_ layerCase: LayerCase) throws {
        LayerFormChecks.forwardMatchesReference(try layerCase.registeredLayer(), seed: 21)
    }

    @Test(arguments: edges)
    func matrixBuiltFromReferenceColumns(_ layerCase: LayerCase) throws {
        LayerFormChecks.columnsMatchReference(try layerCase.registeredLayer(), seed: 22)
    }

    @Test(arguments: edges)
    func dotTest(_ layerCase: LayerCase) throws {
        LayerFormChecks.dotTestHolds(try layerCase.registeredLayer(), seed: 23)
    }

    @Test(arguments: edges)
    func weightGradientIsEmpty(_ layerCase: LayerCase) throws {
        LayerFormChecks.weightGradientMatchesReference(try layerCase.registeredLayer(), seed: 24)
    }

    @Test(arguments: edges)
    func printedSpecParsesBack(_ layerCase: LayerCase) throws {
        let layer = try layerCase.registeredLayer()
        try LayerFormChecks.printedSpecParsesBack(layer)
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input)
        #expect(again as? Flatten == layer as? Flatten)
    }

    /// Wᵀ = I with constants 1 on the diagonal and no parameter anywhere.
    @Test(arguments: edges)
    func matrixIsTheIdentityOfConstants(_ layerCase: LayerCase) throws {
        let layer = try layerCase.registeredLayer()
        IdentityTests.assertIdentityOfConstants(layer)
    }

    /// PyTorch's shape rule: dimensions start…end of (N, *sample) multiply into one.
    @Test(arguments: [
        ("Flatten()", "192", "192"),
        ("Flatten()", "4x14x14", "784"),
        ("Flatten(2)", "2x3x4", "2x12"),
        ("Flatten(1, 2)", "2x3x4", "6x4"),
        ("Flatten(end_dim=-2)", "2x3x4x5", "24x5"),
        ("Flatten(2, 3)", "2x3x4x5", "2x12x5"),
        ("Flatten(3, 3)", "2x3x4", "2x3x4"),
    ])
    func outputShape(spec: String, input: String, output: String) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        #expect(layer.output == (try TensorShape(parsing: output)))
        #expect(layer.output.count == layer.input.count)
    }

    @Test(arguments: [
        ("nn.Flatten(1, -1)", "Flatten()"),
        ("Flatten(start_dim=2)", "Flatten(start_dim=2)"),
        ("Flatten(1, 2)", "Flatten(end_dim=2)"),
        ("Flatten(-2, -1)", "Flatten(start_dim=-2)"),
    ])
    func canonicalForm(written: String, canonical: String) throws {
        let layer = try LayerRegistry.layer(parsing: written, input: TensorShape(parsing: "2x3x4"))
        #expect(layer.specDescription == canonical)
    }

    static let refused: [RefusedSpec] = [
        RefusedSpec(spec: "Flatten(4)", input: "2x3x4", field: "start_dim", phrase: "out of range for 2x3x4 with its batch dimension (expected -4 to 3"),
        RefusedSpec(spec: "Flatten(2)", input: "192", field: "start_dim", phrase: "out of range"),
        RefusedSpec(spec: "Flatten(end_dim=-5)", input: "2x3x4", field: "end_dim", phrase: "out of range"),
        RefusedSpec(spec: "Flatten(3, 2)", input: "2x3x4", field: "start_dim", phrase: "cannot come after end_dim"),
        RefusedSpec(spec: "Flatten(-1, -2)", input: "2x3x4", field: "start_dim", phrase: "cannot come after end_dim"),
        RefusedSpec(spec: "Flatten(0)", input: "2x3x4", field: "start_dim", phrase: "batch dimension"),
        RefusedSpec(spec: "Flatten(-4)", input: "2x3x4", field: "start_dim", phrase: "batch dimension"),
        RefusedSpec(spec: "Flatten(1.5)", input: "2x3x4", field: "start_dim", phrase: "expected an integer"),
        RefusedSpec(spec: "Flatten(None)", input: "2x3x4", field: "start_dim", phrase: "got None"),
        RefusedSpec(spec: "Flatten(1, end_dim=None)", input: "2x3x4", field: "end_dim", phrase: "got None"),
        RefusedSpec(spec: "Flatten(1, 2, 3)", input: "2x3x4", field: "spec", phrase: "at most 2 positional"),
        RefusedSpec(spec: "Flatten(start=1)", input: "2x3x4", field: "start", phrase: "no argument 'start'"),
    ]

    @Test(arguments: refused)
    func refusesWhatPyTorchRefuses(_ refusal: RefusedSpec) {
        refusal.check()
    }
}
