import ConvMatrix

/// The slide "Convolution Layers as y = Wᵀx", computed: the symbolic Wᵀ, its
/// counts, a forward pass against direct convolution and a backward pass
/// against the slides' formulas, all with small integers so that every
/// number can be checked by hand.
struct SlideDemo: TeachingDemo {
    let spec = "Conv1d(2, 3, kernel_size=3, bias=False)"
    let shape = "2x6"
    var seed: UInt64 = 0

    let title = "The slide: convolution layers as y = Wᵀx"

    func steps() throws -> [DemoStep] {
        let layer = try Convolution(ConvolutionSpec(parsing: spec), input: TensorShape(parsing: shape))
        let weights = LayerWeights.integers(for: layer.spec, seed: seed)
        let materialised = try MaterialisedConvolution(layer, weights: weights)
        var random = SplitMix64(seed: seed + 1)
        let x = (0..<layer.input.count).map { _ in Double(random.nextInt(in: 0...4)) }
        let dy = (0..<layer.output.count).map { _ in Double(random.nextSmallNonzeroInteger()) }
        return [
            DemoStep(
                title: "The shapes",
                explanation: """
                    A Conv1d layer reads C_in feature maps xᵢ and writes C_out maps yⱼ, each yⱼ a sum of \
                    convolutions wⱼᵢ ∗ xᵢ. Flatten x and y into vectors, channel after channel, and the \
                    whole layer is one matrix: y = Wᵀx.
                    """, body: shapes(layer)),
            DemoStep(
                title: "Wᵀ: blocks are pairs of maps, band matrices are convolutions",
                explanation: """
                    Block (j, i) of Wᵀ is the convolution of input map i into output map j: a band \
                    matrix whose diagonals each hold one tap vⱼᵢᵗ. One parameter fills a whole \
                    diagonal: that is weight sharing.
                    """, body: matrix(materialised)),
            DemoStep(
                title: "Forward: y = Wᵀx, one dgemv, against direct convolution",
                explanation: """
                    With small integer kernels and inputs, Double arithmetic is exact, so the matrix \
                    product and the sliding-window sum must agree to the last bit.
                    """, body: forward(materialised, of: layer, x: x)),
            DemoStep(
                title: "Backward: δx = W δy and δv = the tied sum of δy xᵀ",
                explanation: """
                    Backpropagation multiplies by the same matrix, transposed: δx = W δy is the \
                    slides' full convolution [∂E/∂z ∗ w]. Each parameter's gradient sums δy xᵀ over \
                    the entries it occupies: the slides' cross-correlation [∂E/∂z ⋆ x].
                    """, body: backward(materialised, of: layer, x: x, dy: dy)),
        ]
    }

    private func shapes(_ layer: Convolution) -> String {
        """
        layer  \(layer.spec)
        x      \(layer.input.channels) feature maps of \(layer.input.spatial[0]) time steps (input \(layer.input), \(layer.input.count) units)
        y      \(layer.output.channels) feature maps of \(layer.output.spatial[0]) time steps (output \(layer.output), \(layer.output.count) units)
        v      \(layer.spec.inChannels) × \(layer.spec.outChannels) convolution kernels of width \(layer.spec.kernelSize[0])

        """
    }

    private func matrix(_ m: MaterialisedConvolution) -> String {
        let w = m.tied
        return DemoStyle.renderer().render(w, input: m.layer.input, output: m.layer.output)
            + "\nW has \(w.entryCount) entries, \(w.nonzeroCount) structural nonzeros, "
            + "but only \(w.parameterCount) effective parameters vⱼᵢᵗ.\n"
    }

    private func forward(_ m: MaterialisedLayer, of layer: Convolution, x: [Double]) -> String {
        let y = m.forward(x)
        let direct: [Double] = ReferenceConvolution.forward(
            spec: layer.spec, input: layer.input, x: x, weight: m.weights.weight, bias: nil)
        let weightShape = TensorShape(channels: layer.spec.outChannels * layer.spec.inChannels, spatial: layer.spec.kernelSize)
        return "integer kernels vⱼᵢ = (v¹, v², v³), seed \(seed):\n"
            + VectorText.kernels(m.weights.weight, shape: weightShape, names: m, prefix: "v")
            + "input x:\n" + VectorText.maps("x", x, shape: layer.input)
            + "\ny = Wᵀx:\n" + VectorText.maps("y", y, shape: layer.output)
            + "direct zⱼ(t) = Σᵢ Σₛ wⱼᵢˢ · xᵢ(t+s):\n" + VectorText.maps("z", direct, shape: layer.output)
            + "max |y − z| = \(NumberFormat.compact(maxAbsDifference(y, direct))) (integers: Double arithmetic is exact)\n"
    }

    private func backward(_ m: MaterialisedLayer, of layer: Convolution, x: [Double], dy: [Double]) -> String {
        let gradients = m.backward(input: x, outputGradient: dy)
        let dx = gradients.input.column(0)
        let directDx: [Double] = ReferenceConvolution.inputGradient(
            spec: layer.spec, input: layer.input, outputGradient: dy, weight: m.weights.weight)
        let directDv: [Double] = ReferenceConvolution.weightGradient(
            spec: layer.spec, input: layer.input, x: x, outputGradient: dy)
        let weightShape = TensorShape(channels: layer.spec.outChannels * layer.spec.inChannels, spatial: layer.spec.kernelSize)
        return "output gradient δy = ∂E/∂z:\n" + VectorText.maps("δy", dy, shape: layer.output)
            + "\nδx = W δy (the same matrix, transposed):\n" + VectorText.maps("δx", dx, shape: layer.input)
            + "∂E/∂x = [∂E/∂z ∗ w] (full convolution):\n" + VectorText.maps("δx", directDx, shape: layer.input)
            + "max |difference| = \(NumberFormat.compact(maxAbsDifference(dx, directDx)))\n"
            + "\nδv = Σ over each parameter's tied entries of δy xᵀ (one dger):\n"
            + VectorText.kernels(gradients.weight, shape: weightShape, names: m, prefix: "δv")
            + "∂E/∂w = [∂E/∂z ⋆ x] (cross-correlation):\n"
            + VectorText.kernels(directDv, shape: weightShape, names: m, prefix: "δw")
            + "max |difference| = \(NumberFormat.compact(maxAbsDifference(gradients.weight, directDv)))\n"
    }
}
