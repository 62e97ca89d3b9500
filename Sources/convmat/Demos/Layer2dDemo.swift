import ConvMatrix

/// The slides' 2-D layer: 4 maps of 14×14 to 12 maps of 10×10 with 5×5 kernels.
/// Its sizes, the doubly block-Toeplitz structure of one block, its counts, and
/// what a dense layer of the same shape would cost.
struct Layer2dDemo: TeachingDemo {
    let spec = "Conv2d(4, 12, 5)"
    let shape = "4x14x14"
    var seed: UInt64 = 0

    let title = "The slides' 2-D layer: 4 maps of 14×14 to 12 maps of 10×10"

    func steps() throws -> [DemoStep] {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: shape))
        let tied = layer.matrixForm().tied
        return [
            DemoStep(
                title: "Sizes",
                explanation: """
                    Each map is flattened row by row, and the maps one after another: x has C·H·W units, \
                    y likewise, and Wᵀ has one row per output unit and one column per input unit.
                    """, body: sizes(layer)),
            DemoStep(
                title: "One block is doubly block-Toeplitz",
                explanation: """
                    Block (1, 1) joins input map 1 (14 rows of 14) to output map 1 (10 rows of 10). It is a \
                    10 × 14 grid of 10 × 14 sub-blocks: sub-block (p, u) holds kernel row u − p when \
                    0 ≤ u − p < 5, and each of those is itself a band (Toeplitz) matrix of that row's taps.
                    """, body: toeplitz(tied, layer: layer)),
            DemoStep(
                title: "The counts, and what a dense layer would cost",
                explanation: """
                    Weight sharing is the difference between the entries a matrix of this shape has and \
                    the parameters this one needs.
                    """, body: counts(tied, layer: layer)),
        ]
    }

    private func sizes(_ layer: any Layer) -> String {
        let kernel = layer.weightShape.map(String.init).joined(separator: " × ")
        return """
            layer  \(layer.specDescription)
            x      \(layer.input) = \(NumberFormat.count(layer.input.count)) units
            y      \(layer.output) = \(NumberFormat.count(layer.output.count)) units
            Wᵀ     \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) = \(NumberFormat.count(layer.entryCount)) entries, in \(layer.output.channels) × \(layer.input.channels) blocks of \(layer.output.mapSize) × \(layer.input.mapSize)
            v      \(kernel) = \(NumberFormat.count(layer.weightParameterCount)) weights, + \(layer.biasParameterCount) biases

            """
    }

    /// The grid of sub-blocks of block (1, 1), each labelled with the kernel row it holds, then sub-block (1, 1) drawn.
    private func toeplitz(_ tied: TiedMatrix, layer: any Layer) -> String {
        let (outputRows, outputColumns) = (layer.output.spatial[0], layer.output.spatial[1])
        let (inputRows, inputColumns) = (layer.input.spatial[0], layer.input.spatial[1])
        var kernelRow = Array(repeating: Array(repeating: 0, count: inputRows), count: outputRows)
        var first: [Term] = []
        for r in 0..<layer.output.mapSize {
            for term in tied.terms(inRow: r) where term.column < layer.input.mapSize {
                let (p, u) = (r / outputColumns, term.column / inputColumns)
                kernelRow[p][u] = tied.parameters[term.parameter].tap[0]
                if p == 0, u == 0 { first.append(Term(row: r % outputColumns, column: term.column % inputColumns, parameter: term.parameter)) }
            }
        }
        var text = "sub-blocks of block (1, 1): the kernel row each holds (· for none)\n\n"
        text += "      " + (1...inputRows).map { String($0).leftPadded(to: 3) }.joined() + "   ← input row u\n"
        for p in 0..<outputRows {
            text += "p = " + String(p + 1).leftPadded(to: 2) + kernelRow[p].map { ($0 == 0 ? "·" : String($0)).leftPadded(to: 3) }.joined() + "\n"
        }
        let sub = TiedMatrix(
            rows: outputColumns, columns: inputColumns, rowBlockSize: outputColumns, columnBlockSize: inputColumns,
            parameters: tied.parameters, terms: first)
        text += "\nsub-block (1, 1): output row 1 from input row 1, kernel row 1, a band of its 5 taps\n\n"
        text += DemoStyle.renderer().render(
            sub, input: TensorShape(channels: 1, spatial: [inputColumns]), output: TensorShape(channels: 1, spatial: [outputColumns]))
        return text
    }

    private func counts(_ tied: TiedMatrix, layer: any Layer) -> String {
        let dense = layer.entryCount + layer.output.count
        let shared = layer.layerParameterCount
        return """
            structural nonzeros  \(NumberFormat.count(tied.nonzeroCount)) of \(NumberFormat.count(tied.entryCount)) entries (\(NumberFormat.compact(100 * Double(tied.nonzeroCount) / Double(tied.entryCount), fractionDigits: 1)) %)
            parameters           \(NumberFormat.count(shared)) (weights and biases): each weight fills \(NumberFormat.count(tied.nonzeroCount / max(1, layer.weightParameterCount))) entries
            a dense layer        \(NumberFormat.count(dense)) parameters for the same \(NumberFormat.count(layer.input.count)) → \(NumberFormat.count(layer.output.count)) map: \(NumberFormat.count(dense / shared)) times as many

            """
    }
}
