import Foundation
import Testing

@testable import ConvMatrix

/// The identity of Sedghi, Gupta and Long against the dense SVD of the
/// materialised Wᵀ, and against closed forms.
///
/// Tolerance: both sides are backward stable, so by Weyl's inequality each
/// computed σ_i is within c·ε·σ₁ of the exact one, with c a modest multiple of
/// the dimension; 64·max(m, n)·ε·σ₁ is generous for rounding and tight against
/// any misplaced tap (which changes values by O(σ₁)).
///
/// A dilation d coprime to the length n only permutes the frequencies
/// (ω ↦ ω·d mod n) and leaves the spectrum unchanged, so the cases include
/// dilations that share a factor with the length: those a misplaced tap would fail.
@Suite struct FourierSpectrumTests {
    static let circular: [LayerCase] = [
        LayerCase(spec: "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)", input: "1x8"),
        LayerCase(spec: "Conv1d(2, 3, 3, padding=1, padding_mode='circular')", input: "2x7"),
        LayerCase(spec: "Conv1d(3, 2, 5, padding=2, padding_mode='circular')", input: "3x6"),
        LayerCase(spec: "Conv1d(2, 2, 3, padding=2, dilation=2, padding_mode='circular')", input: "2x5"),
        LayerCase(spec: "Conv1d(2, 2, 3, padding=3, dilation=3, padding_mode='circular')", input: "2x4"),
        LayerCase(spec: "Conv1d(2, 3, 3, padding=2, dilation=2, padding_mode='circular')", input: "2x8"),
        LayerCase(spec: "Conv1d(1, 2, 5, padding=2, padding_mode='circular')", input: "1x3"),
        LayerCase(spec: "Conv1d(2, 2, 7, padding=3, padding_mode='circular')", input: "2x3"),
        LayerCase(spec: "Conv1d(1, 1, 4, padding='same', padding_mode='circular')", input: "1x6"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding=((2, 0),), padding_mode='circular')", input: "1x5"),
        LayerCase(spec: "Conv1d(4, 6, 3, padding=1, groups=2, padding_mode='circular')", input: "4x5"),
        LayerCase(spec: "Conv1d(3, 5, 1)", input: "3x4"),
        LayerCase(spec: "Conv2d(1, 1, 3, padding=1, padding_mode='circular')", input: "1x4x5"),
        LayerCase(spec: "Conv2d(2, 3, 3, padding=1, padding_mode='circular')", input: "2x5x4"),
        LayerCase(spec: "Conv2d(3, 2, (3, 5), padding=(1, 2), padding_mode='circular')", input: "3x4x4"),
        LayerCase(spec: "Conv2d(2, 2, 3, padding=2, dilation=2, padding_mode='circular')", input: "2x3x5"),
        LayerCase(spec: "Conv2d(2, 2, 3, padding=(2, 3), dilation=(2, 3), padding_mode='circular')", input: "2x4x6"),
        LayerCase(spec: "Conv2d(2, 2, 5, padding=2, padding_mode='circular', bias=False)", input: "2x2x3"),
        LayerCase(spec: "Conv2d(2, 4, 3, padding=1, groups=2, padding_mode='circular')", input: "2x3x3"),
        LayerCase(spec: "Conv3d(2, 2, 3, padding=1, padding_mode='circular')", input: "2x3x3x4"),
    ]

    @Test(arguments: circular)
    func fourierValuesAreTheDenseSingularValues(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let weights = LayerWeights.pytorchDefault(for: layer.spec, seed: 11)
        let dense = try Spectrum(of: MaterialisedConvolution(layer, weights: weights).matrix)
        let fourier = try FourierSpectrum.singularValues(of: layer, weight: weights.weight)
        #expect(fourier.count == dense.singularValues.count)
        let tolerance = 64 * Double(max(dense.rows, dense.columns)) * Double.ulpOfOne * dense.spectralNorm
        #expect(maxAbsDifference(fourier, dense.singularValues) <= tolerance, "dense \(dense.singularValues)\nFourier \(fourier)")
    }

    @Test(arguments: circular)
    func autoRunsBothAndAgrees(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let result = try LayerSpectrum(layer, weights: .integers(for: layer.spec, seed: 5))
        #expect(result.ran == .both)
        let difference = try #require(result.fourierDifference)
        #expect(difference <= 64 * Double(max(layer.output.count, layer.input.count)) * Double.ulpOfOne * result.spectrum.spectralNorm)
        #expect(result.frobenius.largestRelativeDifference < 1e-13)
    }

