import Testing

@testable import ConvMatrix

/// The live explorer's controls start at the layer's own arguments, read off its canonical spec.
@Suite struct HtmlControlValuesTests {
    private func values(_ spec: String, _ input: String) throws -> HtmlControlValues {
        HtmlControlValues(layer: try LayerRegistry.layer(parsing: spec, input: try TensorShape(parsing: input)))
    }

    @Test func aStridedConvolutionSetsEveryControl() throws {
        let v = try values("Conv2d(2, 3, 3, stride=2, padding=1)", "2x7x7")
        #expect(v.kind == "Conv2d" && v.extra == "")
        let expected = [
            "in_channels": "2", "out_channels": "3", "kernel_size": "3", "stride": "2", "padding": "1", "dilation": "1", "groups": "1",
            "output_padding": "0", "padding_mode": "zeros",
        ]
        #expect(v.values == expected)
    }

    /// Tuples as the canonical spec writes them, strings unquoted, and what no control covers kept in `extra`.
    @Test func argumentsWithoutAControlAreKeptAsWritten() throws {
        let v = try values("Conv2d(1, 2, (3, 5), padding=((1, 2), (0, 1)), padding_mode='constant', padding_value=-1, bias='untied')", "1x6x7")
        #expect(v.values["kernel_size"] == "(3, 5)" && v.values["padding"] == "((1, 2), (0, 1))" && v.values["padding_mode"] == "constant")
        #expect(v.extra == "padding_value=-1.0, bias='untied'")
        let table = try values("Conv1d(4, 2, 3, connections=[[0, 1], [2, 3]], bias=False)", "4x8")
        #expect(table.extra == "bias=False, connections=[[0, 1], [2, 3]]")
    }

    /// A pooling's stride at its default is an empty box; its channels are the input's maps.
    @Test func poolingLeavesADefaultStrideEmpty() throws {
        let average = try values("AvgPool1d(2, ceil_mode=True)", "3x7")
        #expect(average.kind == "AvgPool1d" && average.values["stride"] == "" && average.values["in_channels"] == "3")
        #expect(average.extra == "ceil_mode=True")
        let max = try values("MaxPool2d(3, stride=2, padding=1)", "2x7x7")
        #expect(max.values["stride"] == "2" && max.values["padding"] == "1" && max.values["kernel_size"] == "3")
    }

    @Test func aTransposedConvolutionSetsItsOutputPadding() throws {
        let v = try values("ConvTranspose1d(2, 3, 3, stride=2, output_padding=1)", "2x5")
        #expect(v.kind == "ConvTranspose1d" && v.values["output_padding"] == "1" && v.values["stride"] == "2" && v.values["out_channels"] == "3")
    }

    /// A kind the controls do not offer leaves them where a fresh page has them.
    @Test func otherKindsLeaveTheInitialControls() throws {
        #expect(try values("Linear(6, 4)", "6") == .initial)
        #expect(try values("ReLU()", "6") == .initial)
        #expect(HtmlControls.markup(spec: "x", input: "1x6x6").contains("name=\"padding\" value=\"1\""))
    }
}
