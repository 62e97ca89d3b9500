import Testing

@testable import ConvMatrix

/// AvgPool1d/2d/3d and SumPool1d/2d/3d: the matrix against the reference, and
/// PyTorch's rules (pooling_output_shape, the avg_pool divisor, its argument checks).
@Suite struct SlidingPoolingTests {
    /// Kernel 1 and kernel equal to the input; stride below, equal to and above the
    /// kernel; padding up to k/2; ceil_mode with an overhang and with a dropped
    /// window; both divisors; divisor_override (also negative); dyadic and not.
    static let edges: [PoolingCase] = [
        PoolingCase(spec: "AvgPool1d(2)", input: "2x6"),
        PoolingCase(spec: "AvgPool1d(1)", input: "1x3"),
        PoolingCase(spec: "AvgPool1d(3, stride=1)", input: "1x5"),
        PoolingCase(spec: "AvgPool1d(3, ceil_mode=True)", input: "1x5"),
        PoolingCase(spec: "AvgPool1d(2, stride=2, padding=1, ceil_mode=True)", input: "1x5"),
        PoolingCase(spec: "AvgPool1d(3, stride=2, padding=1, ceil_mode=True)", input: "1x6"),
        PoolingCase(spec: "AvgPool1d(3, stride=2, padding=1, count_include_pad=False)", input: "2x7"),
        PoolingCase(spec: "AvgPool1d(4, stride=3, padding=2, ceil_mode=True, count_include_pad=False)", input: "1x7"),
        PoolingCase(spec: "AvgPool1d(2, stride=3)", input: "1x8"),
        PoolingCase(spec: "AvgPool2d(2)", input: "3x4x4"),
        PoolingCase(spec: "AvgPool2d(4)", input: "1x4x4"),
        PoolingCase(spec: "AvgPool2d((2, 3), stride=(1, 2), padding=1)", input: "2x5x6"),
        PoolingCase(spec: "AvgPool2d(3, stride=2, padding=1, ceil_mode=True, divisor_override=4)", input: "1x6x6"),
        PoolingCase(spec: "AvgPool2d(2, divisor_override=-3)", input: "1x4x4"),
        PoolingCase(spec: "AvgPool2d(3, 2, 1, True, False)", input: "1x6x5"),
        PoolingCase(spec: "AvgPool3d(2, stride=1, padding=1)", input: "1x3x3x3"),
        PoolingCase(spec: "AvgPool3d((1, 2, 2), ceil_mode=True, count_include_pad=False)", input: "2x3x5x5"),
        PoolingCase(spec: "SumPool1d(3, stride=2)", input: "2x7"),
        PoolingCase(spec: "SumPool1d(2, padding=1, ceil_mode=True)", input: "1x5"),
        PoolingCase(spec: "SumPool2d(2)", input: "1x4x6"),
        PoolingCase(spec: "SumPool3d(2, stride=(1, 2, 2), padding=1)", input: "1x3x4x4"),
    ]

