import Foundation

/// Figure 3 of `convmat bench`: the compressed form's passes (``SparseLayer``)
/// against the dense ones and against the direct sliding-window reference.
///
///     sparse-forward-B    Y = WᵀX + (o + b)1ᵀ over the compressed rows   against the dense forward-B
///     sparse-backward-B   δX, δv and δb in one pass over the rows         against dense input- + weight-gradient-B
///     reference-forward-1 the naive sliding-window loops on one sample    against the sparse forward's time a sample
///     density             structural nonzeros / (rows · columns)
///     dense-flops         2 · rows · columns / (2 · output units · fan-in): the dense
///                         product's flops over a direct convolution's, which grows
///                         with the input while the direct cost grows with the kernel
///
/// Where the dense matrix does not fit the budget (AlexNet's conv1) the sparse
/// figures have no dense bound, and the batch is ``sparseOnlyBatch``.
extension Benchmark {
    /// The batch of a case too large for the dense form: a batch of 256 through AlexNet's conv1 is about 54 GFLOP.
    public static let sparseOnlyBatch = 8

    /// The dense passes' medians that the sparse figures are measured against.
    struct DenseTimes {
        let forward: Double
        let backward: Double
    }

    func sparseFigures(_ layer: any Layer, weights: LayerWeights, dense: DenseTimes?, budget: MemoryBudget) throws(ConvMatrixError) -> [BenchmarkFigure] {
        let name = Self.caseName(layer)
        let batch = dense == nil ? Self.sparseOnlyBatch : Self.batch
        let start = ContinuousClock.now
        let sparse = try SparseLayer(layer, weights: weights, budget: budget)
        var figures: [BenchmarkFigure] = []
        if dense == nil { figures.append(figure(name, "sparse-build", Self.seconds(since: start))) }
        let x = Self.sampleRows(batch, layer.input.count, seed: 2)
        let dy = Self.sampleRows(batch, layer.output.count, seed: 3)
        let forward = median { _ = sparse.forward(sampleRows: x) }
        figures.append(figure(name, "sparse-forward-\(batch)", forward, bound: dense.map { ("dense forward-\(batch)", $0.forward) }))
        let backward = median { _ = sparse.backward(sampleRows: x, outputGradientRows: dy) }
        figures.append(figure(name, "sparse-backward-\(batch)", backward, bound: dense.map { ("dense δX + δv", $0.backward) }))
        if let convolution = layer as? Convolution {
            let one = (0..<layer.input.count).map { x[0, $0] }
            let reference = median { _ = convolution.referenceForward(x: one, weight: weights.weight, bias: weights.bias) }
            figures.append(figure(name, "reference-forward-1", reference, bound: ("sparse forward, a sample", forward / Double(batch))))
        }
        let entries = Double(layer.input.count) * Double(layer.output.count)
        figures.append(figure(name, "density", Double(sparse.form.tied.nonzeroCount) / entries, unit: "fraction"))
        figures.append(figure(name, "dense-flops", entries / (Double(layer.output.count) * Double(max(1, layer.fanIn))), unit: "×"))
        return figures
    }

    /// `batch` samples of `units` values uniform in ±1, one sample a row.
    static func sampleRows(_ batch: Int, _ units: Int, seed: UInt64) -> Matrix {
        var random = SplitMix64(seed: seed)
        return Matrix(rows: batch, columns: units, columnMajor: (0..<(batch * units)).map { _ in random.nextSymmetric(bound: 1) })
    }
}
