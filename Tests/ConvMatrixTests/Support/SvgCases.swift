import Testing

@testable import ConvMatrix

/// One picture to draw: a layer, a style, and whether to draw Wᵀ alone or the
/// factorisation Wᵀ = Wᵀ_valid · P. Named by spec so that a failure says which.
struct SvgCase: CustomTestStringConvertible, Sendable {
    enum Style: String, Sendable { case sharing, numeric, spy }

    let layer: LayerCase
    let style: Style
    var factor = false

    var testDescription: String { "\(style)\(factor ? " factor" : "") of \(layer.testDescription)" }

    /// The SVG, with seeded integer parameter values for the numeric style.
    func render() throws -> String {
        let convolution = try layer.layer()
        let tied = convolution.tiedMatrix()
        let renderer = try SvgRenderer(style: rendererStyle(parameters: tied.parameterCount))
        let title = "\(convolution.spec) on \(convolution.input)"
        return factor
            ? try renderer.renderFactor(valid: convolution.validTiedMatrix(), padding: convolution.padding, full: tied, title: title)
            : try renderer.render(tied, title: title)
    }

    func rendererStyle(parameters: Int) -> SvgRenderer.Style {
        switch style {
        case .sharing: return .sharing
        case .spy: return .spy
        case .numeric:
            var generator = SplitMix64(seed: 7)
            return .numeric(values: generator.integers(parameters))
        }
    }
}

/// The layers the SVG tests draw.
enum SvgCases {
    /// The slide's Wᵀ: Conv1d(2, 3, 3) on 2 maps of 6 steps, 12 × 12.
    static let slide = LayerCase(spec: "Conv1d(2, 3, kernel_size=3, bias=False)", input: "2x6")
    /// The slides' 2-D layer: 1200 × 784, 120,000 nonzeros.
    static let slide2d = LayerCase(spec: "Conv2d(4, 12, 5)", input: "4x14x14")
    static let grouped = LayerCase(spec: "Conv1d(4, 6, 3, groups=2)", input: "4x7")
    /// A kernel wider than its circular input: 10 of 15 entries sum two taps.
    static let circular = LayerCase(spec: "Conv1d(1, 1, 5, padding=3, padding_mode='circular', bias=False)", input: "1x3")
    static let padded2d = LayerCase(spec: "Conv2d(2, 2, 3, padding=1, padding_mode='reflect')", input: "2x5x5")

    static let all: [SvgCase] = [
        SvgCase(layer: slide, style: .sharing),
        SvgCase(layer: slide, style: .numeric),
        SvgCase(layer: slide, style: .spy),
        SvgCase(layer: grouped, style: .sharing),
        SvgCase(layer: circular, style: .sharing),
        SvgCase(layer: circular, style: .numeric),
        SvgCase(layer: circular, style: .sharing, factor: true),
        SvgCase(layer: padded2d, style: .sharing),
        SvgCase(layer: padded2d, style: .numeric, factor: true),
        // Unbinned, but too many blocks for per-block swatches: a tap ramp and a block map.
        SvgCase(layer: LayerCase(spec: "Conv1d(16, 20, 5, padding=2, groups=4)", input: "16x6"), style: .sharing),
        SvgCase(layer: slide2d, style: .sharing),
        SvgCase(layer: slide2d, style: .numeric),
        SvgCase(layer: slide2d, style: .spy),
        SvgCase(layer: LayerCase(spec: "Conv2d(4, 12, 5, padding=2)", input: "4x14x14"), style: .spy, factor: true),
    ]
}
