import ConvMatrix

/// The singular values of a small circular layer's Wᵀ, by LAPACK on the dense
/// matrix and by the Fourier identity of Sedghi, Gupta and Long, which needs no
/// matrix; then the operator norm and the Frobenius norm, each three ways.
///
///     σ(Wᵀ) = ⋃_ω σ(A(ω)),    A(ω)[j, i] = Σ_t v_{ji}^t e^{−iωt}    (circular padding, stride 1)
///     ‖Wᵀ‖₂ = σ₁ = max_ω ‖A(ω)‖₂,    ‖Wᵀ‖_F² = Σ σ² = Σ Wᵀ[r, c]² = N · Σ v²
struct SpectrumDemo: TeachingDemo {
    let spec = "Conv1d(2, 2, 3, padding=1, padding_mode='circular', bias=False)"
    let shape = "2x6"
    var seed: UInt64 = 0

    let title = "The spectrum of a layer: singular values and the Fourier identity"

    func steps() throws -> [DemoStep] {
        let layer = try Convolution(ConvolutionSpec(parsing: spec), input: TensorShape(parsing: shape))
        let m = try MaterialisedLayer(layer, weights: LayerWeights.integers(for: layer, seed: seed))
        let dense = try Spectrum(of: m.matrix)
        let byFrequency = try FourierSpectrum.singularValuesByFrequency(of: layer, weight: m.weights.weight)
        return [
            DemoStep(
                title: "The singular values of Wᵀ, by LAPACK",
                explanation: """
                    The singular values σ₁ ≥ σ₂ ≥ … of Wᵀ are the gains ‖Wᵀv‖/‖v‖ along its right singular \
                    vectors. LAPACK's dgesdd finds them from the dense matrix; their count above the rounding \
                    level is the rank.
                    """, body: singularValues(m, dense)),
            DemoStep(
                title: "The Fourier identity of Sedghi, Gupta and Long",
                explanation: """
                    With circular padding every block of Wᵀ is a circulant, diagonalised by one DFT. So σ(Wᵀ) \
                    is the union over the N frequencies ω of the singular values of the C_out × C_in matrix \
                    A(ω) of the kernels' Fourier coefficients: N small SVDs and no Wᵀ.
                    """, body: try fourier(layer, dense, byFrequency)),
            DemoStep(
                title: "The operator norm, three ways",
                explanation: """
                    ‖Wᵀ‖₂ = max ‖Wᵀx‖/‖x‖ is σ₁: the largest dense singular value, the largest ‖A(ω)‖₂, \
                    and what power iteration finds with the forward pass Wᵀx and the backward pass W δy alone.
                    """, body: operatorNorm(m, dense, byFrequency)),
            DemoStep(
                title: "The Frobenius norm, three ways",
                explanation: """
                    ‖Wᵀ‖_F² sums the squared singular values, or the squared entries, or, as each parameter \
                    occupies N entries of a circulant block, N times the squared parameters.
                    """, body: try frobenius(m)),
        ]
    }

    private func singularValues(_ m: MaterialisedLayer, _ dense: Spectrum) -> String {
        let weightShape = TensorShape(channels: m.layer.weightShape[0] * m.layer.weightShape[1], spatial: [m.layer.weightShape[2]])
        let kappa = dense.conditionNumber.map { NumberFormat.significant($0) } ?? "∞ (rank-deficient)"
        return DemoStyle.renderer().render(m.tied, input: m.layer.input, output: m.layer.output)
            + "\ninteger kernels (seed \(seed)):\n" + VectorText.kernels(m.weights.weight, shape: weightShape, names: m, prefix: "v")
            + "\nσ(Wᵀ) by dgesdd, \(dense.singularValues.count) values:\n" + Self.values(dense.singularValues)
            + "rank \(dense.rank) of \(dense.singularValues.count), condition number κ = σ₁/σ\(VectorText.subscripted(dense.singularValues.count)) = \(kappa)\n"
    }

