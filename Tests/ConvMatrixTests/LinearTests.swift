import Testing

@testable import ConvMatrix

/// Linear against its plain-loop reference, PyTorch's rules, and the structure
/// that sets it apart: no sharing on a vector, I ⊗ W on (…, in_features).
@Suite struct LinearTests {
    /// Vectors and (…, in_features) inputs of every rank; 1 feature; bias on and off;
    /// positional, keyword and prefixed spellings.
    static let edges: [LayerCase] = [
        LayerCase(spec: "Linear(6, 4)", input: "6"),
        LayerCase(spec: "Linear(1, 1)", input: "1"),
        LayerCase(spec: "Linear(3, 5, bias=False)", input: "3"),
        LayerCase(spec: "nn.Linear(3, 2, False)", input: "3"),
        LayerCase(spec: "Linear(in_features=5, out_features=1)", input: "1x5"),
        LayerCase(spec: "Linear(6, 3)", input: "4x6"),
        LayerCase(spec: "Linear(2, 3)", input: "5x2"),
        LayerCase(spec: "torch.nn.Linear(6, 2, bias=False)", input: "2x3x6"),
        LayerCase(spec: "Linear(4, 4)", input: "2x2x2x4"),
        LayerCase(spec: "Linear(40, 10)", input: "40"),
    ]

    @Test(arguments: edges)
    func forwardEqualsReference(_ layerCase: LayerCase) throws {
        LayerFormChecks.forwardMatchesReference(try layerCase.registeredLayer(), seed: 11)
    }

    @Test(arguments: edges)
    func matrixBuiltFromReferenceColumns(_ layerCase: LayerCase) throws {
        LayerFormChecks.columnsMatchReference(try layerCase.registeredLayer(), seed: 12)
    }

    @Test(arguments: edges)
    func dotTest(_ layerCase: LayerCase) throws {
        LayerFormChecks.dotTestHolds(try layerCase.registeredLayer(), seed: 13)
    }

    @Test(arguments: edges)
    func weightGradientEqualsReference(_ layerCase: LayerCase) throws {
        LayerFormChecks.weightGradientMatchesReference(try layerCase.registeredLayer(), seed: 14)
    }

