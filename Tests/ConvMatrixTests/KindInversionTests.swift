import Testing

@testable import ConvMatrix

/// Undoing layers other than the convolution: pooling loses a known null space,
/// the copies and a square Linear are undone to rounding.
///
/// Tolerance: as in ``InversionTests``, 16 · max(m, n) · κ · ε relative.
@Suite struct KindInversionTests {
    struct KindCase: CustomTestStringConvertible, Sendable {
        let spec: String
        let input: String
        /// Inputs per window for a pooling case.
        var window: Int = 1
        var testDescription: String { "\(spec) on \(input)" }

        func layer() throws -> any Layer {
            try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        }
    }

    static func x(_ count: Int) -> [Double] {
        var random = SplitMix64(seed: 21)
        return random.vector(count)
    }

    static func bound(_ layer: any Layer, kappa: Double = 1) -> Double {
        16 * Double(max(layer.output.count, layer.input.count)) * kappa * Double.ulpOfOne
    }

    /// Average pooling over disjoint windows of k: Wᵀ = M with M Mᵀ = (1/k) I
    /// (KindSpectrumTests), so M⁺ = Mᵀ (M Mᵀ)⁻¹ = k Mᵀ and
    ///
    ///     x̂ = k Mᵀ M x,    x̂_i = (1/k) Σ_{u ∈ window(i)} x_u    (0 for a unit no window reads)
    ///
    /// each unit gets its window's mean. What is lost is x − x̂: inside each window
    /// the k − 1 zero-mean directions, and every unit no window reads, so
    /// nullity = n − m (inputs − outputs).
    static let pools: [KindCase] = [
        KindCase(spec: "AvgPool1d(2)", input: "1x8", window: 2),
        KindCase(spec: "AvgPool1d(2)", input: "1x9", window: 2),
        KindCase(spec: "AvgPool1d(3)", input: "2x6", window: 3),
        KindCase(spec: "AvgPool2d(2)", input: "1x4x4", window: 4),
        KindCase(spec: "AvgPool2d((1, 2))", input: "2x3x5", window: 2),
    ]

    @Test(arguments: pools)
    func poolingRecoversWindowMeansAndLosesTheRest(_ poolCase: KindCase) throws {
        let layer = try poolCase.layer()
        let x = Self.x(layer.input.count)
        let inversion = try Inversion(layer, weights: LayerWeights.pytorchDefault(for: layer, seed: 0), x: x)
        #expect(inversion.rank == layer.output.count)
        #expect(inversion.nullity == layer.input.count - layer.output.count)
        #expect(inversion.nullSpaceBasis.count == inversion.nullity)
        let means = Self.windowMeans(x, layer: layer, window: poolCase.window)
        let scale = euclideanNorm(x)
        #expect(maxAbsDifference(inversion.minimumNorm, means) <= Self.bound(layer) * scale, "\(inversion.minimumNorm) vs \(means)")
        // Without noise, the minimum-norm error is exactly the lost part: x − x̂.
        let lost = euclideanNorm(zip(x, means).map { $0 - $1 })
        #expect(abs(inversion.lostNorm - lost) <= Self.bound(layer) * scale)
        #expect(abs(inversion.minimumNormError.norm - lost) <= Self.bound(layer) * scale)
        // Each null-space vector is invisible to the reference pooling.
        for v in inversion.nullSpaceBasis {
            let seen = layer.referenceForward(x: v, weight: [Double](), bias: nil)
            #expect(seen.allSatisfy { abs($0) <= Self.bound(layer) })
        }
    }

    /// x̂ for a window pool, from the geometry alone: the mean of the units sharing
    /// an output with unit i, found by asking the reference which outputs each unit
    /// reaches (a unit that reaches none gets 0).
    static func windowMeans(_ x: [Double], layer: any Layer, window k: Int) -> [Double] {
        let n = layer.input.count
        let reach = (0..<n).map { i -> Int? in
            var unit = Array(repeating: 0.0, count: n)
            unit[i] = 1
            return layer.referenceForward(x: unit, weight: [Double](), bias: nil).firstIndex { $0 != 0 }
        }
        return (0..<n).map { i in
            guard let r = reach[i] else { return 0 }
            return (0..<n).filter { reach[$0] == r }.map { x[$0] }.reduce(0, +) / Double(k)
        }
    }

    /// The copies and a square Linear with generic weights are invertible: x̂ = x
    /// to rounding and nothing is lost.
    @Test(arguments: [
        KindCase(spec: "Identity()", input: "2x3"), KindCase(spec: "Flatten()", input: "2x2x2"),
        KindCase(spec: "Linear(4, 4)", input: "4"),
    ])
    func invertibleKindsAreUndone(_ kindCase: KindCase) throws {
        let layer = try kindCase.layer()
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 5)
        let x = Self.x(layer.input.count)
        let inversion = try Inversion(layer, weights: weights, x: x)
        let kappa = try #require(try LayerSpectrum(layer, weights: weights).spectrum.conditionNumber)
        #expect(inversion.rank == layer.input.count && inversion.nullity == 0 && inversion.nullSpaceBasis.isEmpty)
        #expect(inversion.minimumNormError.relative <= Self.bound(layer, kappa: kappa), "κ = \(kappa)")
    }

    /// A wide Linear(5, 3) sees three directions of five; the bias is subtracted
    /// before solving, so x̂ is x's projection on the rows of A.
    @Test func wideLinearLosesTwoDirections() throws {
        let layer = try KindCase(spec: "Linear(5, 3)", input: "5").layer()
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 2)
        let inversion = try Inversion(layer, weights: weights, x: Self.x(5))
        let kappa = try #require(try LayerSpectrum(layer, weights: weights).spectrum.conditionNumber)
        #expect(inversion.rank == 3 && inversion.nullity == 2)
        let bound = Self.bound(layer, kappa: kappa) * euclideanNorm(inversion.x)
        #expect(abs(inversion.minimumNormError.norm - inversion.lostNorm) <= bound, "κ = \(kappa)")
    }

    /// An inversion too large for the budget is refused before anything is built.
    @Test func largePoolingIsRefusedByTheBudget() throws {
        let layer = try KindCase(spec: "AvgPool2d(2)", input: "1x128x128").layer()
        let error = #expect(throws: ConvMatrixError.self) {
            try Inversion(layer, weights: LayerWeights.pytorchDefault(for: layer, seed: 0), x: [])
        }
        #expect(error?.kind == .budget && error?.reason.contains("AvgPool2d(kernel_size=2)") == true)
    }
}
