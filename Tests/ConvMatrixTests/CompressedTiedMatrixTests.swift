import Testing

@testable import ConvMatrix

/// The compressed sparse form against the TiedMatrix and MaterialisedLayer it
/// replaces for big layers. Weights and data are small integers, so every sum is
/// exact and the comparisons are equalities.
@Suite struct CompressedTiedMatrixTests {
    /// LeCun 1989's options beside the edge table: connection tables (with padding
    /// that reflects or holds a constant) and untied biases.
    static let lecun = [
        LayerCase(spec: "Conv1d(3, 3, kernel_size=3, padding=1, padding_mode='reflect', connections=[[0, 1], [1, 2], [0, 2]])", input: "3x5"),
        LayerCase(
            spec:
                "Conv2d(4, 3, kernel_size=3, stride=2, padding=1, padding_mode='constant', padding_value=-1.0, bias='untied', connections=[[0], [1, 2, 3], [0, 3]])",
            input: "4x6x6"),
        LayerCase(spec: "Conv1d(3, 2, kernel_size=2, bias='untied')", input: "3x5"),
    ]

    static let convolutions = LayerCases.edges + LayerCases.edgesInEveryMode + lecun + LayerCases.random(count: 60, seed: 13)

    /// Built from the geometry, row by row, a convolution's compressed Wᵀ holds
    /// exactly the TiedMatrix's terms in the same (row, column, parameter) order,
    /// its border terms are the matrix form's, and its entry count is the one the
    /// geometry predicts.
    @Test(arguments: convolutions)
    func convolutionBuiltDirectlyEqualsTiedMatrix(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let form = layer.matrixForm()
        let compressed = try CompressedMatrixForm(layer)
        #expect(compressed.tied.rows == form.tied.rows && compressed.tied.columns == form.tied.columns)
        #expect(compressed.tied.rowBlockSize == form.tied.rowBlockSize && compressed.tied.columnBlockSize == form.tied.columnBlockSize)
        #expect(compressed.tied.parameterCount == form.tied.parameterCount)
        #expect(compressed.tied.rowStarts == form.tied.rowStarts)
        #expect(compressed.tied.terms == form.tied.terms)
        #expect(compressed.tied.coefficients == nil)
        #expect(compressed.border.terms == form.borderTerms)
        #expect(compressed.offsetScale == form.offsetScale)
        #expect(layer.compressedEntryCount == form.tied.termCount)
        #expect(layer.compressedBorderEntryCount == form.borderTerms.count)
        let values = LayerWeights.integers(for: layer, seed: 7).weight
        #expect(compressed.tied.dense(parameters: values) == form.tied.dense(parameters: values))
        #expect(CompressedMatrixForm.estimatedBytes(for: layer) >= compressed.tied.storageBytes + compressed.border.storageBytes)
    }

    /// Every kind, drawn at random: the compressed form holds the same matrix as
    /// the TiedMatrix (the same dense Wᵀ for integer weights, the same constants).
    @Test func everyKindEqualsItsTiedMatrix() throws {
        var generator = SplitMix64(seed: 2613)
        for _ in 0..<200 {
            let (configuration, layer) = RandomLayerDraw.next(&generator)
            let form = layer.matrixForm()
            let compressed = try CompressedMatrixForm(layer)
            let values = LayerWeights.integers(for: layer, seed: 3).weight
            let label = "\(configuration.spec) on \(configuration.input)"
            #expect(compressed.tied.dense(parameters: values) == form.tied.dense(parameters: values), "\(label)")
            #expect(compressed.tied.entryCount == form.tied.termCount, "\(label)")
            #expect(compressed.tied.constantCount == form.tied.constants.count, "\(label)")
            #expect(compressed.border.entryCount == form.borderTerms.count, "\(label)")
        }
    }

    /// Coefficients other than 1 survive the conversion, entry for entry.
    @Test func coefficientsAreKeptWhenNotAllOne() throws {
        let layer = try LayerRegistry.layer(parsing: "AvgPool2d(2)", input: TensorShape(parsing: "1x4x4"))
        let form = layer.matrixForm()
        let compressed = try CompressedTiedMatrix(form.tied)
        #expect(compressed.coefficients == form.tied.coefficients)
        #expect(compressed.constantValues == form.tied.constants.map(\.value))
        #expect(compressed.dense(parameters: []) == form.tied.dense(parameters: []))
    }
}
