import ConvMatrix
import Foundation

/// The bytes `show` writes, in the chosen format.
struct ShowOutput {
    let show: Show
    /// The numbers without a dense Wᵀ: every format but npy draws from the terms.
    let layer: WeightedForm

    init(show: Show, layer: WeightedForm) {
        self.show = show
        self.layer = layer
    }

    func bytes() throws -> [UInt8] {
        if show.format == .npy { return try NpyExport.bytes(show.what, of: MaterialisedLayer(layer)) }
        return Array(try text().utf8)
    }

    private var values: [Double] { layer.weights.weight }

    private func text() throws -> String {
        let view = MatrixView(layer: layer.layer, order: show.order)
        switch show.format {
        case .text: return try plainText(view)
        case .json: return try JSONOutput.encode(ShowReport(layer: layer, factor: show.factor, order: show.order))
        case .latex:
            var renderer = LatexRenderer(entries: show.entries, document: show.beamer ? .beamer : show.standalone ? .standalone : .fragment)
            renderer.caption = "\(layer.layer.specDescription) on \(layer.layer.input)"
            if let nonlinear = layer.layer as? any InputDependentLayer {
                renderer.title = "J(x) = " + nonlinear.jacobianLatex
                renderer.comment = "J(x) = \(nonlinear.jacobianFormula) of \(nonlinear.specDescription) at x \(nonlinear.point.sourceDescription)"
            }
            if let (j, i) = try block() { return try renderer.renderBlock(layer.tied, j: j, i: i, values: values) }
            return show.factor ? try renderer.factor(layer: try convolution(), values: values) : try renderer.render(view, values: values)
        case .markdown: return try MarkdownRenderer(entries: show.entries).render(view, values: values)
        case .csv: return try CSVRenderer(entries: show.entries).render(view, values: values)
        case .svg: return try svg(view)
        case .html: return try HtmlRenderer(entries: show.entries).render(layer, title: "\(layer.layer.specDescription) on \(layer.layer.input)")
        case .npy: preconditionFailure("npy is bytes")
        }
    }

    private func plainText(_ view: MatrixView) throws -> String {
        let colour = show.output == nil && Terminal.colourEnabled
        let renderer = MatrixTextRenderer(entries: show.entries, colour: colour, maxWidth: show.output == nil ? Terminal.width : nil)
        let summary = LayerSummary(layer: layer.layer, tied: layer.tied).text(maxWidth: renderer.maxWidth) + "\n"
        if let block = show.block {
            let (j, i) = try ShowOptionRules.parseBlock(block)
            return summary + (try renderer.renderBlock(view, j: j, i: i, values: values))
        }
        if show.factor { return summary + PaddingText.factor(layer, of: try convolution(), renderer: renderer) }
        return summary + (try renderer.render(view, values: values))
    }

    private func svg(_ view: MatrixView) throws -> String {
        let style: SvgRenderer.Style = show.spy ? .spy : (show.entries == .numeric ? .numeric(values: values) : .sharing)
        let renderer = try SvgRenderer(style: style)
        let jacobian = (layer.layer as? any InputDependentLayer).map { ": J(x) = \($0.jacobianFormula) at x \($0.point.sourceDescription)" }
        let title = "\(layer.layer.specDescription) on \(layer.layer.input)" + (jacobian ?? "")
        if show.factor {
            let convolution = try convolution()
            return try renderer.renderFactor(valid: convolution.validTiedMatrix(), padding: convolution.padding, full: layer.tied, title: title)
        }
        if let (j, i) = try block() { return try renderer.renderBlock(layer.tied, j: j, i: i, title: title) }
        if show.order != .maps { return try renderer.render(view, title: title) }
        return try renderer.render(layer.tied, title: title)
    }

    /// The 1-based block (j, i) of --block, or nil.
    private func block() throws -> (j: Int, i: Int)? {
        try show.block.map { try ShowOptionRules.parseBlock($0) }
    }

    /// The layer as a convolution, for --factor: only a convolution has Wᵀ = Wᵀ_valid · P.
    private func convolution() throws -> Convolution {
        guard let convolution = layer.convolution else {
            throw OptionError(field: "factor", reason: "--factor shows a convolution's Wᵀ = Wᵀ_valid · P; \(layer.layer.kind) has no padding factorisation")
        }
        return convolution
    }

