import Testing

@testable import ConvMatrix

/// The spectrum of layers other than the convolution, each against a closed form
/// or an identity that does not go through the layer's own code.
///
/// Tolerance: LAPACK's SVD is backward stable, |σ̂_i − σ_i| ≤ c · max(m, n) · ε · σ₁
/// with c a modest constant; 16 · max(m, n) · ε · σ₁ bounds it for these sizes.
@Suite struct KindSpectrumTests {
    /// A spec string on an input shape, parsed by the registry into any kind.
    struct KindCase: CustomTestStringConvertible, Sendable {
        let spec: String
        let input: String
        var testDescription: String { "\(spec) on \(input)" }

        func layer() throws -> any Layer {
            try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        }
    }

    static func tolerance(_ spectrum: Spectrum) -> Double {
        16 * Double(max(spectrum.rows, spectrum.columns)) * Double.ulpOfOne * spectrum.spectralNorm
    }

    /// Non-overlapping windows of k inputs, each averaged: row r of Wᵀ is
    /// (1/k) · Σ_{i ∈ window r} e_iᵀ. Windows are disjoint, so the rows are
    /// orthogonal and
    ///
    ///     Wᵀ W = diag_r(‖row r‖²) = diag_r(k · 1/k²) = (1/k) · I_m
    ///
    /// hence every one of the m singular values is 1/√k (for AvgPool1d(2) on 1x8:
    /// four values 1/√2), the rank is m and the nullity n − m. A sum pool has 1
    /// instead of 1/k: √k. Adaptive pooling that divides the input evenly is the same matrix.
    struct PoolCase: CustomTestStringConvertible, Sendable {
        let layer: KindCase
        /// k: inputs per window.
        let window: Int
        /// True for 1/k entries, false for a sum's 1.
        let average: Bool
        var testDescription: String { layer.testDescription }
    }

    static let disjointWindows: [PoolCase] = [
        PoolCase(layer: KindCase(spec: "AvgPool1d(2)", input: "1x8"), window: 2, average: true),
        PoolCase(layer: KindCase(spec: "AvgPool1d(3)", input: "2x9"), window: 3, average: true),
        PoolCase(layer: KindCase(spec: "AvgPool2d(2)", input: "1x4x6"), window: 4, average: true),
        PoolCase(layer: KindCase(spec: "AvgPool3d(2)", input: "1x2x2x4"), window: 8, average: true),
        PoolCase(layer: KindCase(spec: "AdaptiveAvgPool1d(4)", input: "1x8"), window: 2, average: true),
        PoolCase(layer: KindCase(spec: "SumPool1d(2)", input: "3x4"), window: 2, average: false),
        PoolCase(layer: KindCase(spec: "GlobalSumPool()", input: "3x2x3"), window: 6, average: false),
    ]

    @Test(arguments: disjointWindows)
    func disjointPoolingHasOneSingularValue(_ poolCase: PoolCase) throws {
        let (k, average) = (poolCase.window, poolCase.average)
        let layer = try poolCase.layer.layer()
        #expect(layer.weightShape.isEmpty && layer.biasShape == nil)
        let result = try LayerSpectrum(layer, weights: LayerWeights.pytorchDefault(for: layer, seed: 0))
        #expect(result.ran == .dense && result.weights.weight.isEmpty)
        let expected = average ? 1 / Double(k).squareRoot() : Double(k).squareRoot()
        let s = result.spectrum
        #expect(s.singularValues.count == layer.output.count)
        #expect(s.singularValues.allSatisfy { abs($0 - expected) <= Self.tolerance(s) }, "\(s.singularValues)")
        #expect(s.rank == layer.output.count && s.nullity == layer.input.count - layer.output.count)
        #expect(s.conditionNumber.map { abs($0 - 1) <= 1e-13 } == true)
        // ‖Wᵀ‖_F² = m · k · (1/k)² from the constants alone (1/k rounded unless k is dyadic).
        let frobenius = (Double(layer.output.count) * Double(k)).squareRoot() * (average ? 1 / Double(k) : 1)
        #expect(try #require(result.frobenius.fromParameters).isApproximately(frobenius, relative: 1e-15))
        #expect(result.frobenius.largestRelativeDifference < 1e-13, "\(result.frobenius)")
    }

