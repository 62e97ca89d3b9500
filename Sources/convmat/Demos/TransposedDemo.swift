import ConvMatrix

/// The transposed convolution as a matrix: its Wᵀ is the convolution's W for
/// the same weights, so each layer's forward pass is the other's backward pass;
/// a stride s spreads the inputs s apart (s − 1 zeros between them, the
/// "fractionally strided" convolution); and output_padding picks one of the
/// output sizes that the convolution's floor merged.
///
///     Wᵀ_transposed = (Wᵀ_conv)ᵀ = W_conv,     y_transposed = W_conv x,     δx_conv = W_conv δy
struct TransposedDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "Transposed convolution: the convolution's W, run forwards"

    func steps() throws -> [DemoStep] {
        [
            DemoStep(
                title: "ConvTranspose1d's Wᵀ is Conv1d's W",
                explanation: """
                    A ConvTranspose1d with the geometry of a Conv1d and the same weights has the \
                    convolution's matrix, transposed: block (j, i) of its Wᵀ holds vᵢⱼ where the \
                    convolution's block (i, j) does. It maps the convolution's output shape back to its input shape.
                    """, body: try sameWeights()),
            DemoStep(
                title: "Its forward pass is the convolution's backward pass",
                explanation: """
                    Backpropagation through the convolution computes δx = W δy. The transposed layer's forward \
                    pass multiplies by the same W, so it computes exactly that, and its own backward pass is \
                    the convolution's forward pass.
                    """, body: try passes()),
            DemoStep(
                title: "Stride s: s − 1 zeros between the inputs",
                explanation: """
                    A transposed convolution with stride s is a stride-1 convolution of the input with \
                    s − 1 zeros inserted between its units, padded by k − 1 and read with the kernel \
                    flipped: a convolution with stride 1/s, "fractionally strided".
                    """, body: try fractional()),
            DemoStep(
                title: "output_padding resolves the ambiguous output size",
                explanation: """
                    A strided convolution sends several input lengths to one output length, so the \
                    transposed layer's output length is ambiguous. output_padding a adds a units at the \
                    end; the other rows of Wᵀ stay as they were.
                    """, body: try outputPadding()),
        ]
    }

    private func layer(_ spec: String, _ input: TensorShape) throws -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: input)
    }

    private func integers(_ count: Int, offset: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed &+ offset)
        return (0..<count).map { _ in Double(random.nextSmallNonzeroInteger()) }
    }

    /// The convolution and its transposed layer with the seed's integer weights (one layout, (2, 1, 3)).
    private func pair() throws -> (convolution: MaterialisedLayer, transposed: MaterialisedLayer) {
        let conv = try layer("Conv1d(2, 1, 3, bias=False)", TensorShape(parsing: "2x5"))
        let transposed = try layer("ConvTranspose1d(1, 2, 3, bias=False)", conv.output)
        let weights = LayerWeights.integers(for: conv, seed: seed)
        return (try MaterialisedLayer(conv, weights: weights), try MaterialisedLayer(transposed, weights: weights))
    }

    private func sameWeights() throws -> String {
        let (conv, transposed) = try pair()
        let difference = maxAbsDifference(transposed.matrix.storage, conv.matrix.transposed.storage)
        return "\(conv.layer.specDescription) on \(conv.layer.input) → \(conv.layer.output), weight \(Self.shape(conv.layer.weightShape))\n"
            + "\(transposed.layer.specDescription) on \(transposed.layer.input) → \(transposed.layer.output), "
            + "weight \(Self.shape(transposed.layer.weightShape))\n\n"
            + SideBySide.matrices(("Conv1d: Wᵀ", conv.layer), ("ConvTranspose1d: Wᵀ", transposed.layer))
            + "\nwith the integer weights \(VectorText.tuple(conv.weights.weight, width: 2)) (seed \(seed)):\n"
            + "max |Wᵀ_transposed − (Wᵀ_conv)ᵀ| = \(NumberFormat.compact(difference))\n"
    }

    private static func shape(_ extents: [Int]) -> String {
        "(" + extents.map(String.init).joined(separator: ", ") + ")"
    }

    private func passes() throws -> String {
        let (conv, transposed) = try pair()
        let dy = integers(conv.layer.output.count, offset: 1)
        let x = integers(conv.layer.input.count, offset: 2)
        let backward = conv.backward(input: x, outputGradient: dy).input.column(0)
        let forward = transposed.forward(dy)
        let scatter = transposed.layer.referenceForward(x: dy, weight: transposed.weights.weight, bias: nil)
        let reverse = transposed.backward(input: dy, outputGradient: x).input.column(0)
        return "δy on the Conv1d's output:\n" + VectorText.maps("δy", dy, shape: conv.layer.output)
            + "the Conv1d's backward pass, δx = W δy:\n" + VectorText.maps("δx", backward, shape: conv.layer.input)
            + "the ConvTranspose1d's forward pass on δy, y = Wᵀ_transposed δy:\n" + VectorText.maps("y", forward, shape: transposed.layer.output)
            + "the scatter loop y[o, q·s − p + t] += w[i, o, t]·x[i, q] on δy:\n"
            + VectorText.maps("y", scatter, shape: transposed.layer.output)
            + "max |δx − y| = \(NumberFormat.compact(maxAbsDifference(backward, forward))), "
            + "max |y − the loop's y| = \(NumberFormat.compact(maxAbsDifference(scatter, forward)))\n\n"
            + "and the other way, on x = \(VectorText.tuple(x, width: 2)):\n"
            + "max |Conv1d forward Wᵀ_conv x − ConvTranspose1d backward W_transposed x| = "
            + "\(NumberFormat.compact(maxAbsDifference(conv.forward(x), reverse)))\n"
    }

    /// ConvTranspose1d with stride s against a stride-1 'full' Conv1d with the flipped
    /// kernel on the input with s − 1 zeros between its units.
    private func fractional() throws -> String {
        let transposed = try layer("ConvTranspose1d(1, 1, 3, stride=2, bias=False)", TensorShape(parsing: "1x4"))
        guard let s = (transposed as? TransposedConvolution)?.spec.stride[0] else { preconditionFailure("a ConvTranspose1d") }
        // seed + 1: seed 0's taps are a palindrome, which would hide the flip.
        let weights = LayerWeights.integers(for: transposed, seed: seed &+ 1)
        let x = integers(transposed.input.count, offset: 3)
        var spread: [Double] = []
        for (q, value) in x.enumerated() { spread += [value] + Array(repeating: 0.0, count: q + 1 < x.count ? s - 1 : 0) }
        let conv = try layer("Conv1d(1, 1, 3, padding='full', bias=False)", TensorShape(channels: 1, spatial: [spread.count]))
        let flipped = Array(weights.weight.reversed())
        let y = try MaterialisedLayer(transposed, weights: weights).forward(x)
        let z = try MaterialisedLayer(conv, weights: LayerWeights(weight: flipped, bias: nil, for: conv)).forward(spread)
        let matrix = DemoStyle.renderer().render(transposed.matrixForm().tied, input: transposed.input, output: transposed.output)
        let label = { (text: String) in text + String(repeating: " ", count: max(1, 29 - text.count)) + "= " }
        let lines = [
            "\(transposed.specDescription) on \(transposed.input) → \(transposed.output),",
            "taps \(VectorText.tuple(weights.weight, width: 2)) (seed \(seed &+ 1))",
            matrix + "each column is the kernel, moved s = \(s) rows on from the one before", "",
            label("x") + VectorText.tuple(x, width: 2),
            label("x̂: s − 1 = \(s - 1) zeros between") + VectorText.tuple(spread, width: 2),
            label("ConvTranspose1d: Wᵀx") + VectorText.tuple(y, width: 3),
            "the stride-1 \(conv.specDescription)",
            "on x̂, with the flipped taps \(VectorText.tuple(flipped, width: 2)):",
            label("") + VectorText.tuple(z, width: 3),
            "max |difference| = \(NumberFormat.compact(maxAbsDifference(y, z)))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func outputPadding() throws -> String {
        let convolution = "Conv1d(1, 1, 3, stride=2, padding=1, bias=False)"
        let (short, long) = (try layer(convolution, TensorShape(parsing: "1x5")), try layer(convolution, TensorShape(parsing: "1x6")))
        let plain = try layer("ConvTranspose1d(1, 1, 3, stride=2, padding=1, bias=False)", short.output)
        let padded = try layer("ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1, bias=False)", long.output)
        let (a, b) = (plain.matrixForm().tied, padded.matrixForm().tied)
        let kept = a.terms.allSatisfy { b.terms.contains($0) } && b.terms.filter { $0.row < a.rows }.count == a.terms.count
        let added = b.terms.filter { $0.row == b.rows - 1 }.count
        let transposeOfLong = Set(long.matrixForm().tied.terms.map { Term(row: $0.column, column: $0.row, parameter: $0.parameter) })
        return "\(convolution) on \(short.input) → \(short.output), and on \(long.input) → \(long.output)\n\n"
            + SideBySide.matrices(("output_padding=0: \(plain.output)", plain), ("output_padding=1: \(padded.output)", padded))
            + "\nthe first \(a.rows) rows of the padded Wᵀ are the unpadded Wᵀ: \(kept ? "yes" : "no")\n"
            + "the added last row holds \(added) term\(added == 1 ? "" : "s"): an output unit, not a padding zero\n"
            + "the padded Wᵀ is the transpose of the Conv1d's on \(long.input): "
            + "\(Set(b.terms) == transposeOfLong && b.terms.count == transposeOfLong.count ? "yes" : "no")\n"
    }
}
