import ConvMatrix

/// The slides' border modes ('valid', 'same', 'full') on a short signal with a
/// smoothing and a differentiation kernel, then padding as a matrix P for each
/// padding mode and the Wᵀ = Wᵀ_valid · P it makes.
struct BorderModesDemo {
    let signal: [Double] = [3, 1, 4, 1, 5, 9, 2]
    let kernels: [(name: String, taps: [Double])] = [("smoothing", [1, 2, 1]), ("differentiation", [-1, 1])]

    func text() throws -> String {
        try [
            heading("Border modes and padding as a matrix"),
            borderModes(),
            paddingModes(),
        ].joined(separator: "\n")
    }

    private func heading(_ title: String) -> String {
        title + "\n" + String(repeating: "═", count: title.count) + "\n"
    }

    private func section(_ title: String) -> String {
        "── " + title + " " + String(repeating: "─", count: max(3, 66 - title.count)) + "\n"
    }

    /// One line per kernel and border mode: the output length and the output.
    private func borderModes() throws -> String {
        var text = section("The slides' border modes on x = \(VectorText.tuple(signal, width: 2))")
        text += "o = ⌊(i + p₋ + p₊ − d·(k−1) − 1)/s⌋ + 1 with i = \(signal.count)\n\n"
        for kernel in kernels {
            text += "\(kernel.name) kernel w = \(VectorText.tuple(kernel.taps, width: 2)) (z_t = Σ_s w_s x_(t+s)):\n"
            for mode in ["valid", "same", "full"] {
                let layer = try layer("Conv1d(1, 1, \(kernel.taps.count), padding='\(mode)', bias=False)", length: signal.count)
                let y = try MaterialisedConvolution(layer, weights: LayerWeights(weight: kernel.taps, bias: nil, for: layer.spec)).forward(signal)
                let pads = layer.geometry.padding[0]
                text +=
                    "  \(mode.padding(toLength: 5, withPad: " ", startingAt: 0))  p = (\(pads.before), \(pads.after))  o = \(String(y.count).leftPadded(to: 2))  z = \(VectorText.tuple(y, width: 3))\n"
            }
            text += "\n"
        }
        return text
    }

    /// P and Wᵀ for each padding mode, on x = (1, 2, 3, 4, 5) with one unit of padding.
    private func paddingModes() throws -> String {
        let x: [Double] = [1, 2, 3, 4, 5]
        var text = section("Padding as a matrix: Wᵀ = Wᵀ_valid · P, x = \(VectorText.tuple(x, width: 2)), pad 1")
        text +=
            "Every padded layer is the 'valid' convolution of the extended input x̃ = P x;\n"
            + "the modes differ only in P. Smoothing kernel v = (v¹, v², v³) = (1, 2, 1).\n\n"
        let modes = ["'zeros'", "'circular'", "'reflect'", "'replicate'", "'constant', padding_value=-1.0"]
        for mode in modes {
            let spec = "Conv1d(1, 1, 3, padding=1, bias=False, padding_mode=\(mode))"
            let layer = try layer(spec, length: x.count)
            let m = try MaterialisedConvolution(layer, weights: LayerWeights(weight: [1, 2, 1], bias: nil, for: layer.spec))
            text += "\(layer.spec)\n"
            text += "x̃ = P x\(layer.padding.borderValue != 0 ? " + c·b" : "") = \(VectorText.tuple(layer.padding.extend(x), width: 2))\n"
            text += PaddingText.render(layer.padding)
            text += "Wᵀ (\(m.tied.sharedEntryCount) entr\(m.tied.sharedEntryCount == 1 ? "y sums" : "ies sum") several parameters):\n"
            text += MatrixTextRenderer().render(m.tied, input: layer.input, output: layer.output)
            text += "y = Wᵀx\(m.offset == nil ? "" : " + o") = \(VectorText.tuple(m.forward(x), width: 3))  (output length \(layer.output.count))\n\n"
        }
        return text
    }

    private func layer(_ spec: String, length: Int) throws -> Convolution {
        try Convolution(ConvolutionSpec(parsing: spec), input: TensorShape(channels: 1, spatial: [length]))
    }
}
