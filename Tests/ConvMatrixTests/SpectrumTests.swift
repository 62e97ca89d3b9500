import Testing

@testable import ConvMatrix

/// The figures of a spectrum, the Frobenius identities, and what rank and
/// nullity say about 'valid' and strided layers.
@Suite struct SpectrumTests {
    @Test func figuresFollowFromTheValues() {
        let spectrum = Spectrum(singularValues: [1, 4, 2], rows: 3, columns: 5)
        #expect(spectrum.singularValues == [4, 2, 1])
        #expect(spectrum.spectralNorm == 4 && spectrum.rank == 3 && spectrum.nullity == 2)
        #expect(spectrum.rankTolerance == 5 * Double.ulpOfOne * 4)
        #expect(spectrum.conditionNumber == 4 && !spectrum.isRankDeficient)
        #expect(spectrum.frobeniusNorm == 21.0.squareRoot())
        let deficient = Spectrum(singularValues: [3, 1e-16], rows: 2, columns: 2)
        #expect(deficient.rank == 1 && deficient.isRankDeficient && deficient.conditionNumber == nil)
        let zero = Spectrum(singularValues: [0, 0], rows: 2, columns: 3)
        #expect(zero.rank == 0 && zero.nullity == 3 && zero.conditionNumber == nil)
    }

    static var frobeniusCases: [LayerCase] { LayerCases.edges + LayerCases.edgesInEveryMode }

    /// ‖Wᵀ‖_F from σ, from the entries and, when no entry sums parameters, from
    /// v² × occupancy: sums of at most a few thousand squares, so 1e-13 relative.
    @Test(arguments: frobeniusCases)
    func frobeniusIdentitiesHold(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let materialised = try MaterialisedConvolution(layer, weights: .pytorchDefault(for: layer.spec, seed: 4))
        let check = FrobeniusCheck(spectrum: try Spectrum(of: materialised.matrix), layer: materialised)
        #expect(check.fromEntries != nil)
        #expect((check.fromParameters == nil) == (materialised.tied.sharedEntryCount > 0))
        #expect(check.largestRelativeDifference < 1e-13, "\(check)")
    }

    static let valid: [LayerCase] = [
        LayerCase(spec: "Conv1d(1, 1, 3)", input: "1x8"),
        LayerCase(spec: "Conv1d(2, 1, 3, bias=False)", input: "2x6"),
        LayerCase(spec: "Conv1d(3, 2, 2, dilation=2)", input: "3x9"),
        LayerCase(spec: "Conv2d(1, 1, 3)", input: "1x5x5"),
        LayerCase(spec: "Conv2d(2, 2, 2)", input: "2x4x4"),
        LayerCase(spec: "Conv2d(12, 4, 5)", input: "12x14x14"),
    ]

    /// A stride-1 'valid' layer with fewer rows than columns has full row rank
    /// for generic weights, and still a null space: nullity = columns − rows.
    @Test(arguments: valid)
    func validLayersLoseColumnsMinusRows(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        let result = try LayerSpectrum(layer, weights: .pytorchDefault(for: layer.spec, seed: 9), method: .dense)
        #expect(layer.output.count < layer.input.count)
        #expect(result.spectrum.rank == layer.output.count)
        #expect(result.spectrum.nullity == layer.input.count - layer.output.count)
        #expect(!result.spectrum.isRankDeficient && result.spectrum.conditionNumber != nil)
    }

    /// Stride 3 with kernel 2 never reads inputs 2, 5, 8, 9 of 10: four zero
    /// columns, so rank 6 < min(12, 10) however many output maps read the rest.
    @Test func aStrideLargerThanTheKernelLeavesInputsUnread() throws {
        let layer = try LayerCase(spec: "Conv1d(1, 4, 2, stride=3, bias=False)", input: "1x10").layer()
        let result = try LayerSpectrum(layer, weights: .pytorchDefault(for: layer.spec, seed: 1))
        let unread = (0..<layer.input.count).filter { c in !layer.tiedMatrix().terms.contains { $0.column == c } }
        #expect(unread == [2, 5, 8, 9])
        #expect(result.spectrum.rank == 6 && result.spectrum.nullity == 4)
        #expect(result.spectrum.isRankDeficient && result.spectrum.conditionNumber == nil)
        let pointwise = try LayerCase(spec: "Conv2d(1, 4, 1, stride=2)", input: "1x4x4").layer()
        let sparse = try LayerSpectrum(pointwise, weights: .pytorchDefault(for: pointwise.spec, seed: 1))
        #expect(sparse.spectrum.rank == 4 && sparse.spectrum.nullity == 12)
    }

    /// 64 maps of 1024×1024: a dense Wᵀ of 64 PiB. With no memory limit at all,
    /// only a refusal before allocation lets this test finish.
    @Test(arguments: ["zeros", "circular"])
    func theFlopBudgetRefusesBeforeAllocating(mode: String) throws {
        let layer = try LayerCase(spec: "Conv2d(64, 64, 3, padding=1, padding_mode='\(mode)')", input: "64x1024x1024").layer()
        let unlimited = MemoryBudget(limitBytes: Int.max)
        for method in SpectrumMethod.allCases where mode == "circular" || method != .fourier {
            let error = #expect(throws: ConvMatrixError.self) {
                try LayerSpectrum(layer, weights: .integers(for: layer.spec, seed: 0), method: method, memory: unlimited)
            }
            #expect(error?.kind == .budget && error?.field == "max-flops")
            #expect(error?.reason.contains("--max-flops") == true)
            if mode == "zeros", method == .auto {
                #expect(error?.reason.contains("the Fourier method, which needs no matrix, needs circular padding") == true)
            }
        }
    }

    @Test func flopBudgetParsesAndFormats() throws {
        #expect(try FlopBudget(parsing: "2.5e9").limitFlops == 2.5e9)
        #expect(throws: ConvMatrixError.self) { try FlopBudget(parsing: "fast") }
        #expect(throws: ConvMatrixError.self) { try FlopBudget(parsing: "-1") }
        #expect(FlopBudget.format(6.8e10) == "6.8e10")
        #expect(FlopBudget.format(7.37e8) == "7.4e8")
        #expect(FlopBudget.format(9.99e9) == "1.0e10")
        #expect(FlopBudget.format(120) == "120")
        #expect(FlopEstimate.singularValueDecomposition(rows: 1200, columns: 784, vectors: .none) == 1200 * 784 * 784)
    }
}
