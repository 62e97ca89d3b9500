import ConvMatrix

/// `show` of a layer on the sparse path (``SparsePath``): the text summary and
/// `--block j,i` from the compressed form, with no ``TiedMatrix`` of the whole layer
/// and no dense Wᵀ. Other formats take the terms path, whose guard refuses a layer
/// this large and names this one.
struct ShowSparse {
    let show: Show
    let layer: Convolution

    /// True when `show` on `layer` takes this path: a big convolution shown as text,
    /// in maps order, without --factor.
    static func handles(_ show: Show, layer: any Layer, termLimit: Int = SparsePath.termLimit) -> Bool {
        SparsePath.applies(to: layer, termLimit: termLimit) && show.format == .text && !show.factor && show.order == .maps
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
        let width = Terminal.width ?? MatrixTextRenderer.compressedSummaryWidth
        let blockCells = saturatingProduct(layer.output.mapSize, layer.input.mapSize)
        let summaryCells = saturatingSum(layer.output.channels * layer.input.channels, saturatingProduct(MatrixTextRenderer.summaryRows, width))
        let printed = ResourceEstimate(show.block == nil ? summaryCells : blockCells, at: OutputRate.text)
        return layer.parameterEstimate + compressed + block + printed
    }

    /// The summary or the block, after the layer's counts.
    func text(weights: LayerWeights, budget: MemoryBudget) throws -> String {
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
