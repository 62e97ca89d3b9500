import ConvMatrix

/// The slides' border modes ('valid', 'same', 'full') on a short signal with a
/// smoothing and a differentiation kernel, then padding as a matrix P for each
/// padding mode and the Wᵀ = Wᵀ_valid · P it makes.
struct BorderModesDemo: TeachingDemo {
    let signal: [Double] = [3, 1, 4, 1, 5, 9, 2]
    let kernels: [(name: String, taps: [Double])] = [("smoothing", [1, 2, 1]), ("differentiation", [-1, 1])]

    let title = "Border modes and padding as a matrix"

    func steps() throws -> [DemoStep] {
        [
            DemoStep(
                title: "The slides' border modes on x = \(VectorText.tuple(signal, width: 2))",
                explanation: """
                    'valid' keeps only windows inside the signal, 'same' pads so that the output is as \
                    long as the input, 'full' keeps every window that touches it. The output length \
                    follows from the padding alone.
                    """, body: try borderModes()),
            DemoStep(
                title: "Padding as a matrix: Wᵀ = Wᵀ_valid · P",
                explanation: """
                    Every padded layer is the 'valid' convolution of an extended input x̃ = P x; the \
                    padding modes differ only in P. Circular, reflect and replicate padding copy input \
                    units, so several taps land on one entry of Wᵀ and it sums parameters.
                    """, body: try paddingModes()),
        ]
    }

    /// One line per kernel and border mode: the output length and the output.
    private func borderModes() throws -> String {
        var text = "o = ⌊(i + p₋ + p₊ − d·(k−1) − 1)/s⌋ + 1 with i = \(signal.count)\n\n"
        for kernel in kernels {
            text += "\(kernel.name) kernel w = \(VectorText.tuple(kernel.taps, width: 2)) (zₜ = Σₛ wₛ xₜ₊ₛ):\n"
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
        var text = "x = \(VectorText.tuple(x, width: 2)), one unit of padding, smoothing kernel v = (v¹, v², v³) = (1, 2, 1).\n\n"
        let modes = ["'zeros'", "'circular'", "'reflect'", "'replicate'", "'constant', padding_value=-1.0"]
        for mode in modes {
            let spec = "Conv1d(1, 1, 3, padding=1, bias=False, padding_mode=\(mode))"
            let layer = try layer(spec, length: x.count)
            let m = try MaterialisedConvolution(layer, weights: LayerWeights(weight: [1, 2, 1], bias: nil, for: layer.spec))
            text += "\(layer.spec)\n"
            text += "x̃ = P x\(layer.padding.borderValue != 0 ? " + c·b" : "") = \(VectorText.tuple(layer.padding.extend(x), width: 2))\n"
            text += PaddingText.render(layer.padding)
            text += "Wᵀ (\(m.tied.sharedEntryCount) entr\(m.tied.sharedEntryCount == 1 ? "y sums" : "ies sum") several parameters):\n"
            text += DemoStyle.renderer().render(m.tied, input: layer.input, output: layer.output)
            text += "y = Wᵀx\(m.offset == nil ? "" : " + o") = \(VectorText.tuple(m.forward(x), width: 3))  (output length \(layer.output.count))\n\n"
        }
        return text
    }

    private func layer(_ spec: String, length: Int) throws -> Convolution {
        try Convolution(ConvolutionSpec(parsing: spec), input: TensorShape(channels: 1, spatial: [length]))
    }
}