    private func fourier(_ layer: Convolution, _ dense: Spectrum, _ byFrequency: [[Double]]) throws -> String {
        let n = layer.input.mapSize
        var text = "ω = 2πf/\(n); σ(A(ω)) per frequency f (A(ω) is \(layer.spec.outChannels) × \(layer.spec.inChannels)):\n"
        for (f, values) in byFrequency.enumerated() {
            text += "  f = \(f)   " + values.map { Self.number($0) }.joined(separator: "  ") + "\n"
        }
        let union = byFrequency.flatMap { $0 }.sorted(by: >)
        let zeros = try Convolution(ConvolutionSpec(parsing: "Conv1d(2, 2, 3, padding=1, bias=False)"), input: layer.input)
        return text + "\nthe union, sorted:\n" + Self.values(union) + "the dense SVD:\n" + Self.values(dense.singularValues)
            + "max |σ_dense − σ_Fourier| = \(NumberFormat.significant(maxAbsDifference(dense.singularValues, union), digits: 2))\n"
            + "\nwith zero padding the blocks are not circulant, and the identity does not apply:\n"
            + "  \(zeros.spec): \(FourierSpectrum.faults(of: zeros).joined(separator: ", "))\n"
    }

    /// σ₁ by the dense SVD, by the Fourier blocks, and by power iteration on WWᵀ
    /// with the layer's two passes (dgemv each), from a seeded start.
    private func operatorNorm(_ m: MaterialisedLayer, _ dense: Spectrum, _ byFrequency: [[Double]]) -> String {
        let iterations = 200
        var random = SplitMix64(seed: seed &+ 1)
        var v = (0..<m.layer.input.count).map { _ in random.nextSymmetric(bound: 1) }
        var gain = 0.0
        for _ in 0..<iterations {
            let norm = euclideanNorm(v)
            v = v.map { $0 / norm }
            let y = m.forward(v)
            gain = euclideanNorm(y)
            v = m.matrix.multiply(y, transposed: true)
        }
        let fourier = byFrequency.compactMap(\.first).max() ?? 0
        let ways = [dense.spectralNorm, fourier, gain]
        let spread = (ways.max() ?? 0) - (ways.min() ?? 0)
        return Self.row("σ₁ of the dense SVD", dense.spectralNorm) + Self.row("max over ω of σ₁(A(ω))", fourier)
            + Self.row("‖Wᵀv‖ after \(iterations) steps v ← W Wᵀv / ‖W Wᵀv‖", gain)
            + "largest difference = \(NumberFormat.significant(spread, digits: 2))\n"
    }

    private func frobenius(_ m: MaterialisedLayer) throws -> String {
        let result = try LayerSpectrum(m.layer, weights: m.weights)
        let check = result.frobenius
        let occupancy = Set(m.tied.occupancy)
        let each =
            occupancy.count == 1
            ? "each of the \(m.tied.parameterCount) parameters occupies \(occupancy.first ?? 0) entries" : "occupancies \(occupancy.sorted())"
        return Self.row("√(Σ σ²)", check.fromSingularValues, width: 16) + Self.row("√(Σ Wᵀ[r, c]²)", check.fromEntries, width: 16)
            + Self.row("√(N · Σ v²)", check.fromParameters, width: 16, note: "  (\(each))")
            + "largest relative difference = \(NumberFormat.significant(check.largestRelativeDifference, digits: 2))\n"
    }

    /// `label  = value`, the labels padded to one width (by characters), or "not computed" for nil.
    private static func row(_ label: String, _ value: Double?, width: Int = 46, note: String = "") -> String {
        label + String(repeating: " ", count: max(1, width - label.count)) + "= " + (value.map(number) ?? "not computed") + note + "\n"
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.6f", value)
    }

    /// Singular values, six to a line.
    private static func values(_ values: [Double]) -> String {
        stride(from: 0, to: values.count, by: 6).map { "  " + values[$0..<min($0 + 6, values.count)].map(number).joined(separator: "  ") + "\n" }.joined()
    }
}
