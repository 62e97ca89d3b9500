import Testing

@testable import ConvMatrix

/// The sparse path (``SparsePath``) against the terms path on small layers, with
/// the rule forced by a zero term limit: the same counts, the same summary and
/// blocks, and a check that passes where the terms path passes and fails where a
/// compressed entry is wrong. AlexNet-sized runs are `make test-release`'s.
@Suite struct SparsePathTests {
    static let cases = LayerCases.edges + LayerCases.edgesInEveryMode + CompressedTiedMatrixTests.lecun

    @Test func theRuleTakesBigDirectBuildsByTheirTerms() throws {
        let conv1 = try LayerCase(spec: "Conv2d(3, 96, 11, stride=4)", input: "3x227x227").layer()
        #expect(SparsePath.applies(to: conv1))
        let small = try LayerCase(spec: "Conv2d(2, 3, 3)", input: "2x8x8").layer()
        #expect(!SparsePath.applies(to: small))
        #expect(SparsePath.applies(to: small, termLimit: 0))
        let linear = try LayerRegistry.layer(parsing: "Linear(4000, 2000)", input: TensorShape(parsing: "4000"))
        #expect(SparsePath.applies(to: linear), "8,000,000 terms, built from the geometry like a convolution's")
        let pooling = try LayerRegistry.layer(parsing: "AvgPool2d(2)", input: TensorShape(parsing: "8x20x20"))
        #expect(!SparsePath.applies(to: pooling, termLimit: 0), "no direct builder: only a dense Wᵀ above the dense limit sends it")
    }

    @Test(arguments: cases)
    func countsAndRegionsEqualTheTermsPath(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.matrixForm().tied
        let compressed = try CompressedMatrixForm(layer).tied
        #expect(LayerSummary(layer: layer, compressed: compressed) == LayerSummary(layer: layer, tied: tied))
        #expect(compressed.nonzeroCount == tied.nonzeroCount)
        let whole = compressed.tiedMatrix(rows: 0..<tied.rows, columns: 0..<tied.columns, parameters: layer.parameterNames)
        #expect(whole.terms == tied.terms && whole.rowStarts == tied.rowStarts && whole.constants == tied.constants)
    }

    @Test(arguments: cases)
    func summaryAndBlocksEqualTheTermsPath(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let tied = layer.matrixForm().tied
        let compressed = try CompressedMatrixForm(layer).tied
        let width = 20
        let renderer = MatrixTextRenderer(maxWidth: width)
        let terms = try renderer.render(MatrixView(layer: layer)).split(separator: "\n", omittingEmptySubsequences: false)
        let sparse = try renderer.renderSummary(compressed, parameters: layer.parameterNames, input: layer.input, output: layer.output)
            .split(separator: "\n", omittingEmptySubsequences: false)
        if MatrixTextRenderer.narrowestWidth(columns: layer.input.count) > width {
            // The sentence from "Drawn in full" to the first empty line states the drawing's width:
            // exact on the terms path, its lower bound on the sparse one. Everything else is the same.
            func withoutWidth(_ lines: [Substring]) -> [Substring] {
                guard let start = lines.firstIndex(where: { $0.hasPrefix("Drawn in full") }), let end = lines[start...].firstIndex(of: "") else { return lines }
                return Array(lines[..<start] + lines[end...])
            }
            #expect(withoutWidth(terms) == withoutWidth(sparse), "\(layerCase.testDescription)")
            #expect(withoutWidth(terms).count < terms.count)
        }
        let blocks = [(1, 1), (tied.rowBlocks, tied.columnBlocks)]
        for (j, i) in blocks {
            let values = LayerWeights.integers(for: layer, seed: 3).weight
            let numeric = MatrixTextRenderer(entries: .numeric)
            #expect(
                try numeric.renderBlock(tied, j: j, i: i, values: values, input: layer.input, output: layer.output)
                    == numeric.renderBlock(compressed, j: j, i: i, parameters: layer.parameterNames, values: values, input: layer.input, output: layer.output))
        }
        #expect(throws: ConvMatrixError.self) {
            try renderer.renderBlock(compressed, j: tied.rowBlocks + 1, i: 1, parameters: layer.parameterNames, input: layer.input, output: layer.output)
        }
    }

    @Test(arguments: cases)
    func sparseCheckPassesWhereTheTermsPathPasses(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let terms = try Checker(layer: layer, seed: 5).run()
        let checker = Checker(layer: layer, seed: 5, sparseTermLimit: 0)
        #expect(checker.usesSparsePath)
        let sparse = try checker.run()
        #expect(terms.passed && sparse.passed, "\(sparse.failures.map(\.note))")
        let ran = Set(sparse.checks.filter(\.ran).map(\.name))
        #expect(ran.isSubset(of: Set(terms.checks.filter(\.ran).map(\.name))))
        #expect(sparse.checks.first { $0.name == .finiteDifferences }?.ran == false)
    }

    @Test func givenRealWeightsPassWithinTheBound() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 3, padding=1, padding_mode='reflect')", input: "2x6x6").layer()
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 8)
        let sparse = try Checker(layer: layer, seed: 2, weights: weights, sparseTermLimit: 0).run()
        #expect(sparse.passed, "\(sparse.failures.map(\.note))")
        #expect(sparse.checks.contains { $0.name == .forwardGivenWeights && $0.ran && ($0.tolerance ?? 0) > 0 })
    }

    @Test func structureFindsAWrongCompressedEntry() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 3, padding=1)", input: "2x5x5").layer()
        let form = try CompressedMatrixForm(layer)
        let t = form.tied
        var parameters = t.parameterIndices
        parameters[t.rowStarts[7]] = (parameters[t.rowStarts[7]] + 1) % Int32(t.parameterCount)
        let wrong = CompressedTiedMatrix(
            rows: t.rows, columns: t.columns, rowBlockSize: t.rowBlockSize, columnBlockSize: t.columnBlockSize, parameterCount: t.parameterCount,
            rowStarts: t.rowStarts, columnIndices: t.columnIndices, parameterIndices: parameters)
        let corrupted = CompressedMatrixForm(layer: layer, tied: wrong, border: form.border, offsetScale: form.offsetScale)
        let check = Checker(layer: layer, sparseTermLimit: 0).sparseStructure(corrupted)
        #expect(check.passed == false)
        #expect(check.note.contains("row 8"))
    }

    /// The guard sizes a dense AlexNet conv1 (290,400 × 154,587, ~360 GB) and its SVD before allocating anything.
    @Test func theGuardRefusesDenseAlexNetWithoutAllocating() throws {
        let conv1 = try LayerCase(spec: "Conv2d(3, 96, 11, stride=4)", input: "3x227x227").layer()
        let weights = LayerWeights.integers(for: conv1, seed: 1)
        #expect(throws: ConvMatrixError.self) { try MaterialisedLayer(conv1, weights: weights) }
        #expect(throws: ConvMatrixError.self) { try Inversion.requireBudgets(conv1, memory: .default, flops: .default) }
        #expect(Checker.estimate(for: conv1).bytes < 2 << 30, "the sparse check fits the default budget")
    }
}
