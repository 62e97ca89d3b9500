import ConvMatrix

/// `show` of a layer on the sparse path (``SparsePath``) from the compressed form,
/// with no ``TiedMatrix`` of the whole layer and no dense Wᵀ: the text summary and
/// `--block j,i`, the spy SVG (``SvgCompressedSpy``) and the JSON document with its
/// terms streamed (ShowReport+Sparse.swift). Other formats take the terms path,
/// whose guard refuses a layer this large and names these.
struct ShowSparse {
    let show: Show
    let layer: Convolution

    /// Bytes a streamed chunk of JSON terms holds.
    static let chunkBytes = 1 << 20

    /// True when `show` on `layer` takes this path: a big convolution, in maps order,
    /// without --factor, as text, as a spy SVG or as JSON.
    static func handles(_ show: Show, layer: any Layer, termLimit: Int = SparsePath.termLimit) -> Bool {
        guard SparsePath.applies(to: layer, termLimit: termLimit), !show.factor, show.order == .maps else { return false }
        switch show.format {
        case .text, .json: return true
        case .svg: return show.spy
        default: return false
        }
    }

    /// What the path holds and does, before anything is built: the parameters, the
    /// compressed form at its own estimate (``CompressedMatrixForm/estimatedBytes(for:)``,
    /// about 10 operations an entry to build and scan), the one block it draws as
    /// terms (an output map's windows on one input map, with the full matrix's row
    /// starts and the view's labels), and the printed text.
    static func estimate(_ show: Show, layer: any Layer) -> ResourceEstimate {
        let compressed = ResourceEstimate(bytes: CompressedMatrixForm.estimatedBytes(for: layer), work: 10 * Double(layer.entryCountBound))
        let blockTerms = saturatingProduct(layer.output.mapSize, (layer as? Convolution)?.spec.tapsPerKernel ?? 1)
        let labels = saturatingProduct(3 * MemoryLayout<Int>.size, saturatingSum(layer.output.count, layer.input.count))
        let block = ResourceEstimate(blockTerms, at: ResourceRate.term) + ResourceEstimate(bytes: labels, work: 0)
        return layer.parameterEstimate + compressed + block + printedEstimate(show, layer: layer)
    }

    /// What the chosen format prints: the text cells; the spy's drawn cells (at most
    /// 2·threshold a side) and its two axes; or JSON's weights and one chunk of terms.
    private static func printedEstimate(_ show: Show, layer: any Layer) -> ResourceEstimate {
        switch show.format {
        case .svg:
            let side = 2 * SvgRenderer.defaultBinningThreshold
            let axes = ResourceEstimate(bytes: saturatingProduct(2 * MemoryLayout<Int>.size, saturatingSum(layer.input.count, layer.output.count)), work: 0)
            return ResourceEstimate(side * side, at: OutputRate.svgTerm) + axes
        case .json:
            let document = ResourceEstimate(saturatingSum(layer.layerParameterCount, layer.output.count), at: OutputRate.jsonEntry)
            return document + ResourceEstimate(bytes: 2 * chunkBytes, work: 0) + ResourceEstimate(layer.entryCountBound, at: OutputRate.jsonStreamedTerm)
        default:
            let width = Terminal.width ?? MatrixTextRenderer.compressedSummaryWidth
            let blockCells = saturatingProduct(layer.output.mapSize, layer.input.mapSize)
            let summaryCells = saturatingSum(layer.output.channels * layer.input.channels, saturatingProduct(MatrixTextRenderer.summaryRows, width))
            return ResourceEstimate(show.block == nil ? summaryCells : blockCells, at: OutputRate.text)
        }
    }

    /// Writes the format `show` asks for, to --output or stdout.
    func write(weights: LayerWeights, budget: MemoryBudget) throws {
        var progress = ProgressLine(label: "show")
        progress.update("building the compressed form of \(layer.specDescription) (\(NumberFormat.count(layer.entryCountBound)) terms)")
        defer { progress.finish() }
        switch show.format {
        case .svg:
            let form = try CompressedMatrixForm(layer, budget: budget)
            let svg = try SvgCompressedSpy().render(form.tied, title: "\(layer.specDescription) on \(layer.input)")
            progress.finish()
            try show.write(Array(svg.utf8))
        case .json:
            let sparse = try SparseLayer(layer, weights: weights, budget: budget)
            progress.update("writing \(NumberFormat.count(sparse.form.tied.entryCount)) terms as JSON")
            if show.output == nil { progress.finish() }
            let document = try JSONOutput.encode(ShowReport(sparse: sparse))
            guard let hole = document.range(of: ShowReport.emptyTerms) else { preconditionFailure("a show document has terms") }
            let head = Array(document[..<hole.lowerBound].utf8) + Array("\"terms\":[".utf8)
            let tail = Array("]".utf8) + Array(document[hole.upperBound...].utf8)
            try show.write { (emit: AtomicFile.ChunkWriter) throws(ConvMatrixError) in
                try emit(head)
                try ShowReport.streamTerms(sparse.form.tied, chunkBytes: Self.chunkBytes, emit: emit)
                try emit(tail)
            }
        default:
            let text = try text(weights: weights, budget: budget)
            progress.finish()
            try show.write(Array(text.utf8))
        }
    }

    /// The summary or the block, after the layer's counts.
    private func text(weights: LayerWeights, budget: MemoryBudget) throws -> String {
        let form = try CompressedMatrixForm(layer, budget: budget)
        let colour = show.output == nil && Terminal.colourEnabled
        let renderer = MatrixTextRenderer(entries: show.entries, colour: colour, maxWidth: show.output == nil ? Terminal.width : nil)
        let values = weights.weight
        let header =
            LayerSummary(layer: layer, compressed: form.tied).text(maxWidth: renderer.maxWidth)
            + "shown from the compressed sparse form: more than \(NumberFormat.count(SparsePath.termLimit)) terms\n\n"
        if let block = show.block {
            let (j, i) = try ShowOptionRules.parseBlock(block)
            return header
                + (try renderer.renderBlock(
                    form.tied, j: j, i: i, parameters: layer.parameterNames, values: values, input: layer.input, output: layer.output))
        }
        return header
            + (try renderer.renderSummary(form.tied, parameters: layer.parameterNames, values: values, input: layer.input, output: layer.output))
    }
}
