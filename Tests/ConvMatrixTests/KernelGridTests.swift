import Testing

@testable import ConvMatrix

/// The kernels of the picture are the blocks of Wᵀ: with weight value p at index p,
/// kernel (j, i)'s taps are exactly the parameters the terms of block (j, i) hold.
@Suite struct KernelGridTests {
    static let specs: [(String, String)] = [
        ("Conv1d(2, 3, kernel_size=3, bias=False)", "2x6"),
        ("Conv2d(4, 6, 3, groups=2)", "4x5x5"),
        ("Conv2d(3, 2, (2, 3), dilation=2)", "3x7x8"),
        ("Conv3d(2, 2, 2)", "2x3x3x3"),
        ("Conv2d(4, 3, 3, connections=[[0, 1], [1, 2, 3], [3]])", "4x5x5"),
        ("ConvTranspose1d(2, 4, 3, groups=2)", "2x4"),
        ("ConvTranspose2d(3, 2, 2, stride=2)", "3x3x3"),
    ]

    @Test(arguments: specs)
    func eachKernelIsItsBlocksParameters(_ spec: String, _ input: String) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        let grid = try KernelGrid(layer: layer, weight: (0..<layer.weightParameterCount).map(Double.init))
        let tied = layer.matrixForm().tied
        var blocks: [[Int]: Set<Int>] = [:]
        for term in tied.terms {
            blocks[[term.row / layer.output.mapSize, term.column / layer.input.mapSize], default: []].insert(term.parameter)
        }
        #expect(grid.rows.count == layer.output.channels)
        var drawn = 0
        for (j, kernels) in grid.rows.enumerated() {
            for kernel in kernels {
                #expect(Set(kernel.taps.map { Int($0) }) == blocks[[j, kernel.inputMap]] ?? [], "\(spec): v_\(j + 1)\(kernel.inputMap + 1)")
                drawn += kernel.taps.count
            }
        }
        #expect(drawn == layer.weightParameterCount, "every weight in one kernel")
    }

    @Test func aLayerWithoutKernelsIsRefused() throws {
        let linear = try LayerRegistry.layer(parsing: "Linear(3, 2)", input: TensorShape(parsing: "3"))
        #expect(throws: ConvMatrixError.self) { try KernelGrid(layer: linear, weight: Array(repeating: 0, count: 6)) }
        let conv = try LayerRegistry.layer(parsing: "Conv1d(1, 1, 3)", input: TensorShape(parsing: "1x5"))
        #expect(throws: ConvMatrixError.self) { try KernelGrid(layer: conv, weight: [1, 2]) }
    }

    @Test func tapsSitWhereTheirIndicesSay() {
        #expect(SvgKernels.position(ofTap: 7, size: [3, 4]) == (1, 3))
        #expect(SvgKernels.position(ofTap: 13, size: [2, 3, 3]) == (1, 5))
        #expect(SvgKernels.imageSize([2, 3, 3]) == (3, 7))
    }
}
