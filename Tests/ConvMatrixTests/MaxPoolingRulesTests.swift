import Testing

@testable import ConvMatrix

/// MaxPool1d/2d/3d against PyTorch's rules: pooling_output_shape with dilation,
/// the argument checks, the refusals, the canonical form.
@Suite struct MaxPoolingRulesTests {
    /// Output lengths by pooling_output_shape, worked by hand:
    /// o = ⌊(L + 2p − d(k − 1) − 1 + (ceil ? s − 1 : 0))/s⌋ + 1, less 1 in ceil mode
    /// when the last window would start in the right padding ((o − 1)·s ≥ L + p).
    @Test(arguments: [
        ("MaxPool1d(2)", "1x5", "1x2"),
        ("MaxPool1d(2, ceil_mode=True)", "1x5", "1x3"),
        // 5 + 2 − 2 = 5; ⌊6/2⌋ + 1 = 4, but window 4 would start at 3·2 − 1 = 5 = L: dropped.
        ("MaxPool1d(2, stride=2, padding=1, ceil_mode=True)", "1x5", "1x3"),
        // 7 − 2·2 − 1 = 2: three windows of span 5.
        ("MaxPool1d(3, stride=1, dilation=2)", "1x7", "1x3"),
        // 6 + 2 − 4 − 1 = 3: ⌊3/2⌋ + 1 = 2, ceil ⌊4/2⌋ + 1 = 3 (window 3 starts at 3 < 7).
        ("MaxPool1d(3, stride=2, padding=1, dilation=2)", "1x6", "1x2"),
        ("MaxPool1d(3, stride=2, padding=1, dilation=2, ceil_mode=True)", "1x6", "1x3"),
        ("MaxPool2d((2, 3), stride=(1, 2), padding=(1, 1), dilation=(2, 1))", "1x5x6", "1x5x3"),
        ("MaxPool3d(2)", "2x4x4x5", "2x2x2x2"),
    ])
    func outputSizes(_ spec: String, _ input: String, _ expected: String) throws {
        #expect(try PoolingCase(spec: spec, input: input).layer().output == TensorShape(parsing: expected))
    }

    /// PyTorch's refusals (and ConvMatrix's argument binding), each naming its argument.
    @Test(arguments: [
        ("MaxPool1d(3, padding=2)", "1x8", "padding", "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1"),
        ("MaxPool2d(2, padding=(0, 2))", "1x8x8", "padding", "at most half of effective kernel size"),
        // Within half the effective kernel (5), beyond half the kernel (3).
        ("MaxPool2d(3, padding=2, dilation=2)", "1x9x9", "padding", "at most half of kernel size, but got padding=2 and kernel_size=3"),
        ("MaxPool1d(2, padding=-1)", "1x8", "padding", "non-negative"),
        ("MaxPool2d(0)", "1x4x4", "kernel_size", "greater than zero"),
        ("MaxPool1d(2, stride=0)", "1x4", "stride", "greater than zero"),
        ("MaxPool1d(2, dilation=0)", "1x4", "dilation", "dilation should be greater than zero"),
        ("MaxPool3d(2, dilation=(1, -1, 1))", "1x4x4x4", "dilation", "greater than zero"),
        // Taps at −1 and 1 on one unit: a window of padding only.
        ("MaxPool1d(2, padding=1, dilation=2)", "1x1", "dilation", "window 0 of spatial dimension 1 reads only padding"),
        ("MaxPool2d(2, padding=(0, 1), dilation=(1, 2))", "1x2x1", "dilation", "spatial dimension 2"),
        ("MaxPool1d(2, return_indices=True)", "1x4", "return_indices", "the selection matrix itself shows the indices"),
        ("MaxPool1d(2, 2, 0, 1, True)", "1x4", "return_indices", "one output"),
        ("MaxPool1d(5)", "1x4", "kernel_size", "Given input size: (1x4). Calculated output size: (1x0). Output size is too small"),
        ("MaxPool1d(3, dilation=2)", "1x4", "kernel_size", "Output size is too small"),
        ("MaxPool2d(2)", "1x4", "input", "expects a shape CxHxW"),
        ("MaxPool2d((2, 2, 2))", "1x4x4", "kernel_size", "expected 2 values"),
        ("MaxPool1d()", "1x4", "kernel_size", "missing required argument"),
        ("MaxPool1d(2, ceil_mode=1)", "1x4", "ceil_mode", "True or False"),
        ("MaxPool1d(2, return_indices=2)", "1x4", "return_indices", "True or False"),
        ("MaxPool1d(2, 2, 0, 1, False, False, 1)", "1x4", "spec", "at most 6 positional"),
        ("MaxPool1d(2, count_include_pad=False)", "1x4", "count_include_pad", "MaxPool1d has no argument"),
        ("MaxPool1d(2, kernel_size=2)", "1x4", "kernel_size", "multiple values"),
        ("MaxPool1d(2, dilation=2097152)", "1x4", "dilation", "larger than"),
    ])
    func pyTorchErrors(_ spec: String, _ input: String, _ field: String, _ phrase: String) {
        let error = PoolingChecks.error(spec, input: input)
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.reason.contains(phrase) == true, "\(String(describing: error))")
    }

    /// Defaults are omitted, stride=None is the kernel size, positional and keyword spellings agree.
    @Test(arguments: [
        ("nn.MaxPool2d(2, 2)", "MaxPool2d(kernel_size=2)"),
        ("MaxPool1d(3, 1, 1, 2, False, True)", "MaxPool1d(kernel_size=3, stride=1, padding=1, dilation=2, ceil_mode=True)"),
        ("torch.nn.MaxPool3d((1, 2, 2), stride=None, return_indices=False)", "MaxPool3d(kernel_size=(1, 2, 2))"),
        ("MaxPool2d(kernel_size=(3, 3), dilation=(1, 2), padding=0)", "MaxPool2d(kernel_size=3, dilation=(1, 2))"),
    ])
    func canonicalForm(_ written: String, _ canonical: String) throws {
        let dimensions = SpecLayerName.dimensions(of: canonical.prefix { $0 != "(" }.description)
        let shape = TensorShape(channels: 1, spatial: Array(repeating: 6, count: dimensions))
        #expect(try LayerRegistry.layer(parsing: written, input: shape).specDescription == canonical)
    }

    /// The random draw: admitted configurations cover dilation and ceil_mode in
    /// every rank, print back to themselves, and pass the checker.
    @Test func drawnConfigurationsPassTheChecker() throws {
        var generator = SplitMix64(seed: 17)
        var admitted: [any Layer] = []
        for _ in 0..<300 {
            let drawn = RandomLayerDraw.drawMaxPool(&generator)
            guard let layer = try? LayerRegistry.layer(parsing: drawn.spec, input: TensorShape(parsing: drawn.input)) else { continue }
            #expect(try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input).specDescription == layer.specDescription)
            #expect(try Checker(layer: layer, seed: 2).run().passed, "\(layer.specDescription) on \(layer.input)")
            admitted.append(layer)
        }
        #expect(Set(admitted.map(\.kind)) == ["MaxPool1d", "MaxPool2d", "MaxPool3d"])
        #expect(admitted.contains { $0.specDescription.contains("dilation=") && $0.specDescription.contains("ceil_mode=True") })
        #expect(admitted.count >= 150)
    }

    @Test func everyNameIsRegisteredAndInputDependent() throws {
        for name in ["MaxPool1d", "MaxPool2d", "MaxPool3d"] {
            #expect(LayerRegistry.names.contains(name))
        }
        #expect(try PoolingCase(spec: "MaxPool1d(2)", input: "1x4").layer().isInputDependent)
    }
}
