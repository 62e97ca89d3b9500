import Testing

@testable import ConvMatrix

/// MaxPool1d/2d/3d: the selection matrix at x against the plain-loop reference,
/// the arg-max rules (first maximum, −∞ padding), and PyTorch's argument rules.
@Suite struct MaxPoolingTests {
    /// 1d, 2d and 3d; stride default, below and above the kernel (overlapping and
    /// skipping windows); padding up to k/2; dilation; ceil_mode with an overhang;
    /// several channels; kernel 1 (no tie possible).
    static let edges: [PoolingCase] = [
        PoolingCase(spec: "MaxPool1d(2)", input: "2x6"),
        PoolingCase(spec: "MaxPool1d(1)", input: "1x3"),
        PoolingCase(spec: "MaxPool1d(3, stride=1)", input: "1x5"),
        PoolingCase(spec: "MaxPool1d(3, stride=2, padding=1)", input: "1x6"),
        PoolingCase(spec: "MaxPool1d(3, ceil_mode=True)", input: "2x5"),
        PoolingCase(spec: "MaxPool1d(3, stride=2, padding=1, ceil_mode=True)", input: "1x6"),
        PoolingCase(spec: "MaxPool1d(3, stride=1, dilation=2)", input: "1x7"),
        PoolingCase(spec: "MaxPool1d(2, stride=3)", input: "1x8"),
        PoolingCase(spec: "MaxPool1d(4, 2, 2, 2, False, True)", input: "1x9"),
        PoolingCase(spec: "MaxPool2d(2)", input: "3x4x4"),
        PoolingCase(spec: "MaxPool2d(3, stride=2, padding=1)", input: "2x5x5"),
        PoolingCase(spec: "MaxPool2d((2, 3), stride=(1, 2), padding=(1, 1), dilation=(2, 1))", input: "1x5x6"),
        PoolingCase(spec: "MaxPool2d(3, stride=2, ceil_mode=True)", input: "1x6x7"),
        PoolingCase(spec: "MaxPool3d(2)", input: "1x4x4x4"),
        PoolingCase(spec: "MaxPool3d((1, 2, 2), stride=1, padding=(0, 1, 1), dilation=(1, 2, 1), ceil_mode=True)", input: "2x3x4x4"),
    ]

    @Test(arguments: edges)
    func matrixEqualsReference(_ poolingCase: PoolingCase) throws {
        let layer = try Self.maxPool(poolingCase)
        let w = layer.matrixForm().tied.dense(parameters: [])
        var random = SplitMix64(seed: 5)
        let u = random.integers(layer.input.count)
        let dy = random.integers(layer.output.count)
        let forward: [Double] = layer.referenceForward(x: u, weight: [], bias: nil)
        #expect(w.multiply(u) == forward, "J(x)u")
        let dx = layer.referenceInputGradient(outputGradient: dy, weight: [])
        #expect(w.multiply(dy, transposed: true) == dx, "J(x)ᵀδy")
        let left = zip(forward, dy).reduce(0.0) { $0 + $1.0 * $1.1 }
        let right = zip(u, dx).reduce(0.0) { $0 + $1.0 * $1.1 }
        #expect(left == right, "dot test ⟨J u, δy⟩ = ⟨u, Jᵀ δy⟩")
        #expect(layer.matrixForm().tied.reduce(outputGradient: dy, input: u).isEmpty)
        #expect(layer.referenceWeightGradient(input: u, outputGradient: dy).isEmpty)
    }

    @Test(arguments: edges)
    func matrixBuiltFromReferenceColumns(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.columnsFromReference(poolingCase)
    }

    /// One constant 1 per row, on its own map, at a unit of the row's window.
    @Test(arguments: edges)
    func aSelectionOnTheBlockDiagonal(_ poolingCase: PoolingCase) throws {
        let layer = try Self.maxPool(poolingCase)
        let tied = layer.matrixForm().tied
        #expect(tied.parameters.isEmpty && tied.terms.isEmpty && layer.weightShape.isEmpty && layer.biasShape == nil)
        #expect(tied.constants.map(\.row) == Array(0..<layer.output.count), "one entry a row")
        #expect(tied.constants.allSatisfy { $0.value == 1 })
        #expect(tied.constants.allSatisfy { $0.row / layer.output.mapSize == $0.column / layer.input.mapSize }, "block-diagonal")
        #expect(layer.entryCountBound == tied.constants.count)
    }

    /// f(x) = J(x)·x, and the library's f equals the plain-loop f exactly, at the
    /// drawn point and at integers with ties.
    @Test(arguments: edges)
    func valueEqualsReferenceValue(_ poolingCase: PoolingCase) throws {
        let layer = try Self.maxPool(poolingCase)
        let x = layer.pointValues
        #expect(layer.value(at: x) == layer.referenceValue(at: x))
        #expect(layer.matrixForm().tied.dense(parameters: []).multiply(x) == layer.value(at: x))
        var random = SplitMix64(seed: 9)
        let tied = random.integers(layer.input.count, in: -1...1)
        #expect(layer.value(at: tied) == layer.referenceValue(at: tied))
    }

    @Test(arguments: edges)
    func parsePrintIsTheIdentity(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.parsePrint(poolingCase)
    }

