import Testing

@testable import ConvMatrix

/// A non-finite value computed from finite input is bad input, a thrown
/// `.numerical` error naming what caused it, never a number or a failed check.
@Suite struct NonFiniteTests {
    static let circular = "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)"

    static func layer(_ spec: String, _ input: String) throws -> Convolution {
        try LayerCase(spec: spec, input: input).layer()
    }

    static func kernel(_ values: [Double], _ layer: Convolution) throws -> LayerWeights {
        try LayerWeights(weight: values, bias: nil, for: layer.spec)
    }

    /// On one input unit all three circular taps fold onto one entry: 3·10³⁰⁸.
    @Test func anEntryThatOverflowsIsRefusedWhenMaterialised() throws {
        let layer = try Self.layer(Self.circular, "1x1")
        let error = try #require(throws: ConvMatrixError.self) {
            try MaterialisedConvolution(layer, weights: Self.kernel([1e308, 1e308, 1e308], layer))
        }
        #expect(error.kind == .numerical && error.field == "weight")
        #expect(error.reason.contains("entry (1, 1)") && error.reason.contains("3e+308"), "\(error)")
    }

    @Test func anOffsetThatOverflowsNamesThePaddingValue() throws {
        let layer = try Self.layer("Conv1d(1, 1, 3, padding=1, padding_mode='constant', padding_value=1e308, bias=False)", "1x4")
        let error = try #require(throws: ConvMatrixError.self) { try MaterialisedConvolution(layer, weights: Self.kernel([2, 2, 2], layer)) }
        #expect(error.kind == .numerical && error.field == "padding_value")
    }

    @Test func weightsThatAreNotFiniteAreRefused() throws {
        let layer = try Self.layer(Self.circular, "1x4")
        for bad in [Double.infinity, -.infinity, .nan] {
            let error = try #require(throws: ConvMatrixError.self) { try Self.kernel([1, bad, 1], layer) }
            #expect(error.kind == .numerical && error.field == "weight" && error.reason.hasPrefix("value 2 of 3"))
        }
    }

    /// ‖A‖_F finite ⇒ σ₁ finite: LAPACK is called and answers; beyond, it is not called.
    @Test func theLAPACKGuardIsTheFrobeniusNorm() throws {
        let a = 8e307
        let representable = Matrix(rows: 2, columns: 2, rowMajor: [a, a, a, a])
        let sigma = try representable.singularValues()
        #expect(abs(sigma[0] - 2 * a) <= 16 * Double.ulpOfOne * 2 * a && sigma[1] <= 16 * Double.ulpOfOne * 2 * a)
        let beyond = Matrix(rows: 2, columns: 2, rowMajor: [1e308, 1e308, 1e308, 1e308])
        let error = try #require(throws: ConvMatrixError.self) { try beyond.singularValues() }
        #expect(error.field == "dgesdd" && error.reason.contains("‖the matrix‖_F"))
        // ‖b‖₂ = √2·1.7e308 overflows: refused before LAPACK too.
        #expect(throws: ConvMatrixError.self) { try representable.leastSquares([1.7e308, 1.7e308]) }
    }

    @Test func theSpectrumOfAnOverflowingLayerNamesTheWeight() throws {
        let layer = try Self.layer(Self.circular, "1x8")
        for method in SpectrumMethod.allCases {
            let error = try #require(throws: ConvMatrixError.self) {
                try LayerSpectrum(layer, weights: Self.kernel([1e308, 1e308, 1e308], layer), method: method)
            }
            #expect(error.kind == .numerical && error.field == "weight", "\(method): \(error)")
        }
    }

    /// The default λ = (10⁻³·σ₁)² is refused where it leaves the normal range.
    @Test(arguments: [1e200, 1e-300])
    func theDefaultLambdaMustBeRepresentable(_ scale: Double) throws {
        let layer = try Self.layer(Self.circular, "1x1")
        let error = try #require(throws: ConvMatrixError.self) {
            try Inversion(layer, weights: Self.kernel([scale, 0, 0], layer), x: [0.5])
        }
        #expect(error.kind == .numerical && error.field == "lambda")
    }

    /// λ = 0 with σ = 10⁻³⁰⁰: σ² underflows, but 1/(σ + λ/σ) does not, and x_0 = x̂.
    @Test func lambdaZeroOnATinySingularValueIsTheMinimumNormSolution() throws {
        let layer = try Self.layer(Self.circular, "1x4")
        let weights = try Self.kernel([1e-300, 0, 0], layer)
        let x = [0.5, -0.25, 0.75, 1]
        let inversion = try Inversion(layer, weights: weights, x: x, lambda: 0)
        #expect(inversion.tikhonov.allSatisfy { $0.isFinite })
        #expect(maxAbsDifference(inversion.tikhonov, inversion.minimumNorm) <= 8 * Double.ulpOfOne)
        #expect(maxAbsDifference(inversion.minimumNorm, x) <= 8 * Double.ulpOfOne)
    }

    @Test func anInputThatOverflowsTheOutputIsRefused() throws {
        let layer = try Self.layer(Self.circular, "1x4")
        let error = try #require(throws: ConvMatrixError.self) {
            try Inversion(layer, weights: Self.kernel([1, 1, 1], layer), x: [1e308, 1e308, 1e308, 1e308])
        }
        #expect(error.kind == .numerical && error.field == "x")
    }

    /// The checks are refused, not failed, when E = ½‖y − t‖² could overflow;
    /// a padding value of 10¹⁵⁰ still fits the bound, and the checks pass.
    @Test func theCheckerRefusesOverflowAndPassesBelowTheBound() throws {
        let spec = { (c: String) in "Conv1d(1, 1, 4, padding='same', padding_mode='constant', padding_value=\(c))" }
        let error = try #require(throws: ConvMatrixError.self) { try Checker(layer: Self.layer(spec("1e308"), "1x7")).run() }
        #expect(error.kind == .numerical && error.field == "padding_value")
        #expect(try Checker(layer: Self.layer(spec("1e150"), "1x7")).run().passed)
        let layer = try Self.layer("Conv1d(1, 1, 3, bias=False)", "1x5")
        let given = try Self.kernel([1e300, -1e300, 1e300], layer)
        let refused = try #require(throws: ConvMatrixError.self) { try Checker(layer: layer, weights: given).run() }
        #expect(refused.kind == .numerical && refused.field == "weight")
    }

    /// The bound covers every value a check computes: below it nothing is inf or NaN.
    @Test func belowTheBoundEveryCheckIsFinite() throws {
        let layer = try Self.layer("Conv1d(2, 2, 3, padding=1, padding_mode='replicate')", "2x5")
        var weights = LayerWeights.pytorchDefault(for: layer.spec, seed: 4)
        weights.weight = weights.weight.map { $0 * 1e140 }
        let range = CheckRange(form: layer.matrixForm(), data: CheckData(layer: layer, seed: 0), given: weights)
        #expect(range.bound.isFinite)
        let report = try Checker(layer: layer, weights: weights).run()
        for check in report.checks where check.ran {
            #expect(check.maxAbsError?.isFinite == true && check.tolerance?.isFinite == true, "\(check.name)")
        }
        #expect(report.passed, "\(report.failures.map(\.name))")
    }
}
