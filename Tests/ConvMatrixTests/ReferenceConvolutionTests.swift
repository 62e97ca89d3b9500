import Testing

@testable import ConvMatrix

/// Small convolutions worked out by hand: every expected value below was computed
/// on paper from z_t = Σ_s w_s · x_{t+s}, never by running the code.
@Suite struct ReferenceConvolutionTests {
    /// A Conv1d without bias on one map.
    static func conv1d(
        _ kernel: Int, stride: Int = 1, padding: Padding? = nil, dilation: Int = 1,
        mode: PaddingMode = .zeros
    ) -> ConvolutionSpec {
        ConvolutionSpec(
            spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [kernel], stride: [stride],
            padding: padding, dilation: [dilation], bias: false, paddingMode: mode)
    }

    static func run(_ spec: ConvolutionSpec, _ x: [Double], _ w: [Double], bias: [Double]? = nil) -> [Double] {
        let input = TensorShape(channels: spec.inChannels, spatial: [x.count / spec.inChannels])
        return ReferenceConvolution.forward(spec: spec, input: input, x: x, weight: w, bias: bias)
    }

    static let signal: [Double] = [1, 2, 3, 5, 8]

    @Test func smoothingKernelInEachBorderMode() {
        #expect(Self.run(Self.conv1d(3, padding: .valid), Self.signal, [1, 2, 1]) == [8, 13, 21])
        #expect(Self.run(Self.conv1d(3, padding: .same), Self.signal, [1, 2, 1]) == [4, 8, 13, 21, 21])
        #expect(Self.run(Self.conv1d(3, padding: .full), Self.signal, [1, 2, 1]) == [1, 4, 8, 13, 21, 21, 8])
    }

    /// [−1, 1] is even: 'same' pads 0 before and 1 after, as PyTorch does.
    @Test func differentiationKernelInEachBorderMode() {
        #expect(Self.run(Self.conv1d(2, padding: .valid), Self.signal, [-1, 1]) == [1, 1, 2, 3])
        #expect(Self.run(Self.conv1d(2, padding: .same), Self.signal, [-1, 1]) == [1, 1, 2, 3, -8])
        #expect(Self.run(Self.conv1d(2, padding: .full), Self.signal, [-1, 1]) == [1, 1, 1, 2, 3, -8])
    }

    @Test func strideAndDilation() {
        #expect(Self.run(Self.conv1d(3, stride: 2), Self.signal, [1, 2, 1]) == [8, 21])
        #expect(Self.run(Self.conv1d(3, dilation: 2), Self.signal + [13], [1, 2, 1]) == [15, 25])
        #expect(Self.outputLength(Self.conv1d(2, stride: 3), inputLength: 7) == 2)
    }

    static func outputLength(_ spec: ConvolutionSpec, inputLength: Int) -> Int {
        ReferenceConvolution.outputShape(spec: spec, input: TensorShape(channels: spec.inChannels, spatial: [inputLength]))
            .spatial[0]
    }

    /// Out map j reads group ⌊j / (out/groups)⌋, not j mod groups.
    @Test func groupsAssignOutputMapsInBlocks() {
        let spec = ConvolutionSpec(
            spatialDimensions: 1, inChannels: 2, outChannels: 4, kernelSize: [1], groups: 2, bias: false)
        let y = Self.run(spec, [1, 2, 3, 10, 20, 30], [1, 2, 3, 4])
        #expect(y == [1, 2, 3, 2, 4, 6, 30, 60, 90, 40, 80, 120])
        let pairs = ConvolutionSpec(
            spatialDimensions: 1, inChannels: 2, outChannels: 2, kernelSize: [2], groups: 2, bias: true)
        #expect(Self.run(pairs, [1, 2, 3, 10, 20, 30], [1, 1, 1, -1], bias: [0, 100]) == [3, 5, 90, 90])
    }

