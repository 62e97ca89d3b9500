import ConvMatrix

/// The slides' three reasons for convolutional layers, each computed: translation
/// (Wᵀ commutes with the shift; pooling on top makes it invariance), homogeneity
/// (one detector at every position), and depth (what stacking does to the
/// receptive field).
struct WhyCNNsDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "Why convolutions: translation, homogeneity, depth"

    func steps() throws -> [DemoStep] {
        [
            DemoStep(
                title: "Translation: shifting x shifts y",
                explanation: """
                    With circular padding, Wᵀ commutes with the cyclic shift S: Wᵀ(Sx) = S(Wᵀx). The \
                    layer is equivariant, not invariant; a sum pooling on top makes the features \
                    invariant, which is what the slides' invariance means.
                    """, body: try translation()),
            DemoStep(
                title: "Homogeneity: one detector at every position",
                explanation: """
                    Every row of a convolution's block holds the same kernel, moved one position on: the \
                    same feature detector is applied everywhere, with one set of parameters.
                    """, body: try homogeneity()),
            DemoStep(
                title: "Depth: stacking widens the receptive field",
                explanation: """
                    The product of stacked layers' matrices shows which inputs an output reads: with \
                    kernels of width k each layer adds k − 1 units, and a stride multiplies the growth.
                    """, body: try depth()),
        ]
    }

    private func translation() throws -> String {
        let layer = try LayerRegistry.layer(parsing: "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)", input: TensorShape(parsing: "1x10"))
        let m = try MaterialisedLayer(layer, weights: LayerWeights.integers(for: layer, seed: seed))
        var random = SplitMix64(seed: seed &+ 3)
        let x = (0..<10).map { _ in Double(random.nextInt(in: -3...3)) }
        let shift = { (v: [Double]) in [v[v.count - 1]] + v.dropLast() }
        let yOfShifted = m.forward(shift(x)), shiftedY = shift(m.forward(x))
        let pooled = (m.forward(x).reduce(0, +), yOfShifted.reduce(0, +))
        return "layer \(layer.specDescription), integer taps (seed \(seed))\n"
            + "x       = \(VectorText.tuple(x))\n" + "Sx      = \(VectorText.tuple(shift(x)))\n"
            + "Wᵀ(Sx)  = \(VectorText.tuple(yOfShifted))\n" + "S(Wᵀx)  = \(VectorText.tuple(shiftedY))\n"
            + "max |Wᵀ(Sx) − S(Wᵀx)| = \(NumberFormat.compact(maxAbsDifference(yOfShifted, shiftedY)))\n"
            + "sum pooling: Σ Wᵀx = \(NumberFormat.compact(pooled.0)), Σ Wᵀ(Sx) = \(NumberFormat.compact(pooled.1)): invariant\n"
    }

    private func homogeneity() throws -> String {
        let layer = try LayerRegistry.layer(parsing: "Conv1d(1, 1, 3, bias=False)", input: TensorShape(parsing: "1x8"))
        let tied = layer.matrixForm().tied
        let rows = (0..<tied.rows).map { r in tied.terms(inRow: r).map { ($0.column - r, $0.parameter) } }
        let same = rows.filter { $0.map(\.0) == rows[0].map(\.0) && $0.map(\.1) == rows[0].map(\.1) }.count
        return DemoStyle.renderer().render(tied, input: layer.input, output: layer.output)
            + "\n\(same) of \(tied.rows) rows hold the same taps (v¹, v², v³) at the same offsets from the diagonal: "
            + "\(tied.parameterCount) parameters for \(tied.nonzeroCount) nonzeros\n"
    }

    /// The receptive field of the middle output after 1…4 layers: nonzeros of one row of the structural product.
    private func depth() throws -> String {
        var lines = ["layers   width-3 kernels   width-3 kernels, stride 2 in the first"]
        for depth in 1...4 {
            let plain = try receptiveField(depth: depth, strided: false)
            let strided = try receptiveField(depth: depth, strided: true)
            lines.append("\(depth)".leftPadded(to: 6) + "\(plain) inputs".leftPadded(to: 18) + "\(strided) inputs".leftPadded(to: 21))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func receptiveField(depth: Int, strided: Bool) throws -> Int {
        var text = "input 1x48\n"
        for k in 0..<depth { text += "Conv1d(1, 1, 3\(strided && k == 0 ? ", stride=2" : ""), bias=False)\n" }
        let network = try Network(parsing: text, name: "stack")
        var byLayer: [String: LayerWeights] = [:]
        for layer in network.layers { byLayer[layer.name] = try LayerWeights(weight: [1, 1, 1], bias: nil, for: layer.layer) }
        let ones = NetworkWeights(byLayer: byLayer)
        let product = try MaterialisedNetwork(network, weights: ones).product(at: nil).matrix
        let row = product.rows / 2
        return (0..<product.columns).filter { product[row, $0] != 0 }.count
    }
}
