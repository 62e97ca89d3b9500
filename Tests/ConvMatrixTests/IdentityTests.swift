import Testing

@testable import ConvMatrix

/// Identity against its reference, its matrix (the identity, all constants),
/// and the refusal of the arguments PyTorch would ignore.
@Suite struct IdentityTests {
    static let edges: [LayerCase] = [
        LayerCase(spec: "Identity()", input: "1"),
        LayerCase(spec: "Identity()", input: "192"),
        LayerCase(spec: "nn.Identity()", input: "2x6"),
        LayerCase(spec: "Identity()", input: "2x3x4"),
        LayerCase(spec: "torch.nn.Identity()", input: "1x2x3x2"),
    ]

    @Test(arguments: edges)
    func forwardEqualsReference(_ layerCase: LayerCase) throws {
        LayerFormChecks.forwardMatchesReference(try layerCase.registeredLayer(), seed: 31)
    }

    @Test(arguments: edges)
    func matrixBuiltFromReferenceColumns(_ layerCase: LayerCase) throws {
        LayerFormChecks.columnsMatchReference(try layerCase.registeredLayer(), seed: 32)
    }

    @Test(arguments: edges)
    func dotTest(_ layerCase: LayerCase) throws {
        LayerFormChecks.dotTestHolds(try layerCase.registeredLayer(), seed: 33)
    }

    @Test(arguments: edges)
    func weightGradientIsEmpty(_ layerCase: LayerCase) throws {
        LayerFormChecks.weightGradientMatchesReference(try layerCase.registeredLayer(), seed: 34)
    }

    @Test(arguments: edges)
    func printedSpecParsesBack(_ layerCase: LayerCase) throws {
        let layer = try layerCase.registeredLayer()
        try LayerFormChecks.printedSpecParsesBack(layer)
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input)
        #expect(again as? Identity == layer as? Identity)
        #expect(layer.output == layer.input)
    }

    @Test(arguments: edges)
    func matrixIsTheIdentityOfConstants(_ layerCase: LayerCase) throws {
        Self.assertIdentityOfConstants(try layerCase.registeredLayer())
    }

    /// Wᵀ = I: no term and no parameter, a constant 1 on each diagonal entry (tie −3), zero elsewhere (−1).
    static func assertIdentityOfConstants(_ layer: any Layer) {
        let tied = layer.matrixForm().tied
        let n = layer.input.count
        #expect(tied.rows == n && tied.columns == n)
        #expect(tied.terms.isEmpty)
        #expect(tied.parameterCount == 0)
        #expect(layer.weightParameterCount == 0 && layer.biasParameterCount == 0)
        #expect(tied.constants.map(\.row) == Array(0..<n))
        #expect(tied.constants.allSatisfy { $0.column == $0.row && $0.value == 1 })
        let ties = tied.tieIndices
        for r in 0..<n {
            for c in 0..<n where ties[r * n + c] != (r == c ? -3 : -1) {
                Issue.record("entry (\(r), \(c)) has tie \(ties[r * n + c])")
            }
        }
        var identity = Matrix(rows: n, columns: n)
        for u in 0..<n { identity[u, u] = 1 }
        #expect(tied.dense(parameters: []) == identity)
    }

    static let refused: [RefusedSpec] = [
        RefusedSpec(spec: "Identity(54)", input: "2x6", field: "spec", phrase: "takes no arguments"),
        RefusedSpec(spec: "Identity(unused_argument1=0.1)", input: "2x6", field: "unused_argument1", phrase: "takes no arguments"),
    ]

    @Test(arguments: refused)
    func refusesArgumentsPyTorchWouldIgnore(_ refusal: RefusedSpec) {
        refusal.check()
    }
}