    /// Identity and Flatten copy x: Wᵀ = I_n, every σ is 1 and κ = 1.
    @Test(arguments: [KindCase(spec: "Identity()", input: "2x3"), KindCase(spec: "Flatten()", input: "2x2x2"), KindCase(spec: "Identity()", input: "5")])
    func copiesHaveUnitSpectrum(_ copyCase: KindCase) throws {
        let layer = try copyCase.layer()
        let s = try LayerSpectrum(layer, weights: LayerWeights.integers(for: layer, seed: 3)).spectrum
        #expect(s.singularValues == Array(repeating: 1, count: layer.input.count))
        #expect(s.rank == layer.input.count && s.nullity == 0 && s.conditionNumber == 1)
    }

    /// Linear(2, 2) has Wᵀ = A, the weight itself (y_j = Σ_i A[j, i] x_i). For
    /// A = [[3, 0], [4, 5]]: σ₁² + σ₂² = ‖A‖_F² = 50 and σ₁σ₂ = |det A| = 15, so
    /// σ² are the roots of t² − 50t + 225 = (t − 45)(t − 5): σ = 3√5 and √5, κ = 3.
    @Test func linearTwoByTwoHasTheClosedForm() throws {
        let layer = try KindCase(spec: "Linear(2, 2, bias=False)", input: "2").layer()
        let result = try LayerSpectrum(layer, weights: LayerWeights(parsingKernel: "3,0,4,5", for: layer))
        let s = result.spectrum
        #expect(abs(s.singularValues[0] - 3 * 5.0.squareRoot()) <= Self.tolerance(s))
        #expect(abs(s.singularValues[1] - 5.0.squareRoot()) <= Self.tolerance(s))
        #expect(try #require(s.conditionNumber).isApproximately(3, relative: 1e-14))
        #expect(try #require(result.frobenius.fromParameters) == 50.0.squareRoot())
    }