    /// What `show` will hold and do, estimated from the geometry before anything
    /// is built: the layer (parameters and terms; a dense Wᵀ only for npy, and for
    /// JSON's `matrix` through its rate), the extra matrices that the
    /// factorisation, the positions order or the chosen matrix add, and the
    /// output at its format's rate (``OutputRate``).
    static func estimate(_ show: Show, layer: any Layer) -> ResourceEstimate {
        var cost = layer.parameterEstimate + layer.structureEstimate
        if show.format == .npy { cost = cost + layer.denseEstimate }
        if show.factor || show.what == .valid, let convolution = layer as? Convolution { cost = cost + convolution.factorStructureEstimate }
        if show.order != .maps { cost = cost + layer.structureEstimate + layer.denseEstimate }
        return cost + outputEstimate(show, layer: layer)
    }

    /// True when the text view will be a summary: a terminal width is known and
    /// even the narrowest drawing of every column exceeds it.
    private static func textSummarised(_ show: Show, layer: any Layer) -> Bool {
        guard show.block == nil, !show.factor, show.output == nil, let width = Terminal.width else { return false }
        return MatrixTextRenderer.narrowestWidth(columns: layer.input.count) > width
    }

    /// What a summary draws: a block map of at most one cell per block, the
    /// corner of block (1, 1), ``MatrixTextRenderer/summaryRows`` rows of a
    /// terminal's width, and up to ``MatrixTextRenderer/exactWidthLimit`` entry
    /// texts to state the full drawing's exact width.
    private static func summaryCells(_ layer: any Layer) -> Int {
        let blocks = saturatingProduct(layer.output.channels, layer.input.channels)
        let corner = saturatingProduct(MatrixTextRenderer.summaryRows, Terminal.width ?? 80)
        let widths = min(layer.entryCountBound, MatrixTextRenderer.exactWidthLimit)
        return saturatingSum(saturatingSum(blocks, corner), widths)
    }

    /// The output alone: the entries or terms its format draws.
    private static func outputEstimate(_ show: Show, layer: any Layer) -> ResourceEstimate {
        let entries = layer.entryCount
        let block = saturatingProduct(layer.output.mapSize, layer.input.mapSize)
        let factorEntries = (layer as? Convolution)?.factorEntryCount ?? 0
        let drawn = show.block != nil ? block : show.factor ? saturatingSum(entries, factorEntries) : entries
        let extended = layer.extendedUnitCount
        // With --factor, Wᵀ_valid's terms and P's ones are drawn beside Wᵀ's.
        let terms = show.factor ? saturatingSum(saturatingProduct(2, layer.entryCountBound), extended) : layer.entryCountBound
        switch show.format {
        case .text: return ResourceEstimate(textSummarised(show, layer: layer) ? summaryCells(layer) : drawn, at: OutputRate.text)
        case .latex: return ResourceEstimate(drawn, at: OutputRate.latex)
        case .markdown: return ResourceEstimate(entries, at: OutputRate.markdown)
        case .csv: return ResourceEstimate(entries, at: OutputRate.csv)
        case .json:
            let dense = entries <= ShowReport.denseEntryLimit ? ResourceEstimate(entries, at: OutputRate.jsonEntry) : .zero
            return ResourceEstimate(terms, at: OutputRate.jsonTerm) + dense
        case .svg:
            return ResourceEstimate(drawn, at: OutputRate.svgEntry) + ResourceEstimate(terms, at: OutputRate.svgTerm)
        case .html: return ResourceEstimate(layer.entryCountBound, at: HtmlRenderer.entryRate)
        case .npy:
            switch show.what {
            case .matrix, .tie: return ResourceEstimate(entries, at: OutputRate.npy)
            case .valid: return ResourceEstimate(saturatingProduct(layer.output.count, extended), at: OutputRate.npy)
            case .padding: return ResourceEstimate(saturatingProduct(extended, layer.input.count), at: OutputRate.npy)
            }
        }
    }
}

extension Show.Format {
    /// The file extensions that name a format, for `--output` without `--format`.
    static let extensions: [(suffix: String, format: Show.Format)] = [
        ("svg", .svg), ("tex", .latex), ("md", .markdown), ("csv", .csv), ("npy", .npy), ("json", .json), ("txt", .text),
    ]

    /// `.svg, .tex, .md, .csv, .npy, .json, .txt`.
    static var extensionList: String { extensions.map { "." + $0.suffix }.joined(separator: ", ") }

    /// The format a file's extension names, case aside (`slide.SVG` → svg); nil for
    /// another extension or none.
    init?(extensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...].lowercased()
        guard let match = Self.extensions.first(where: { $0.suffix == suffix }) else { return nil }
        self = match.format
    }
}
