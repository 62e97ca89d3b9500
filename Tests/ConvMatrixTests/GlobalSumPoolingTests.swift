import Testing

@testable import ConvMatrix

/// GlobalSumPool(): one unit per channel, the sum over its map.
@Suite struct GlobalSumPoolingTests {
    static let edges: [PoolingCase] = [
        PoolingCase(spec: "GlobalSumPool()", input: "3x4x4"),
        PoolingCase(spec: "GlobalSumPool()", input: "2x5"),
        PoolingCase(spec: "GlobalSumPool()", input: "1x2x3x4"),
        PoolingCase(spec: "nn.GlobalSumPool()", input: "1x1"),
        PoolingCase(spec: "GlobalSumPool()", input: "3"),
    ]

    @Test(arguments: edges)
    func matrixEqualsReference(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.run(poolingCase, seed: 13)
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

    /// The output is (C,): no spatial dimensions, and every unit of map j in row j with coefficient 1.
    @Test(arguments: edges)
    func oneUnitPerChannelSummingItsMap(_ poolingCase: PoolingCase) throws {
        let layer = try poolingCase.layer()
        #expect(layer.output == TensorShape(channels: layer.input.channels, spatial: []))
        let constants = layer.matrixForm().tied.constants
        #expect(constants.count == layer.input.count)
        #expect(constants.allSatisfy { $0.value == 1 && $0.row == $0.column / layer.input.mapSize })
    }

    @Test(arguments: [
        ("GlobalSumPool(1)", "spec", "at most 0 positional"),
        ("GlobalSumPool(dim=1)", "dim", "has no argument"),
    ])
    func argumentsAreRefused(_ spec: String, _ field: String, _ phrase: String) {
        let error = PoolingChecks.error(spec, input: "1x4")
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.reason.contains(phrase) == true, "\(String(describing: error))")
    }
}