    @Test(arguments: edges)
    func checkerPasses(_ poolingCase: PoolingCase) throws {
        let report = try Checker(layer: try poolingCase.layer()).run()
        #expect(report.passed, "\(report.checks.filter { $0.passed == false }.map(\.name))")
    }

    /// The drawn point is a permutation of consecutive integers: every window has
    /// one maximum, ahead of its runner-up by at least 1.
    @Test(arguments: edges)
    func drawnPointIsAwayFromTies(_ poolingCase: PoolingCase) throws {
        let layer = try Self.maxPool(poolingCase)
        let x = layer.drawPoint(seed: 3)
        let n = layer.input.count
        #expect(x.sorted() == (0..<n).map { Double($0 - n / 2) })
        if let kink = layer.nearestKink(to: x) { #expect(kink.distance >= 0.5, "\(kink.description)") }
        #expect(layer.thirdDerivativeBound == 0)
    }

    /// The transpose routes δy to the arg-max, summed where windows overlap:
    /// windows [0, 3), [1, 4), [2, 5) of x = (1, 5, 2, 0, 3) have arg-maxes 1, 1, 4.
    @Test func transposeRoutesTheGradientToTheArgMax() throws {
        let layer = try Self.maxPool(PoolingCase(spec: "MaxPool1d(3, stride=1)", input: "1x5")).at(x: [1, 5, 2, 0, 3])
        let dy: [Double] = [1, 2, 4]
        let expected: [Double] = [0, 3, 0, 0, 4]
        #expect(layer.referenceInputGradient(outputGradient: dy, weight: []) == expected)
        #expect(layer.matrixForm().tied.dense(parameters: []).multiply(dy, transposed: true) == expected)
        #expect(layer.value(at: layer.pointValues) == [5, 5, 3])
    }

    /// A tie goes to the first maximum in row-major tap order; nearestKink sees it.
    @Test(arguments: [
        ("MaxPool1d(3)", "1x3", [3.0, 5, 5], [1]),
        // Window (0, 0) of a 2x2 map: taps (0,0), (0,1), (1,0), (1,1); (0, 1) comes before (1, 0).
        ("MaxPool2d(2)", "1x2x2", [1.0, 5, 5, 2], [1]),
        // Windows {pad, 0} and {1, 2}: the second ties.
        ("MaxPool1d(2, padding=1)", "1x3", [4.0, 4, 4], [0, 1]),
    ])
    func tieGoesToTheFirstMaximum(_ spec: String, _ input: String, _ x: [Double], _ columns: [Int]) throws {
        let layer = try Self.maxPool(PoolingCase(spec: spec, input: input)).at(x: x)
        #expect(layer.matrixForm().tied.constants.map(\.column) == columns)
        var routed = Array(repeating: 0.0, count: x.count)
        for c in columns { routed[c] += 1 }
        #expect(layer.referenceInputGradient(outputGradient: Array(repeating: 1, count: columns.count), weight: []) == routed, "the reference's tie")
        #expect(layer.nearestKink(to: x)?.distance == 0)
        #expect(layer.nearestKink(to: x)?.description.contains("tie") == true)
    }

    /// Padding is −∞, not 0: a negative input still wins over the padding.
    @Test func paddingIsMinusInfinity() throws {
        let layer = try Self.maxPool(PoolingCase(spec: "MaxPool1d(2, padding=1)", input: "1x2")).at(x: [-3, -4])
        #expect(layer.value(at: layer.pointValues) == [-3, -4])
        #expect(layer.referenceValue(at: layer.pointValues) == [-3, -4])
        #expect(layer.matrixForm().tied.constants.map(\.column) == [0, 1])
    }

    /// The nearest tie: in (1, 7, 6, 5) window 0 leads by 6, window 1 by 1; the
    /// distance is half the smallest lead.
    @Test func nearestKinkIsTheSmallestLead() throws {
        let layer = try Self.maxPool(PoolingCase(spec: "MaxPool1d(2)", input: "1x4"))
        let kink = layer.nearestKink(to: [1, 7, 6, 5])
        #expect(kink?.distance == 0.5)
        #expect(kink?.description.contains("window 1") == true)
        #expect(try Self.maxPool(PoolingCase(spec: "MaxPool1d(1)", input: "1x4")).nearestKink(to: [1, 1, 1, 1]) == nil)
    }

    /// A kernel of 2²⁰ per dimension on one unit: the windows' real taps, not ∏k,
    /// are what the matrix and the reference visit, so this returns.
    @Test func aHugeKernelOnATinyInput() throws {
        let layer = try Self.maxPool(PoolingCase(spec: "MaxPool3d(1048576, padding=524288)", input: "2x1x1x1")).at(x: [3, -2])
        #expect(layer.output == TensorShape(channels: 2, spatial: [1, 1, 1]))
        #expect(layer.value(at: layer.pointValues) == [3, -2] && layer.referenceValue(at: layer.pointValues) == [3, -2])
        #expect(try Checker(layer: layer).run().passed)
    }

    private static func maxPool(_ poolingCase: PoolingCase) throws -> MaxPooling {
        try #require(try poolingCase.layer() as? MaxPooling)
    }
}