    @Test(arguments: edges)
    func printedSpecParsesBack(_ layerCase: LayerCase) throws {
        let layer = try layerCase.registeredLayer()
        try LayerFormChecks.printedSpecParsesBack(layer)
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input)
        #expect(again as? Linear == layer as? Linear)
    }

    /// The reference run on formal variables reads off Wᵀ's terms exactly: row r
    /// is Σ v_p x_c over the terms (r, c, p), each once.
    @Test(arguments: edges)
    func symbolicReferenceReadsOffTheTerms(_ layerCase: LayerCase) throws {
        let layer = try layerCase.registeredLayer()
        let x = (0..<layer.input.count).map(SymbolicScalar.input)
        let w = (0..<layer.weightParameterCount).map(SymbolicScalar.parameter)
        let y = layer.referenceForward(x: x, weight: w, bias: nil)
        let tied = layer.matrixForm().tied
        for r in 0..<tied.rows {
            var expected: [SymbolicScalar.Pair: Double] = [:]
            for term in tied.terms(inRow: r) { expected[SymbolicScalar.Pair(parameter: term.parameter, input: term.column), default: 0] += 1 }
            #expect(y[r].products == expected, "row \(r)")
        }
    }

    /// On a vector Wᵀ = W: every entry is its own parameter, each occupying one entry.
    @Test(arguments: edges.filter { !$0.input.contains("x") })
    func vectorInputSharesNothing(_ layerCase: LayerCase) throws {
        let layer = try layerCase.registeredLayer()
        let tied = layer.matrixForm().tied
        #expect(tied.occupancy.allSatisfy { $0 == 1 })
        #expect(tied.parameterCount == tied.entryCount)
        #expect(tied.tieIndices.sorted() == Array(0..<tied.entryCount))
        #expect(tied.constants.isEmpty)
    }

    /// On (L, in) inputs Wᵀ = I_L ⊗ W, with W the (out, in) weight as a matrix.
    @Test(arguments: edges.filter { $0.input.contains("x") })
    func sharedInputIsKroneckerProduct(_ layerCase: LayerCase) throws {
        let layer = try #require(try layerCase.registeredLayer() as? Linear)
        let data = LayerFormChecks.Data(for: layer, seed: 15)
        let w = Matrix(rows: layer.outFeatures, columns: layer.inFeatures, rowMajor: data.weight)
        let copies = layer.input.count / layer.inFeatures
        #expect(LayerFormChecks.dense(layer, data) == Self.kronecker(identity: copies, w))
        #expect(layer.matrixForm().tied.occupancy.allSatisfy { $0 == copies })
    }

    /// I_n ⊗ A, entry by entry: block (l, l′) is A when l = l′, zero otherwise.
    static func kronecker(identity n: Int, _ a: Matrix) -> Matrix {
        var result = Matrix(rows: n * a.rows, columns: n * a.columns)
        for l in 0..<n {
            for lPrime in 0..<n {
                for r in 0..<a.rows {
                    for c in 0..<a.columns { result[l * a.rows + r, lPrime * a.columns + c] = l == lPrime ? a[r, c] : 0 }
                }
            }
        }
        return result
    }

    /// PyTorch's shape rule: the last extent becomes out_features, the rest stays.
    @Test(arguments: [
        ("Linear(6, 4)", "6", "4"),
        ("Linear(6, 3)", "4x6", "4x3"),
        ("Linear(6, 2)", "2x3x6", "2x3x2"),
        ("Linear(4, 7)", "2x2x2x4", "2x2x2x7"),
        ("Linear(5, 1)", "1x5", "1x1"),
    ])
    func outputShape(spec: String, input: String, output: String) throws {
        let layer = try #require(try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input)) as? Linear)
        #expect(layer.output == (try TensorShape(parsing: output)))
        #expect(layer.weightShape == [layer.outFeatures, layer.inFeatures])
        #expect(layer.biasShape == [layer.outFeatures])
    }

    @Test(arguments: [
        ("nn.Linear(6, 2, False)", "Linear(6, 2, bias=False)"),
        ("Linear(in_features=6, out_features=4, bias=True)", "Linear(6, 4)"),
        ("Linear(6, out_features=4, bias=False)", "Linear(6, 4, bias=False)"),
    ])
    func canonicalForm(written: String, canonical: String) throws {
        let layer = try LayerRegistry.layer(parsing: written, input: TensorShape(parsing: "4x6"))
        #expect(layer.specDescription == canonical)
    }

    static let refused: [RefusedSpec] = [
        RefusedSpec(spec: "Linear(0, 3)", input: "6", field: "in_features", phrase: "at least 1, got 0"),
        RefusedSpec(spec: "Linear(6, -1)", input: "6", field: "out_features", phrase: "at least 1, got -1"),
        RefusedSpec(spec: "Linear(2000000, 3)", input: "6", field: "in_features", phrase: "larger than"),
        RefusedSpec(spec: "Linear(6, 3)", input: "4x5", field: "input", phrase: "the last extent 5 of 4x5 is not in_features 6"),
        RefusedSpec(spec: "Linear(6, 3)", input: "5", field: "input", phrase: "the last extent 5 of 5 is not in_features 6"),
        RefusedSpec(spec: "Linear(6)", input: "6", field: "out_features", phrase: "missing required argument"),
        RefusedSpec(spec: "Linear(6, 3, bias=1)", input: "6", field: "bias", phrase: "expected True or False"),
        RefusedSpec(spec: "Linear(6, 3, biass=False)", input: "6", field: "biass", phrase: "did you mean bias"),
        RefusedSpec(spec: "Linear(6.0, 3)", input: "6", field: "in_features", phrase: "expected an integer"),
        RefusedSpec(spec: "Linear(6, 3, bias=None)", input: "6", field: "bias", phrase: "got None"),
        RefusedSpec(spec: "Linear(6, 3, None)", input: "6", field: "bias", phrase: "got None"),
        RefusedSpec(spec: "Linear(6, 3, True, 4)", input: "6", field: "spec", phrase: "at most 3 positional"),
        RefusedSpec(spec: "Linear(6, 3, in_features=6)", input: "6", field: "in_features", phrase: "multiple values"),
        RefusedSpec(spec: "Linear(1048576, 1048576)", input: "1024x1048576", field: "input", phrase: "terms"),
    ]

    @Test(arguments: refused)
    func refusesWhatPyTorchRefuses(_ refusal: RefusedSpec) {
        refusal.check()
    }
}
