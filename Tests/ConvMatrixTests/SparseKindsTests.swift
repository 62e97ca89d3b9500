import Testing

@testable import ConvMatrix

/// The sparse path (``SparsePath``) for every kind, forced onto small layers by
/// zero limits: the same report as the dense path (check names in order, every
/// check passing, a point's checks on the same sample), a direct Linear build equal
/// to its converted term list, and a corrupted compressed form caught. AlexNet's
/// ReLU, max pooling and fc6 are only estimated here; `make test-release` runs them.
@Suite struct SparseKindsTests {
    /// Small layers of every kind that is not a convolution, and some convolutions.
    static let kinds: [(spec: String, input: String)] = [
        ("ReLU()", "3x5x5"), ("Tanh()", "10"), ("Sigmoid()", "2x4"), ("MaxPool2d(3, stride=2)", "2x7x7"),
        ("MaxPool1d(2, padding=1)", "2x5"), ("Flatten()", "2x3x3"), ("Linear(6, 3)", "4x6"), ("Linear(9, 4, bias=False)", "9"),
        ("AvgPool2d(2)", "2x4x4"), ("ConvTranspose2d(2, 3, 3, stride=2)", "2x3x3"), ("Identity()", "5"),
        ("Conv2d(2, 3, 3, padding=1, padding_mode='constant', padding_value=-1)", "2x5x5"),
    ]

