import ConvMatrix
import Foundation

/// The bytes `show` writes, in the chosen format.
struct ShowOutput {
    let show: Show
    let layer: MaterialisedConvolution

    init(show: Show, layer: MaterialisedConvolution) {
        self.show = show
        self.layer = layer
    }

    func bytes() throws -> [UInt8] {
        if show.format == .npy { return NpyExport.bytes(show.what, of: layer) }
        return Array(try text().utf8)
    }

    private var values: [Double] { layer.weights.weight }

    private func text() throws -> String {
        let view = MatrixView(layer: layer.layer, order: show.order)
        switch show.format {
        case .text: return try plainText(view)
        case .json: return try JSONOutput.encode(ShowReport(layer: layer, factor: show.factor, order: show.order))
        case .latex:
            let renderer = LatexRenderer(entries: show.entries, standalone: show.standalone)
            return show.factor ? try renderer.factor(layer: layer.layer, values: values) : try renderer.render(view, values: values)
        case .markdown: return try MarkdownRenderer(entries: show.entries).render(view, values: values)
        case .csv: return try CSVRenderer(entries: show.entries).render(view, values: values)
        case .svg: return try svg()
        case .npy: preconditionFailure("npy is bytes")
        }
    }

    private func plainText(_ view: MatrixView) throws -> String {
        let colour = show.output == nil && Terminal.colourEnabled
        let renderer = MatrixTextRenderer(entries: show.entries, colour: colour, maxWidth: show.output == nil ? Terminal.width : nil)
        let summary = LayerSummary(layer: layer.layer, tied: layer.tied).text + "\n"
        if let block = show.block {
            let (j, i) = try ShowOptionRules.parseBlock(block)
            return summary + (try renderer.renderBlock(layer.tied, j: j, i: i, values: values, input: layer.layer.input, output: layer.layer.output))
        }
        if show.factor { return summary + PaddingText.factor(layer, renderer: renderer) }
        return summary + (try renderer.render(view, values: values))
    }

    private func svg() throws -> String {
        let style: SvgRenderer.Style = show.spy ? .spy : (show.entries == .numeric ? .numeric(values: values) : .sharing)
        let renderer = try SvgRenderer(style: style)
        let title = "\(layer.layer.spec) on \(layer.layer.input)"
        if show.factor {
            return try renderer.renderFactor(valid: layer.layer.validTiedMatrix(), padding: layer.layer.padding, full: layer.tied, title: title)
        }
        return try renderer.render(layer.tied, title: title)
    }

    /// Bytes the output will take, estimated before anything is built, for the size guard:
    /// about 16 bytes a term in JSON, 12 bytes a dense entry in the text formats and
    /// JSON's matrix, 8 in npy; SVG bins large matrices and stays small.
    static func estimatedBytes(_ format: Show.Format, layer: Convolution) -> Int {
        let entries = saturatingProduct(layer.output.count, layer.input.count)
        switch format {
        case .json: return ShowReport.estimatedBytes(terms: layer.tapCount, entries: entries)
        case .text, .latex, .markdown, .csv: return saturatingProduct(entries, 12)
        case .npy: return saturatingProduct(entries, 8)
        case .svg: return saturatingProduct(layer.tapCount, 2)
        }
    }
}
