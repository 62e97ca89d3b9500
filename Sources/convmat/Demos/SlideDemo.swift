import ConvMatrix

/// The slide "Convolution Layers as y = Wᵀx", computed: the symbolic Wᵀ, its
/// counts, a forward pass against direct convolution and a backward pass
/// against the slides' formulas, all with small integers so that every
/// number can be checked by hand.
struct SlideDemo {
    let spec = "Conv1d(2, 3, kernel_size=3, bias=False)"
    let shape = "2x6"
    let seed: UInt64 = 0

    func text() throws -> String {
        let layer = try Convolution(ConvolutionSpec(parsing: spec), input: TensorShape(parsing: shape))
        let weights = LayerWeights.integers(for: layer.spec, seed: seed)
        let materialised = try MaterialisedConvolution(layer, weights: weights)
        var random = SplitMix64(seed: seed + 1)
        let x = (0..<layer.input.count).map { _ in Double(random.nextInt(in: 0...4)) }
        let dy = (0..<layer.output.count).map { _ in Double(random.nextSmallNonzeroInteger()) }
        return [
            heading("The slide: convolution layers as y = Wᵀx"),
            shapes(layer),
            matrix(materialised),
            forward(materialised, of: layer, x: x),
            backward(materialised, of: layer, x: x, dy: dy),
        ].joined(separator: "\n")
    }

    private func heading(_ title: String) -> String {
        title + "\n" + String(repeating: "═", count: title.count) + "\n"
    }

    private func section(_ title: String) -> String {
        "── " + title + " " + String(repeating: "─", count: max(3, 66 - title.count)) + "\n"
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
        return section("Wᵀ: blocks = pairs of feature maps, band matrices = convolutions")
            + MatrixTextRenderer().render(w, input: m.layer.input, output: m.layer.output)
            + "\nW has \(w.entryCount) entries, \(w.nonzeroCount) structural nonzeros, "
            + "but only \(w.parameterCount) effective parameters v_ji^t.\n"
    }

    private func forward(_ m: MaterialisedLayer, of layer: Convolution, x: [Double]) -> String {
        let y = m.forward(x)
        let direct: [Double] = ReferenceConvolution.forward(
            spec: layer.spec, input: layer.input, x: x, weight: m.weights.weight, bias: nil)
        let weightShape = TensorShape(channels: layer.spec.outChannels * layer.spec.inChannels, spatial: layer.spec.kernelSize)
        return section("Forward: y = Wᵀx, one dgemv, against direct convolution")
            + "integer kernels v_ji = (v¹, v², v³), seed \(seed):\n"
            + VectorText.kernels(m.weights.weight, shape: weightShape, names: m, prefix: "v")
            + "input x:\n" + VectorText.maps("x", x, shape: layer.input)
            + "\ny = Wᵀx:\n" + VectorText.maps("y", y, shape: layer.output)
            + "direct z_j(t) = Σ_i Σ_s w_ji^s · x_i^(t+s):\n" + VectorText.maps("z", direct, shape: layer.output)
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
        return section("Backward: δx = W δy and δv = tied Σ of δy xᵀ, against the slides")
            + "output gradient δy = ∂E/∂z:\n" + VectorText.maps("δy", dy, shape: layer.output)
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