    static func layer(_ spec: String, _ input: String) throws -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
    }

    /// The fixed table and 40 random draws of every registered kind.
    static let cases: [String] =
        kinds.map { "\($0.spec) on \($0.input)" }
        + {
            var g = SplitMix64(seed: 515)
            return (0..<40).map { _ in RandomLayerDraw.next(&g).configuration }.map { "\($0.spec) on \($0.input)" }
        }()

    static func parse(_ text: String) throws -> any Layer {
        let parts = text.components(separatedBy: " on ")
        return try layer(parts[0], parts[1])
    }

    @Test(arguments: cases)
    func theSparsePathGivesTheDenseReport(_ text: String) throws {
        let layer = try Self.parse(text)
        let dense = try Checker(layer: layer, seed: 4).run()
        let checker = Checker(layer: layer, seed: 4, sparseTermLimit: 0, sparseDenseLimit: 0)
        #expect(checker.usesSparsePath)
        let sparse = try checker.run()
        #expect(dense.passed && sparse.passed, "\(sparse.failures.map(\.note))")
        #expect(sparse.checks.map(\.name) == dense.checks.map(\.name))
        let ran = Set(sparse.checks.filter(\.ran).map(\.name))
        #expect(ran.isSubset(of: Set(dense.checks.filter(\.ran).map(\.name))))
        for check in dense.checks where check.ran && check.tolerance == 0 && ran.contains(check.name) {
            #expect(sparse[check.name]?.maxAbsError == 0, "\(check.name.rawValue): exact on both paths")
        }
        if layer.isInputDependent {
            #expect(sparse.point == dense.point)
            for name in [CheckReport.Name.forwardAtPoint, .finiteDifferences] {
                #expect(sparse[name]?.ran == dense[name]?.ran && sparse[name]?.maxAbsError == dense[name]?.maxAbsError, "\(name.rawValue)")
                #expect(sparse[name]?.tolerance == dense[name]?.tolerance, "\(name.rawValue)")
            }
        } else {
            #expect(sparse[.finiteDifferences]?.ran == false)
        }
    }

    @Test(arguments: [("Linear(6, 3)", "4x6"), ("Linear(9, 4, bias=False)", "9"), ("Linear(1, 1)", "1"), ("Linear(3, 5)", "2x2x3")])
    func aDirectLinearBuildIsItsConvertedTermList(_ spec: String, _ input: String) throws {
        let layer = try Self.layer(spec, input)
        #expect(layer is any DirectCompressedLayer)
        let direct = try CompressedMatrixForm(layer)
        let converted = try CompressedMatrixForm(layer.matrixForm())
        #expect(direct.tied == converted.tied)
        #expect(direct.border.entryCount == 0 && direct.offsetScale == 0)
        #expect(direct.tied.storageBytes <= CompressedMatrixForm.estimatedBytes(for: layer))
    }

    @Test func theStructureFindsAWrongEntryOfANonConvolution() throws {
        let linear = try Self.layer("Linear(5, 4)", "3x5")
        let form = try CompressedMatrixForm(linear)
        let t = form.tied
        var parameters = t.parameterIndices
        parameters[t.rowStarts[6] + 2] = (parameters[t.rowStarts[6] + 2] + 1) % Int32(t.parameterCount)
        let wrong = CompressedTiedMatrix(
            rows: t.rows, columns: t.columns, rowBlockSize: t.rowBlockSize, columnBlockSize: t.columnBlockSize, parameterCount: t.parameterCount,
            rowStarts: t.rowStarts, columnIndices: t.columnIndices, parameterIndices: parameters)
        let check = Checker(layer: linear, sparseTermLimit: 0).sparseStructure(
            CompressedMatrixForm(layer: linear, tied: wrong, border: form.border, offsetScale: 0))
        #expect(check.passed == false)
        #expect(check.note.contains("row 7"))
        #expect(Checker(layer: linear, sparseTermLimit: 0).sparseStructure(form).passed == true)
    }

    @Test func theStructureFindsAWrongSlopeOfAJacobian() throws {
        let relu = try Self.layer("ReLU()", "2x3x3")
        let form = try CompressedMatrixForm(relu)
        let t = form.tied
        var values = t.constantValues
        let k = try #require(values.indices.first { t.constantColumns[$0] > 4 })
        values[k] = 2
        let wrong = CompressedTiedMatrix(
            rows: t.rows, columns: t.columns, rowBlockSize: t.rowBlockSize, columnBlockSize: t.columnBlockSize, parameterCount: 0,
            rowStarts: t.rowStarts, columnIndices: t.columnIndices, parameterIndices: t.parameterIndices,
            constantRowStarts: t.constantRowStarts, constantColumns: t.constantColumns, constantValues: values)
        let check = Checker(layer: relu, sparseDenseLimit: 0).sparseStructure(
            CompressedMatrixForm(layer: relu, tied: wrong, border: form.border, offsetScale: 0))
        #expect(check.passed == false)
        #expect(check.note.contains("column \(t.constantColumns[k] + 1)"))
    }

    /// AlexNet's layers: each takes the sparse path and fits the default flop budget and
    /// 2 GiB, from the geometry alone (nothing of their size is built here).
    @Test(arguments: [
        ("ReLU()", "96x55x55"), ("ReLU()", "256x27x27"), ("ReLU()", "384x13x13"), ("ReLU()", "256x13x13"),
        ("MaxPool2d(3, stride=2)", "96x55x55"), ("MaxPool2d(3, stride=2)", "256x27x27"), ("MaxPool2d(3, stride=2)", "256x13x13"),
        ("Flatten()", "256x6x6"), ("Linear(9216, 4096)", "9216"), ("Linear(4096, 4096)", "4096"), ("Linear(4096, 1000)", "4096"),
        ("Conv2d(3, 96, 11, stride=4)", "3x227x227"),
    ])
    func alexNetsLayersAreAdmittedOnTheSparsePath(_ spec: String, _ input: String) throws {
        let layer = try Self.layer(spec, input)
        #expect(SparsePath.applies(to: layer))
        let estimate = Checker.estimate(for: layer)
        #expect(estimate.bytes < 2 << 30 && estimate.work <= FlopBudget.default.limitFlops, "\(estimate)")
    }

    @Test func theRuleStatesBothClauses() throws {
        let relu = try Self.layer("ReLU()", "4096")
        #expect(!SparsePath.applies(to: relu), "16,777,216 dense entries: the dense check")
        #expect(SparsePath.applies(to: try Self.layer("ReLU()", "5793")), "33,558,849 dense entries")
        #expect(!SparsePath.applies(to: relu, termLimit: 0), "no direct builder: only the dense clause")
        #expect(SparsePath.applies(to: relu, denseEntryLimit: 0))
        #expect(SparsePath.applies(to: try Self.layer("Linear(4, 2)", "4"), termLimit: 0))
    }
}
