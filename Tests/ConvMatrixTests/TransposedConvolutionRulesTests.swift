import Testing

@testable import ConvMatrix

/// A spec that PyTorch refuses, with the field and a phrase of the reason ConvMatrix gives.
struct TransposedRefusal: CustomTestStringConvertible, Sendable {
    let spec: String
    var input = "1x4"
    let field: String
    let phrase: String

    var testDescription: String { "\(spec) on \(input)" }
}

/// A spec with the output shape PyTorch's formula gives, or a canonical form.
struct TransposedExpectation: CustomTestStringConvertible, Sendable {
    let spec: String
    let input: String
    let expected: String

    var testDescription: String { "\(spec) on \(input)" }
}

/// PyTorch's rules for ConvTranspose1d/2d/3d: positional order, weight layout,
/// output sizes, and every refusal.
@Suite struct TransposedConvolutionRulesTests {
    /// (n − 1)·s − 2p + d·(k − 1) + output_padding + 1, worked by hand; the first
    /// three are the examples of PyTorch's ConvTranspose2d documentation.
    static let outputSizes: [TransposedExpectation] = [
        TransposedExpectation(spec: "ConvTranspose2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2))", input: "16x50x100", expected: "33x93x100"),
        TransposedExpectation(spec: "ConvTranspose2d(16, 16, 3, stride=2, padding=1)", input: "16x6x6", expected: "16x11x11"),
        TransposedExpectation(spec: "ConvTranspose2d(16, 16, 3, stride=2, padding=1, output_padding=1)", input: "16x6x6", expected: "16x12x12"),
        TransposedExpectation(spec: "ConvTranspose1d(1, 1, 2, output_padding=1, dilation=2)", input: "1x3", expected: "1x6"),
        TransposedExpectation(spec: "ConvTranspose1d(1, 1, 3, padding=2)", input: "1x4", expected: "1x2"),
        TransposedExpectation(spec: "ConvTranspose3d(1, 1, (1, 2, 3), stride=(3, 2, 1))", input: "1x2x2x2", expected: "1x4x4x4"),
    ]

    /// The positional order is torch's: …, output_padding, groups, bias, dilation, padding_mode.
    static let canonicalForms: [TransposedExpectation] = [
        TransposedExpectation(
            spec: "nn.ConvTranspose1d(2, 4, 3, 2, 1, 1, 2, False, 2, 'zeros')", input: "2x5",
            expected: "ConvTranspose1d(2, 4, kernel_size=3, stride=2, padding=1, output_padding=1, groups=2, bias=False, dilation=2)"),
        TransposedExpectation(
            spec: "torch.nn.ConvTranspose2d(in_channels=1, out_channels=1, kernel_size=(3, 3), stride=1, padding=(0, 0), dilation=(1, 1))",
            input: "1x4x4", expected: "ConvTranspose2d(1, 1, kernel_size=3)"),
        TransposedExpectation(
            spec: "ConvTranspose2d(1, 1, (2, 3), padding_mode='zeros', output_padding=(1, 0), stride=(2, 1))", input: "1x4x4",
            expected: "ConvTranspose2d(1, 1, kernel_size=(2, 3), stride=(2, 1), output_padding=(1, 0))"),
    ]