    /// A wide Linear(5, 3) on generic weights: the same values as LAPACK on the
    /// (out, in) weight read row-major, with no layer code between, and nullity 5 − 3.
    @Test func linearMatchesLAPACKOnItsWeight() throws {
        let layer = try KindCase(spec: "Linear(5, 3, bias=True)", input: "5").layer()
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 11)
        let result = try LayerSpectrum(layer, weights: weights)
        let direct = try Matrix(rows: 3, columns: 5, rowMajor: weights.weight).singularValues()
        #expect(maxAbsDifference(result.spectrum.singularValues, direct.sorted(by: >)) <= Self.tolerance(result.spectrum))
        #expect(result.spectrum.rank == 3 && result.spectrum.nullity == 2)
    }

    /// ConvTranspose with weight v is the adjoint of the convolution with the same
    /// weight on the transposed layer's output: Wᵀ_transposed = (Wᵀ_conv)ᵀ, which
    /// share their singular values (A = UΣVᵀ gives Aᵀ = VΣUᵀ). Checked entry by
    /// entry, exactly, on integer weights, and σ against σ to the SVD's rounding.
    struct AdjointPair: CustomTestStringConvertible, Sendable {
        let transposed: KindCase
        let convolution: KindCase
        var testDescription: String { transposed.testDescription }

        init(_ transposed: KindCase, _ convolution: KindCase) {
            self.transposed = transposed
            self.convolution = convolution
        }
    }

    static let adjointPairs: [AdjointPair] = [
        AdjointPair(KindCase(spec: "ConvTranspose1d(1, 1, 3, bias=False)", input: "1x6"), KindCase(spec: "Conv1d(1, 1, 3, bias=False)", input: "1x8")),
        AdjointPair(
            KindCase(spec: "ConvTranspose1d(2, 3, 3, stride=2, padding=1, bias=False)", input: "2x5"),
            KindCase(spec: "Conv1d(3, 2, 3, stride=2, padding=1, bias=False)", input: "3x9")
        ),
        AdjointPair(
            KindCase(spec: "ConvTranspose1d(1, 1, 3, stride=2, output_padding=1, bias=False)", input: "1x4"),
            KindCase(spec: "Conv1d(1, 1, 3, stride=2, bias=False)", input: "1x10")
        ),
        AdjointPair(
            KindCase(spec: "ConvTranspose1d(4, 2, 3, groups=2, dilation=2, bias=False)", input: "4x4"),
            KindCase(spec: "Conv1d(2, 4, 3, groups=2, dilation=2, bias=False)", input: "2x8")
        ),
        AdjointPair(
            KindCase(spec: "ConvTranspose2d(2, 2, 2, stride=2, bias=False)", input: "2x3x3"),
            KindCase(spec: "Conv2d(2, 2, 2, stride=2, bias=False)", input: "2x6x6")
        ),
    ]

    @Test(arguments: adjointPairs)
    func transposedConvolutionSharesTheConvolutionsSpectrum(_ pair: AdjointPair) throws {
        let transposed = try pair.transposed.layer()
        let convolution = try pair.convolution.layer()
        #expect(transposed.output == convolution.input && transposed.input == convolution.output)
        let weights = LayerWeights.integers(for: transposed, seed: 7)
        let convolutionWeights = try LayerWeights(weight: weights.weight, bias: nil, for: convolution)
        let transposedMatrix = try MaterialisedLayer(transposed, weights: weights).matrix
        let convolutionMatrix = try MaterialisedLayer(convolution, weights: convolutionWeights).matrix
        #expect(transposedMatrix.rowMajor == convolutionMatrix.transposed.rowMajor)
        let a = try LayerSpectrum(transposed, weights: weights)
        let b = try LayerSpectrum(convolution, weights: convolutionWeights, method: .dense)
        #expect(a.ran == .dense && a.spectrum.rank == b.spectrum.rank)
        #expect(maxAbsDifference(a.spectrum.singularValues, b.spectrum.singularValues) <= Self.tolerance(a.spectrum))
        #expect(a.spectrum.nullity == transposed.input.count - a.spectrum.rank)
    }

    /// Every kind but the convolution: `--method fourier` is refused on field
    /// `method`, naming why, before anything is built; `auto` runs the dense SVD.
    @Test(arguments: [
        KindCase(spec: "AvgPool1d(2)", input: "1x8"), KindCase(spec: "Identity()", input: "1x8"),
        KindCase(spec: "Linear(8, 8)", input: "8"), KindCase(spec: "ConvTranspose1d(1, 1, 1, bias=False)", input: "1x8"),
    ])
    func fourierIsRefusedForOtherKinds(_ kindCase: KindCase) throws {
        let layer = try kindCase.layer()
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 1)
        let error = #expect(throws: ConvMatrixError.self) { try LayerSpectrum(layer, weights: weights, method: .fourier) }
        #expect(error?.field == "method" && error?.kind == .option)
        #expect(error?.reason.contains("convolutions only") == true && error?.reason.contains(layer.specDescription) == true)
        #expect(try LayerSpectrum(layer, weights: weights).ran == .dense)
    }

    /// A dense SVD over the flop budget is refused on `max-flops`, with no Fourier
    /// alternative offered for a kind it does not apply to.
    @Test func denseOverBudgetOffersNoFourierForOtherKinds() throws {
        let layer = try KindCase(spec: "AvgPool2d(2)", input: "1x64x64").layer()
        let error = #expect(throws: ConvMatrixError.self) {
            try LayerSpectrum(layer, weights: LayerWeights.pytorchDefault(for: layer, seed: 0), flops: FlopBudget(limitFlops: 1e6))
        }
        #expect(error?.field == "max-flops" && error?.reason.contains("AvgPool2d is not one") == true)
        #expect(error?.reason.contains("--method fourier") == false)
    }
}

extension Double {
    /// |self − other| ≤ relative · |other|.
    fileprivate func isApproximately(_ other: Double, relative: Double) -> Bool {
        abs(self - other) <= relative * abs(other)
    }
}
