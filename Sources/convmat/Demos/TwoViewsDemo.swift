import ConvMatrix

/// The slides' two readings of one layer: a sum of convolutions (units ordered
/// map by map) and a swipe of one weighted sum along the positions (units ordered
/// position by position), computed on the slide's layer and shown to be the same
/// operator under a permutation of rows and columns.
struct TwoViewsDemo: TeachingDemo {
    let spec = "Conv1d(2, 3, kernel_size=3, bias=False)"
    let shape = "2x6"
    var seed: UInt64 = 0

    let title = "Two views of one layer: convolutions, or a swipe of weighted sums"

    func steps() throws -> [DemoStep] {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: shape))
        let weights = LayerWeights.integers(for: layer, seed: seed)
        let m = try MaterialisedLayer(layer, weights: weights)
        let maps = MatrixView(layer: layer, order: .maps)
        let positions = MatrixView(layer: layer, order: .positions)
        let renderer = DemoStyle.renderer()
        return [
            DemoStep(
                title: "Units map by map: a sum of convolutions",
                explanation: """
                    Order x and y channel after channel and block (j, i) of Wᵀ is the band matrix of \
                    one convolution wⱼᵢ ∗ xᵢ: yⱼ = Σᵢ wⱼᵢ ∗ xᵢ, read along a block row.
                    """, body: try renderer.render(maps)),
            DemoStep(
                title: "Units position by position: one weighted sum swiped along",
                explanation: """
                    Order them position after position instead and block (o, q) is the C_out × C_in \
                    matrix that joins input position q to output position o. Every block row is the \
                    same weighted sum over a window, moved one position on: the sliding window.
                    """, body: try renderer.render(positions)),
            DemoStep(
                title: "One operator under a permutation",
                explanation: """
                    The two matrices hold the same entries: Wᵀ_positions = Π_y Wᵀ_maps Π_xᵀ, with Π \
                    the permutations that reorder the units. Computed on integer weights, entry by entry.
                    """, body: permutation(m, maps: maps, positions: positions)),
        ]
    }

    /// Row k of the positions view is row rowSource[k] of the maps view (and likewise columns).
    private func permutation(_ m: MaterialisedLayer, maps: MatrixView, positions: MatrixView) -> String {
        let dense = m.matrix
        let permuted = positions.tied.dense(parameters: m.weights.weight)
        var largest = 0.0
        for r in 0..<dense.rows {
            for c in 0..<dense.columns {
                largest = max(largest, abs(permuted[r, c] - dense[positions.rowSource[r], positions.columnSource[c]]))
            }
        }
        let rows = positions.rowSource.map { maps.rowUnit($0).unicode }.joined(separator: " ")
        let columns = positions.columnSource.map { maps.columnUnit($0).unicode }.joined(separator: " ")
        return "Π_y takes the rows in the order  \(rows)\n"
            + "Π_x takes the columns in the order \(columns)\n"
            + "integer kernels, seed \(seed): max |Wᵀ_positions − Π_y Wᵀ_maps Π_xᵀ| = \(NumberFormat.compact(largest)) "
            + "over \(NumberFormat.count(dense.rows * dense.columns)) entries\n"
    }
}
