import ConvMatrix
import Foundation

/// Xception's factorisation (Chollet 2017), computed: a depthwise convolution
/// (groups = C_in, a block-diagonal Wᵀ) then a pointwise 1×1 one (blocks u_ji·I):
///
///     Wᵀ_pw · Wᵀ_dw = Wᵀ_full   with   v_ji^t = u_ji · d_i^t
///
/// a full convolution whose kernels, input map by input map, are rank one:
/// V_i = (v_ji^t)_{j,t} = u_·i d_iᵀ. Then the parameters and multiplies of both,
/// on the small example and on the shipped xception-block.
struct DepthwiseSeparableDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "Depthwise-separable convolutions: Xception's factorisation"

    /// The small example: 2 maps of 5 steps, 3 output maps, kernel width 3.
    static let example = """
        input 2x5
        depthwise: Conv1d(2, 2, 3, groups=2, bias=False)
        pointwise: Conv1d(2, 3, 1, bias=False)
        """

    func steps() throws -> [DemoStep] {
        let pair = try Pair(text: Self.example, name: "separable", seed: seed)
        let full = try pair.fullConvolution()
        return [
            DemoStep(
                title: "Depthwise: groups = C_in makes Wᵀ block diagonal",
                explanation: """
                    A depthwise convolution filters each map on its own: output map i reads only input \
                    map i, so every off-diagonal block of Wᵀ_dw is zero. Write its taps dᵢᵗ = vᵢᵢᵗ.
                    """, body: render(pair.depthwise)),
            DemoStep(
                title: "Pointwise: a 1×1 convolution, blocks uⱼᵢ · I",
                explanation: """
                    A 1×1 convolution mixes the maps at each position: block (j, i) of Wᵀ_pw is one \
                    weight uⱼᵢ = vⱼᵢ¹ times the identity, a dense C_out × C_in pattern of diagonals.
                    """, body: render(pair.pointwise)),
            DemoStep(
                title: "The product is a full convolution with kernels vⱼᵢ = uⱼᵢ · dᵢ",
                explanation: """
                    Multiplying the two matrices gives block (j, i) = uⱼᵢ · (band of dᵢ): the band \
                    matrix of a full convolution whose kernel vⱼᵢᵗ = uⱼᵢ · dᵢᵗ. Its kernels are tied \
                    across output maps: for each input map i the C_out × k slice is rank one.
                    """, body: try product(pair, full: full)),
            DemoStep(
                title: "Parameters and multiplies",
                explanation: """
                    The pair stores C_in·∏k + C_out·C_in weights against the full C_out·C_in·∏k, and a \
                    forward pass multiplies once per structural nonzero of each Wᵀ. On Xception's block \
                    the saving grows with the kernel and the channels.
                    """, body: try counts(pair.network) + "\n" + (try counts(Network(named: "xception-block")))),
        ]
    }

    /// The depthwise and pointwise layers of a network text, materialised with integer weights.
    struct Pair {
        let network: Network
        let depthwise: MaterialisedLayer
        let pointwise: MaterialisedLayer

        init(text: String, name: String, seed: UInt64) throws {
            network = try Network(parsing: text, name: name)
            let weights = NetworkWeights.integers(for: network, seed: seed)
            guard let saving = SeparableSaving.find(in: network).first, let dw = network.layer(named: saving.depthwise),
                let pw = network.layer(named: saving.pointwise)
            else { preconditionFailure("the example is a depthwise-separable pair") }
            depthwise = try MaterialisedLayer(dw.layer, weights: weights.weights(for: dw))
            pointwise = try MaterialisedLayer(pw.layer, weights: weights.weights(for: pw))
        }

        /// The full convolution of the pair's shape with v_ji^t = u_ji · d_i^t (PyTorch's weight[j, i, t]).
        func fullConvolution() throws -> MaterialisedLayer {
            guard let saving = SeparableSaving.find(in: network).first else { preconditionFailure("a separable pair") }
            let layer = try LayerRegistry.layer(parsing: saving.fullSpec, input: depthwise.layer.input)
            let (inputs, outputs, k) = (depthwise.layer.input.channels, pointwise.layer.output.channels, depthwise.layer.weightShape.last ?? 1)
            let (d, u) = (depthwise.weights.weight, pointwise.weights.weight)
            let kernel = (0..<outputs).flatMap { j in (0..<inputs).flatMap { i in (0..<k).map { t in u[j * inputs + i] * d[i * k + t] } } }
            return try MaterialisedLayer(layer, weights: LayerWeights(weight: kernel, bias: nil, for: layer))
        }
    }

    private func render(_ m: MaterialisedLayer) -> String {
        let tied = m.tied
        let values =
            "integer weights (seed \(seed)): "
            + (0..<tied.parameterCount).map { "\(name(tied.parameters[$0])) = \(NumberFormat.compact(m.weights.weight[$0]))" }.joined(separator: ", ")
        return "\(m.layer.specDescription) on \(m.layer.input) → \(m.layer.output)\n\n"
            + DemoStyle.renderer().render(tied, input: m.layer.input, output: m.layer.output)
            + "\n" + DemoPrinter(colour: false).wrapped(values) + "\n"
    }

    private func product(_ pair: Pair, full: MaterialisedLayer) throws -> String {
        let product = pair.pointwise.matrix.multiply(pair.depthwise.matrix)
        let difference = zip(product.storage, full.matrix.storage).map { abs($0 - $1) }.max() ?? 0
        let (inputs, outputs, k) = (full.layer.input.channels, full.layer.output.channels, full.layer.weightShape.last ?? 1)
        var text = "Wᵀ_pw · Wᵀ_dw (one dgemm), \(product.rows) × \(product.columns):\n" + ResidualDemo.rows(product)
        text += "\n\(full.layer.specDescription) with vⱼᵢᵗ = uⱼᵢ · dᵢᵗ, as Wᵀ:\n"
        text += DemoStyle.renderer(entries: .numeric).render(full.tied, values: full.weights.weight, input: full.layer.input, output: full.layer.output)
        text += "max |Wᵀ_pw Wᵀ_dw − Wᵀ_full| = \(NumberFormat.compact(difference))\n\n"
        let random = LayerWeights.integers(for: full.layer, seed: seed &+ 1).weight
        text += "singular values of each slice Vᵢ = (vⱼᵢᵗ) over j and t:\n"
        for i in 0..<inputs {
            let slice = { (w: [Double]) in
                Matrix(rows: outputs, columns: k, rowMajor: (0..<outputs).flatMap { j in (0..<k).map { w[(j * inputs + i) * k + $0] } })
            }
            text += "  i = \(i + 1)  separable \(try sigma(slice(full.weights.weight)))  integer full kernel \(try sigma(slice(random)))\n"
        }
        return text + "(σ₂ = 0 up to rounding: rank one; a full convolution's slices are not)\n"
    }

    private func sigma(_ m: Matrix) throws -> String {
        "(" + (try m.singularValues()).map { String(format: "%.2g", $0) }.joined(separator: ", ") + ")"
    }

    /// Parameters (SeparableSaving) and multiplies (structural nonzeros) of the pair and the full convolution.
    private func counts(_ network: Network) throws -> String {
        var text = "\(network.name): input \(network.input)\n"
        for saving in SeparableSaving.find(in: network) {
            guard let dw = network.layer(named: saving.depthwise)?.layer, let pw = network.layer(named: saving.pointwise)?.layer else { continue }
            let full = try LayerRegistry.layer(parsing: saving.fullSpec, input: dw.input)
            let pair = multiplies(dw) + multiplies(pw)
            let rows = [
                ["", "parameters", "multiplies"],
                [saving.depthwise, NumberFormat.count(dw.layerParameterCount), NumberFormat.count(multiplies(dw))],
                [saving.pointwise, NumberFormat.count(pw.layerParameterCount), NumberFormat.count(multiplies(pw))],
                ["the pair", NumberFormat.count(saving.parameters), NumberFormat.count(pair)],
                ["full " + full.specDescription, NumberFormat.count(saving.fullParameters), NumberFormat.count(multiplies(full))],
            ]
            text += "  \(saving.depthwise) = \(dw.specDescription)\n  \(saving.pointwise) = \(pw.specDescription)\n\n"
            text += Self.table(rows)
            text += "  multiplies: \(NumberFormat.ratio(multiplies(full), pair))× fewer\n"
            text += DemoPrinter(colour: false, width: 78).wrapped(saving.text).split(separator: "\n").map { "  " + $0 + "\n" }.joined()
        }
        return text
    }

    /// Multiplies of one forward pass y = Wᵀx: the structural nonzeros of Wᵀ.
    private func multiplies(_ layer: any Layer) -> Int {
        layer.geometricNonzeroCount ?? layer.matrixForm().tied.nonzeroCount
    }

    /// `v₁₂¹` for a parameter name.
    private func name(_ p: ParameterName) -> String {
        "v" + VectorText.subscripted(p.outputMap) + VectorText.subscripted(p.inputMap) + p.tap.map { superscripted($0) }.joined()
    }

    private func superscripted(_ n: Int) -> String {
        let digits = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// Left-aligned first column, right-aligned numbers, no trailing blanks.
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            let line =
                "  " + row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
                + row.indices.dropFirst().map { "  " + row[$0].leftPadded(to: widths[$0]) }.joined()
            return String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }.joined()
    }
}
