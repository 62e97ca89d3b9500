import Testing

@testable import ConvMatrix

/// Undoing layers: exact recovery where Wᵀ is invertible, exactly the null-space
/// part lost where it is not, and Tikhonov against its normal equations.
///
/// Tolerance: a backward-stable solve has relative forward error about κ·ε
/// times a modest factor; 16·max(m, n)·κ·ε bounds it for these sizes.
@Suite struct InversionTests {
    static let invertible: [LayerCase] = [
        LayerCase(spec: "Conv1d(2, 2, 3, padding=1, padding_mode='circular')", input: "2x8"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)", input: "1x9"),
        LayerCase(spec: "Conv2d(2, 2, 3, padding=1, padding_mode='circular')", input: "2x4x5"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding=1, padding_mode='constant', padding_value=2.0)", input: "1x6"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding='full')", input: "1x7"),
    ]

    static func x(_ count: Int) -> [Double] {
        var random = SplitMix64(seed: 21)
        return random.vector(count)
    }

    @Test(arguments: invertible)
    func invertibleLayersAreUndoneToRounding(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let weights =
            layerCase.spec.contains("bias=False")
            ? try LayerWeights(weight: [1, 2, 1], bias: nil, for: layer.spec)
            : LayerWeights.pytorchDefault(for: layer.spec, seed: 3)
        let x = Self.x(layer.input.count)
        let inversion = try Inversion(layer, weights: weights, x: x)
        let spectrum = try LayerSpectrum(layer, weights: weights, method: .dense).spectrum
        let kappa = try #require(spectrum.conditionNumber)
        #expect(inversion.rank == layer.input.count && inversion.nullity == 0 && inversion.nullSpaceBasis.isEmpty)
        let bound = 16 * Double(max(layer.output.count, layer.input.count)) * kappa * Double.ulpOfOne
        #expect(inversion.minimumNormError.relative <= bound, "κ = \(kappa)")
        // Without a null space and with λ = 0, Tikhonov is the same solution by another road.
        let pseudoInverse = try Inversion(MaterialisedConvolution(layer, weights: weights), x: x, lambda: 0)
        #expect(maxAbsDifference(pseudoInverse.tikhonov, inversion.minimumNorm) <= bound * euclideanNorm(x))
    }

    static let lossy: [(LayerCase, Int)] = [
        (LayerCase(spec: "Conv1d(1, 1, 3)", input: "1x8"), 2),
        (LayerCase(spec: "Conv1d(2, 3, 3, padding=1, padding_mode='circular', bias=False)", input: "2x6"), 0),
        (LayerCase(spec: "Conv2d(2, 1, 3)", input: "2x5x5"), 41),
        (LayerCase(spec: "Conv1d(1, 4, 2, stride=3)", input: "1x10"), 4),
    ]

    /// Without noise the minimum-norm solution misses exactly the null-space part
    /// of x, ‖x − x̂‖ = ‖N Nᵀ x‖, and the basis is orthonormal and sent to zero.
    @Test(arguments: lossy)
    func theMinimumNormSolutionLosesExactlyTheNullSpace(_ layerCase: LayerCase, nullity: Int) throws {
        let layer = try layerCase.layer()
        let materialised = try MaterialisedConvolution(layer, weights: .pytorchDefault(for: layer.spec, seed: 8))
        let inversion = try Inversion(materialised, x: Self.x(layer.input.count))
        #expect(inversion.nullity == nullity && inversion.nullSpaceBasis.count == nullity)
        #expect(abs(inversion.minimumNormError.norm - inversion.lostNorm) < 1e-12)
        #expect(inversion.residual < 1e-12)
        for (a, u) in inversion.nullSpaceBasis.enumerated() {
            #expect(euclideanNorm(materialised.matrix.multiply(u)) < 1e-13)
            for (b, v) in inversion.nullSpaceBasis.enumerated() {
                let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(dot - (a == b ? 1 : 0)) < 1e-13)
            }
        }
    }

    /// [−1, 1] on a circle: the constant is lost; the basis is ±(1, …, 1)/√n.
    @Test func circularDifferentiationLosesTheConstant() throws {
        let layer = try LayerCase(spec: "Conv1d(1, 1, 2, padding=((0, 1),), padding_mode='circular', bias=False)", input: "1x7").layer()
        let inversion = try Inversion(layer, weights: LayerWeights(weight: [-1, 1], bias: nil, for: layer.spec), x: Self.x(7))
        #expect(inversion.rank == 6 && inversion.nullity == 1)
        let basis = try #require(inversion.nullSpaceBasis.first)
        #expect(basis.allSatisfy { abs(abs($0) - 1 / 7.0.squareRoot()) < 1e-14 })
        let mean = Self.x(7).reduce(0, +) / 7
        #expect(abs(inversion.lostNorm - abs(mean) * 7.0.squareRoot()) < 1e-14)
    }

    /// The echelon basis depends on the space only: a rotated or sign-flipped basis
    /// of the same space gives the same vectors, orthonormal and positive at their pivots.
    @Test func echelonBasisIsCanonical() throws {
        let layer = try LayerCase(spec: "Conv1d(1, 1, 3, bias=False)", input: "1x8").layer()
        let inversion = try Inversion(layer, weights: LayerWeights(weight: [1, 2, 1], bias: nil, for: layer.spec), x: Self.x(8))
        let basis = inversion.nullSpaceBasis
        let (c, s) = (0.6, 0.8)
        let rotated = [zip(basis[0], basis[1]).map { c * $0 + s * $1 }, zip(basis[0], basis[1]).map { s * $0 - c * $1 }]
        let canonical = Inversion.echelonBasis(basis)
        #expect(maxAbsDifference(canonical.flatMap { $0 }, Inversion.echelonBasis(rotated).flatMap { $0 }) < 1e-13)
        #expect(canonical[0][0] > 0 && abs(canonical[0][1]) < 1e-13 && canonical[1][1] > 0)
        #expect(abs(zip(canonical[0], canonical[1]).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-13)
        // x_t = (−1)^t (a + b t) solves x_{t−1} + 2x_t + x_{t+1} = 0: the first vector is a = 0, b = 1 up to scale.
        let expected = (0..<8).map { t in (t % 2 == 0 ? 1.0 : -1.0) * Double(t - 1) }
        let scale = canonical[0][0] / expected[0]
        #expect(maxAbsDifference(canonical[0], expected.map { $0 * scale }) < 1e-13)
    }

    /// x_λ solves the normal equations (W Wᵀ + λI) x = W ỹ, checked with BLAS products.
    @Test(arguments: [0.0, 1e-4, 0.1, 10])
    func tikhonovSolvesItsNormalEquations(lambda: Double) throws {
        let layer = try LayerCase(spec: "Conv1d(2, 3, 3)", input: "2x7").layer()
        let materialised = try MaterialisedConvolution(layer, weights: .pytorchDefault(for: layer.spec, seed: 6))
        var random = SplitMix64(seed: 2)
        let inversion = try Inversion(materialised, x: Self.x(14), noise: random.vector(15).map { $0 * 0.01 }, lambda: lambda)
        let w = materialised.matrix
        let left = zip(w.multiply(w.multiply(inversion.tikhonov), transposed: true), inversion.tikhonov).map { $0 + lambda * $1 }
        let right = w.multiply(inversion.linearOutput, transposed: true)
        #expect(maxAbsDifference(left, right) < 1e-13)
        if lambda == 0 { #expect(maxAbsDifference(inversion.tikhonov, inversion.minimumNorm) < 1e-12) }
    }

    @Test func badOptionsAndBudgetsAreErrors() throws {
        let layer = try LayerCase(spec: "Conv1d(1, 1, 3)", input: "1x8").layer()
        let weights = LayerWeights.integers(for: layer.spec, seed: 1)
        #expect(throws: ConvMatrixError(.option, field: "lambda", reason: "-1.0 must be a finite number ≥ 0")) {
            try Inversion(layer, weights: weights, x: Self.x(8), lambda: -1)
        }
        #expect(throws: ConvMatrixError.self) { try Inversion(layer, weights: weights, x: Self.x(8), rcond: .nan) }
        let error = #expect(throws: ConvMatrixError.self) { try Inversion(layer, weights: weights, x: Self.x(7)) }
        #expect(error?.kind == .shape && error?.field == "x")
        let huge = try LayerCase(spec: "Conv2d(8, 8, 3)", input: "8x1024x1024").layer()
        let refused = #expect(throws: ConvMatrixError.self) {
            try Inversion(huge, weights: .integers(for: huge.spec, seed: 0), x: [], memory: MemoryBudget(limitBytes: Int.max))
        }
        #expect(refused?.field == "max-flops")
    }
}
