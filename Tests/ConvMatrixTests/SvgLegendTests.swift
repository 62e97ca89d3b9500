import Testing

@testable import ConvMatrix

/// The sharing legend names every kernel of the layer, whichever axis of the
/// weight its names index first (ConvTranspose's (in, out/groups, *k)).
@Suite struct SvgLegendTests {
    @Test(arguments: [("ConvTranspose1d(3, 2, 3)", "3x4"), ("ConvTranspose1d(1, 2, 3, stride=2)", "1x4"), ("Conv1d(2, 3, 3)", "2x6")])
    func everyKernelHasItsSwatches(_ spec: String, _ input: String) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        let tied = layer.matrixForm().tied
        let svg = try SvgRenderer().render(tied, title: spec)
        let legend = String(svg[try #require(svg.range(of: "Colour = parameter"))!.lowerBound...])
        let kernels = Set(tied.parameters.map { ParameterName(outputMap: $0.outputMap, inputMap: $0.inputMap, tap: []) })
        for kernel in kernels {
            let label = SvgDocument.subscripted("v", tied.notation.indices(of: kernel).lower)
            #expect(legend.contains(label), "\(spec): the legend lacks v\(kernel.outputMap)\(kernel.inputMap)")
        }
    }
}