    /// [1, 2, 1] on a circle of n has the symbol 2 + 2cos(2πk/n), k = 0…n−1: its
    /// absolute values are the singular values; zero at k = n/2 when n is even.
    @Test(arguments: [3, 4, 8, 9, 16, 17])
    func smoothingMatchesItsClosedForm(n: Int) throws {
        let layer = try Convolution(
            ConvolutionSpec(parsing: "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)"),
            input: TensorShape(parsing: "1x\(n)"))
        let closedForm = (0..<n).map { abs(2 + 2 * cos(2 * Double.pi * Double($0) / Double(n))) }.sorted(by: >)
        let fourier = try FourierSpectrum.singularValues(of: layer, weight: [1, 2, 1])
        #expect(maxAbsDifference(fourier, closedForm) < 1e-14)
        let result = try LayerSpectrum(layer, weights: LayerWeights(weight: [1, 2, 1], bias: nil, for: layer.spec))
        #expect(result.spectrum.isRankDeficient == n.isMultiple(of: 2))
        #expect(result.spectrum.nullity == (n.isMultiple(of: 2) ? 1 : 0))
    }

    /// Per frequency and in order: σ(A(ω_k)) of [1, 2, 1] is |2 + 2cos(2πk/n)|; a
    /// 2 → 3 layer has min(3, 2) values, descending, at each ω, whose union is the spectrum.
    @Test func singularValuesByFrequencyFollowTheFrequencies() throws {
        let n = 7
        let layer = try LayerCase(spec: "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)", input: "1x\(n)").layer()
        let byFrequency = try FourierSpectrum.singularValuesByFrequency(of: layer, weight: [1, 2, 1])
        #expect(byFrequency.count == n)
        for (k, values) in byFrequency.enumerated() {
            let closedForm = abs(2 + 2 * cos(2 * Double.pi * Double(k) / Double(n)))
            #expect(values.count == 1 && abs(values[0] - closedForm) < 1e-14, "frequency \(k): \(values)")
        }
        let wide = try LayerCase(spec: "Conv1d(2, 3, 3, padding=1, padding_mode='circular')", input: "2x7").layer()
        let weights = LayerWeights.pytorchDefault(for: wide.spec, seed: 3)
        let blocks = try FourierSpectrum.singularValuesByFrequency(of: wide, weight: weights.weight)
        #expect(blocks.count == 7 && blocks.allSatisfy { $0.count == 2 && $0[0] >= $0[1] })
        #expect(blocks.flatMap { $0 }.sorted(by: >) == (try FourierSpectrum.singularValues(of: wide, weight: weights.weight)))
    }

    @Test func fourierAloneReportsTheParameterFrobeniusUnlessTapsCollide() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 3, padding=1, padding_mode='circular')", input: "2x5x4").layer()
        let result = try LayerSpectrum(layer, weights: .pytorchDefault(for: layer.spec, seed: 2), method: .fourier)
        #expect(result.ran == .fourier && result.frobenius.fromEntries == nil && result.fourierDifference == nil)
        let fromParameters = try #require(result.frobenius.fromParameters)
        #expect(abs(fromParameters - result.frobenius.fromSingularValues) < 1e-13 * fromParameters)
        let wide = try LayerCase(spec: "Conv1d(1, 1, 5, padding=2, padding_mode='circular')", input: "1x3").layer()
        let wrapped = try LayerSpectrum(wide, weights: .pytorchDefault(for: wide.spec, seed: 2), method: .fourier)
        #expect(wrapped.frobenius.fromParameters == nil)
    }

    static let notCircular = [
        LayerCase(spec: "Conv1d(1, 1, 3, padding=1)", input: "1x8"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding=1, stride=2, padding_mode='circular')", input: "1x8"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding_mode='circular')", input: "1x8"),
        LayerCase(spec: "Conv2d(1, 1, 3, padding=1, padding_mode='reflect')", input: "1x4x4"),
    ]

    @Test(arguments: notCircular)
    func fourierOnANonCircularLayerIsAnOptionError(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let error = #expect(throws: ConvMatrixError.self) {
            try LayerSpectrum(layer, weights: .integers(for: layer.spec, seed: 1), method: .fourier)
        }
        #expect(error?.kind == .option && error?.field == "method")
        #expect(error?.reason.hasPrefix("the Fourier method needs circular padding") == true, "\(String(describing: error))")
        #expect(try LayerSpectrum(layer, weights: .integers(for: layer.spec, seed: 1)).ran == .dense)
        #expect(throws: ConvMatrixError.self) { try FourierSpectrum.singularValues(of: layer, weight: [1, 2, 1]) }
    }
}