    @Test(arguments: edges)
    func matrixEqualsReference(_ poolingCase: PoolingCase) throws {
        try PoolingChecks.run(poolingCase, seed: 11)
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

    /// Output lengths by PyTorch's pooling_output_shape, worked by hand:
    /// floor mode ⌊(L + 2p − k)/s⌋ + 1; ceil mode ⌈…⌉ + 1 unless the last window
    /// would start in the right padding ((o − 1)·s ≥ L + p).
    @Test(arguments: [
        ("AvgPool1d(2)", "1x5", "1x2"),
        ("AvgPool1d(2, ceil_mode=True)", "1x5", "1x3"),
        // ⌈5/2⌉ + 1 = 4, but window 4 would start at 3·2 − 1 = 5 = L: dropped.
        ("AvgPool1d(2, stride=2, padding=1, ceil_mode=True)", "1x5", "1x3"),
        ("AvgPool1d(3, stride=2, padding=1, ceil_mode=True)", "1x6", "1x4"),
        ("AvgPool1d(3, stride=2, padding=1)", "1x6", "1x3"),
        // L + 2p < k, yet ⌈−1/2⌉ + 1 = 1 window in ceil mode, as in PyTorch.
        ("AvgPool1d(4, stride=2, padding=1, ceil_mode=True)", "1x1", "1x1"),
        ("AvgPool2d((2, 3), stride=(1, 2), padding=1)", "2x5x6", "2x6x3"),
        ("SumPool3d(2, stride=(1, 2, 2), padding=1)", "1x3x4x4", "1x4x3x3"),
    ])
    func outputSizes(_ spec: String, _ input: String, _ expected: String) throws {
        #expect(try PoolingCase(spec: spec, input: input).layer().output == TensorShape(parsing: expected))
    }

    /// The divisor of the last window, as PyTorch's avg_pool kernels count it:
    /// with count_include_pad the window clipped to the padded input (a ceil_mode
    /// overhang beyond the right padding is not counted), without it the real units.
    @Test(arguments: [
        // Windows [0, 3), [3, 6) on 5 units, no padding: the overhang counts 2, not 3.
        ("AvgPool1d(3, ceil_mode=True)", "1x5", 2.0),
        // Last window [5, 8) on 6 units with p = 1: the padded input ends at 7, so 2 with the pad.
        ("AvgPool1d(3, stride=2, padding=1, ceil_mode=True)", "1x6", 2.0),
        ("AvgPool1d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)", "1x6", 1.0),
        // Last window [3, 6) on 5 units with p = 1: 3 with the pad, 2 real units.
        ("AvgPool1d(3, stride=2, padding=1)", "1x5", 3.0),
        ("AvgPool1d(3, stride=2, padding=1, count_include_pad=False)", "1x5", 2.0),
        ("AvgPool2d(3, stride=2, padding=1, ceil_mode=True, divisor_override=4)", "1x6x6", 4.0),
        ("AvgPool2d(2, divisor_override=-3)", "1x4x4", -3.0),
        ("SumPool1d(3, ceil_mode=True)", "1x5", 1.0),
    ])
    func divisorOfTheLastWindow(_ spec: String, _ input: String, _ divisor: Double) throws {
        let layer = try PoolingCase(spec: spec, input: input).layer()
        let tied = layer.matrixForm().tied
        let last = tied.constants.filter { $0.row == tied.rows - 1 }
        #expect(!last.isEmpty && last.allSatisfy { $0.value == 1 / divisor })
    }

    /// PyTorch's refusals (and ConvMatrix's argument binding), each naming its argument.
    @Test(arguments: [
        ("AvgPool1d(3, padding=2)", "1x8", "padding", "at most half of effective kernel size"),
        ("AvgPool2d(2, padding=(0, 2))", "1x8x8", "padding", "at most half"),
        ("SumPool1d(1, padding=1)", "1x8", "padding", "at most half"),
        ("AvgPool1d(2, padding=-1)", "1x8", "padding", "non-negative"),
        ("AvgPool2d(0)", "1x4x4", "kernel_size", "greater than zero"),
        ("AvgPool1d(2, stride=0)", "1x4", "stride", "greater than zero"),
        ("AvgPool1d(2, stride=-1)", "1x4", "stride", "greater than zero"),
        ("AvgPool2d(2, divisor_override=0)", "1x4x4", "divisor_override", "divisor must be not zero"),
        ("AvgPool1d(2, divisor_override=2)", "1x4", "divisor_override", "AvgPool1d has no argument"),
        ("SumPool1d(2, count_include_pad=False)", "1x4", "count_include_pad", "SumPool1d has no argument"),
        ("AvgPool1d(5)", "1x4", "kernel_size", "Output size is too small"),
        ("AvgPool1d(2)", "1x4x4", "input", "expects a shape CxL"),
        ("AvgPool3d(2)", "1x4x4", "input", "expects a shape CxDxHxW"),
        ("AvgPool2d((2, 2, 2))", "1x4x4", "kernel_size", "expected 2 values"),
        ("AvgPool1d()", "1x4", "kernel_size", "missing required argument"),
        ("AvgPool1d(2, ceil_mode=1)", "1x4", "ceil_mode", "True or False"),
        ("AvgPool1d(2, 2, 0, False, True, 1)", "1x4", "spec", "at most 5 positional"),
        ("AvgPool1d(2, kernel_size=2)", "1x4", "kernel_size", "multiple values"),
        ("AvgPool1d(2097152)", "1x4", "kernel_size", "larger than"),
    ])
    func pyTorchErrors(_ spec: String, _ input: String, _ field: String, _ phrase: String) {
        let error = PoolingChecks.error(spec, input: input)
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.reason.contains(phrase) == true, "\(String(describing: error))")
    }

    /// Defaults are omitted, stride=None is the kernel size, positional and keyword spellings agree.
    @Test(arguments: [
        ("nn.AvgPool2d(2, 2)", "AvgPool2d(kernel_size=2)"),
        ("AvgPool2d(kernel_size=(3, 3), stride=None, padding=0)", "AvgPool2d(kernel_size=3)"),
        ("AvgPool1d(3, 1, 1, False, False)", "AvgPool1d(kernel_size=3, stride=1, padding=1, count_include_pad=False)"),
        ("torch.nn.AvgPool3d((1, 2, 2), divisor_override=3)", "AvgPool3d(kernel_size=(1, 2, 2), divisor_override=3)"),
        ("SumPool2d(2, stride=(1, 2), ceil_mode=True)", "SumPool2d(kernel_size=2, stride=(1, 2), ceil_mode=True)"),
    ])
    func canonicalForm(_ written: String, _ canonical: String) throws {
        let shape = TensorShape(channels: 1, spatial: Array(repeating: 6, count: SpecLayerName.dimensions(of: canonical.prefix { $0 != "(" }.description)))
        #expect(try LayerRegistry.layer(parsing: written, input: shape).specDescription == canonical)
    }

    @Test func everyNameIsRegistered() {
        for name in ["AvgPool1d", "AvgPool2d", "AvgPool3d", "SumPool1d", "SumPool2d", "SumPool3d"] {
            #expect(LayerRegistry.names.contains(name))
        }
    }
}