    static let grid: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]  // 1x3x4

    @Test func twoDimensionalThreeByThree() {
        let spec = ConvolutionSpec(spatialDimensions: 2, inChannels: 1, outChannels: 1, kernelSize: [3, 3])
        let input = TensorShape(channels: 1, spatial: [3, 4])
        let sobel: [Double] = [1, 0, -1, 2, 0, -2, 1, 0, -1]
        #expect(ReferenceConvolution.forward(spec: spec, input: input, x: Self.grid, weight: sobel, bias: nil) == [-8, -8])
        // Not symmetric, so a flipped kernel (a true convolution) would give [12, 15] + 1.
        let corners: [Double] = [0, 1, 0, 0, 0, 0, 0, 0, 2]
        #expect(ReferenceConvolution.forward(spec: spec, input: input, x: Self.grid, weight: corners, bias: [1]) == [25, 28])
        #expect(ReferenceConvolution.outputShape(spec: spec, input: input).description == "1x1x2")
    }

    static let ramp: [Double] = [1, 2, 3, 4, 5]

    @Test(arguments: [
        (PaddingMode.zeros, [0, 0, 1, 2, 3, 4, 5, 0, 0] as [Double]),
        (.constant(-1), [-1, -1, 1, 2, 3, 4, 5, -1, -1]),
        (.circular, [4, 5, 1, 2, 3, 4, 5, 1, 2]),
        (.reflect, [3, 2, 1, 2, 3, 4, 5, 4, 3]),
        (.replicate, [1, 1, 1, 2, 3, 4, 5, 5, 5]),
    ])
    func paddingModeExtendsByTwo(mode: PaddingMode, expected: [Double]) {
        let spec = Self.conv1d(1, padding: .symmetric([2]), mode: mode)
        let input = TensorShape(channels: 1, spatial: [5])
        #expect(ReferenceConvolution.extendedInput(spec: spec, input: input, x: Self.ramp) == expected)
        #expect(ReferenceConvolution.extendedShape(spec: spec, input: input).description == "1x9")
        // A 1-tap identity kernel shows x̃ itself.
        #expect(Self.run(spec, Self.ramp, [1]) == expected)
    }

    @Test(arguments: [
        (PaddingMode.replicate, [1, 1, 2, 3, 3, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 4, 4, 5, 6, 6] as [Double]),
        (.circular, [6, 4, 5, 6, 4, 3, 1, 2, 3, 1, 6, 4, 5, 6, 4, 3, 1, 2, 3, 1]),
        (.reflect, [5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5, 2, 1, 2, 3, 2]),
    ])
    func paddingModeFillsCornersInTwoDimensions(mode: PaddingMode, expected: [Double]) {
        let spec = ConvolutionSpec(
            spatialDimensions: 2, inChannels: 1, outChannels: 1, kernelSize: [1, 1], padding: .symmetric([1, 1]),
            paddingMode: mode)
        let input = TensorShape(channels: 1, spatial: [2, 3])
        #expect(ReferenceConvolution.extendedInput(spec: spec, input: input, x: [1, 2, 3, 4, 5, 6]) == expected)
    }

    /// Stride 2 on 6 units leaves the last unit outside every window: its gradient is 0.
    @Test func gradientsWorkedByHand() {
        let spec = Self.conv1d(3, stride: 2)
        let input = TensorShape(channels: 1, spatial: [6])
        let delta: [Double] = [1, 10]
        let dx = ReferenceConvolution.inputGradient(spec: spec, input: input, outputGradient: delta, weight: [1, 2, 3])
        #expect(dx == [1, 2, 13, 20, 30, 0])
        let dw = ReferenceConvolution.weightGradient(spec: spec, input: input, x: [1, 2, 3, 4, 5, 6], outputGradient: delta)
        #expect(dw == [31, 42, 53])
        #expect(ReferenceConvolution.biasGradient(spec: spec, input: input, outputGradient: delta) == [11])
        // Reflect pad 1 on 4 units: x̃ = [x1, x0, x1, x2, x3, x2], so x1 collects ∂x̃[0] + ∂x̃[2], x2 ∂x̃[3] + ∂x̃[5].
        let reflected = Self.conv1d(3, stride: 2, padding: .symmetric([1]), mode: .reflect)
        let short = TensorShape(channels: 1, spatial: [4])
        #expect(
            ReferenceConvolution.inputGradient(spec: reflected, input: short, outputGradient: delta, weight: [1, 2, 3])
                == [2, 14, 20, 30])
    }
}