    static let refusals: [TransposedRefusal] = [
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, output_padding=1)", field: "output_padding", phrase: "smaller than either stride or dilation"),
        TransposedRefusal(
            spec: "ConvTranspose1d(1, 1, 3, stride=2, output_padding=2)", field: "output_padding", phrase: "smaller than either stride or dilation"),
        TransposedRefusal(
            spec: "ConvTranspose1d(1, 1, 3, stride=2, output_padding=2, dilation=2)", field: "output_padding", phrase: "smaller than either stride or dilation"),
        TransposedRefusal(
            spec: "ConvTranspose2d(1, 1, 3, stride=(2, 1), output_padding=(1, 1))", input: "1x3x3", field: "output_padding",
            phrase: "along dimension 2"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, output_padding=-1)", field: "output_padding", phrase: "at least 0"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding='same')", field: "padding", phrase: "'same' is not supported for transposed convolutions"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding='valid')", field: "padding", phrase: "'valid' is not supported for transposed convolutions"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding='full')", field: "padding", phrase: "'full' is not supported for transposed convolutions"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding=((1, 0),))", field: "padding", phrase: "(before, after) pairs are not supported"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding=-1)", field: "padding", phrase: "at least 0"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 1, padding=1)", input: "1x1", field: "padding", phrase: "output size is too small"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding_mode='reflect')", field: "padding_mode", phrase: "only 'zeros' padding mode"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, 1, 0, 0, 1, True, 1, 'circular')", field: "padding_mode", phrase: "only 'zeros' padding mode"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding_mode='constant')", field: "padding_mode", phrase: "only 'zeros' padding mode"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding_mode=zeros)", field: "padding_mode", phrase: "expected a quoted padding mode"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, padding_value=1.0)", field: "padding_value", phrase: "has no argument 'padding_value'"),
        TransposedRefusal(spec: "ConvTranspose1d(3, 4, 3, groups=2)", input: "3x4", field: "groups", phrase: "in_channels 3 is not divisible by groups 2"),
        TransposedRefusal(spec: "ConvTranspose1d(4, 3, 3, groups=2)", input: "4x4", field: "groups", phrase: "out_channels 3 is not divisible by groups 2"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, groups=0)", field: "groups", phrase: "at least 1"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 0)", field: "kernel_size", phrase: "at least 1"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, stride=0)", field: "stride", phrase: "at least 1"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, dilation=0)", field: "dilation", phrase: "at least 1"),
        TransposedRefusal(spec: "ConvTranspose1d(0, 1, 3)", input: "0x4", field: "input", phrase: "not a positive integer"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 0, 3)", field: "out_channels", phrase: "at least 1"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1)", field: "kernel_size", phrase: "missing required argument"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, 1, 0, 0, 1, True, 1, 'zeros', 5)", field: "spec", phrase: "at most 10 positional"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, 1, bias=False, groups=1, bias=True)", field: "bias", phrase: "multiple values"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, stride=(1, 2))", field: "stride", phrase: "got 2"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, output_pading=1)", field: "output_pading", phrase: "did you mean output_padding?"),
        TransposedRefusal(spec: "ConvTranspose1d(2, 1, 3)", field: "input", phrase: "in_channels is 2"),
        TransposedRefusal(spec: "ConvTranspose2d(1, 1, 3)", field: "input", phrase: "expects a shape CxHxW"),
        TransposedRefusal(spec: "ConvTranspose1d(1, 1, 3, stride=2000000)", field: "stride", phrase: "larger than"),
        TransposedRefusal(
            spec: "ConvTranspose3d(1, 1, 1, stride=1048576)", input: "1x1048576x1048576x1", field: "input", phrase: "units"),
    ]

    @Test(arguments: outputSizes)
    func outputSize(_ expectation: TransposedExpectation) throws {
        let layer = try LayerRegistry.layer(parsing: expectation.spec, input: TensorShape(parsing: expectation.input))
        #expect(layer.output.description == expectation.expected)
        #expect(layer.kind == String(expectation.spec.prefix(15)))
    }

    @Test(arguments: canonicalForms)
    func canonicalForm(_ expectation: TransposedExpectation) throws {
        let layer = try LayerRegistry.layer(parsing: expectation.spec, input: TensorShape(parsing: expectation.input))
        #expect(layer.specDescription == expectation.expected)
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input)
        #expect((again as? TransposedConvolution)?.spec == (layer as? TransposedConvolution)?.spec)
    }

    @Test(arguments: refusals)
    func refusal(_ refusal: TransposedRefusal) {
        do {
            let layer = try LayerRegistry.layer(parsing: refusal.spec, input: TensorShape(parsing: refusal.input))
            Issue.record("accepted as \(layer.specDescription)")
        } catch {
            #expect(error.field == refusal.field, "\(error)")
            #expect(error.reason.contains(refusal.phrase), "\(error)")
        }
    }

    /// (in, out/groups, *k) and a bias per output map, PyTorch's layout.
    @Test func weightLayoutIsInByOutPerGroupByKernel() throws {
        let layer = try LayerRegistry.layer(parsing: "ConvTranspose2d(4, 6, (2, 3), groups=2)", input: TensorShape(parsing: "4x3x3"))
        #expect(layer.weightShape == [4, 3, 2, 3])
        #expect(layer.biasShape == [6])
        #expect(layer.weightParameterCount == 4 * 3 * 6)
        // Flat index ((i · 3 + o_local) · 2 + a) · 3 + b, input map 4 (group 2), output map 2 of that group.
        let name = layer.parameterName(((3 * 3 + 1) * 2 + 1) * 3 + 2)
        #expect(name == ParameterName(outputMap: 4, inputMap: 5, tap: [2, 3]))
        #expect(layer.biasParameter(ofRow: layer.output.mapSize * 5) == 5)
    }

    /// A spec error points at the value at fault, for the caret under it: one the
    /// spec alone refuses, and one that only the input size makes wrong.
    @Test(arguments: [
        ("ConvTranspose1d(1, 1, 3, stride=2, output_padding=3)", "3)"),
        ("ConvTranspose1d(1, 1, 1, 1, 1)", "1)"),
        ("ConvTranspose1d(1, 1, 1, padding=1, bias=False)", "1, bias"),
    ])
    func errorsPointAtTheirValue(_ text: String, _ marker: String) {
        do {
            _ = try LayerRegistry.layer(parsing: text, input: TensorShape(channels: 1, spatial: [1]))
            Issue.record("accepted")
        } catch {
            let offset = text.distance(from: text.startIndex, to: text.firstRange(of: marker)?.lowerBound ?? text.endIndex)
            #expect(error.offset == offset, "\(error)")
        }
    }
}
