/// How the singular values of a layer are found.
public enum SpectrumMethod: String, CaseIterable, Sendable {
    /// Both when the layer is circular and the dense SVD fits the budgets; the
    /// Fourier method alone when only it fits; the dense SVD otherwise.
    case auto
    /// The SVD of the materialised Wᵀ (LAPACKE_dgesdd, values only).
    case dense
    /// The identity of Sedghi, Gupta and Long, without Wᵀ (``FourierSpectrum``).
    case fourier
}

/// The spectrum of one layer of any kind with its weights, by the method asked for.
///
/// The dense method factorises the materialised Wᵀ of any ``Layer``; a layer
/// without parameters (pooling, Flatten, Identity) has a constant Wᵀ, whose
/// spectrum is found the same way with no weights. The Fourier method applies to
/// circular convolutions only (``FourierSpectrum``).
///
///     let layer = try Convolution(ConvolutionSpec(parsing: "Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)"),
///                                 input: TensorShape(parsing: "1x8"))
///     let weights = try LayerWeights(weight: [0.25, 0.5, 0.25], bias: nil, for: layer.spec)
///     let result = try LayerSpectrum(layer, weights: weights)
///     // result.ran == .both, result.spectrum.rank == 7: [1, 2, 1]/4 loses the frequency π
public struct LayerSpectrum: Sendable {
    /// Which computations ran.
    public enum Ran: String, Sendable {
        case dense, fourier, both
    }

    public let layer: any Layer
    public let weights: LayerWeights
    public let ran: Ran
    /// The dense values when the dense SVD ran, the Fourier values otherwise.
    public let spectrum: Spectrum
    public let frobenius: FrobeniusCheck
    /// max_i |σ_i(dense) − σ_i(Fourier)| when both ran, else nil.
    public let fourierDifference: Double?

    /// Computes the spectrum, refusing before any allocation what exceeds a budget.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.option` on field `method` when the
    ///   Fourier method is asked for a layer it does not apply to (any kind but a
    ///   circular convolution); `.budget` on `max-flops` or `max-memory` with the
    ///   estimate and the alternatives; `.numerical` on `weight` when an entry or
    ///   ‖Wᵀ‖_F overflows (so would σ₁), or when LAPACK fails; `.shape` when the
    ///   weights do not fit.
    public init(
        _ layer: any Layer, weights: LayerWeights, method: SpectrumMethod = .auto,
        memory: MemoryBudget = .default, flops: FlopBudget = .default
    ) throws(ConvMatrixError) {
        let weights = try LayerWeights(weight: weights.weight, bias: weights.bias, for: layer)
        let plan = try SpectrumPlan(layer: layer, method: method, memory: memory, flops: flops)
        self.layer = layer
        self.weights = weights
        self.ran = plan.ran
        var fourierValues: [Double]? = nil
        if plan.ran != .dense, let convolution = plan.convolution {
            fourierValues = try FourierSpectrum.singularValues(of: convolution, weight: weights.weight)
        }
        if plan.ran == .fourier, let convolution = plan.convolution {
            let fourier = Spectrum(singularValues: fourierValues ?? [], rows: layer.output.count, columns: layer.input.count)
            spectrum = fourier
            frobenius = FrobeniusCheck(
                fromSingularValues: fourier.frobeniusNorm, fromEntries: nil,
                fromParameters: FourierSpectrum.frobeniusNormFromParameters(of: convolution, weight: weights.weight))
            fourierDifference = nil
        } else {
            let materialised = try MaterialisedLayer(layer, weights: weights, budget: memory)
            try materialised.matrix.requireFactorable(field: "weight", name: "Wᵀ")
            let dense = try Spectrum(of: materialised.matrix)
            spectrum = dense
            frobenius = FrobeniusCheck(spectrum: dense, layer: materialised)
            fourierDifference = fourierValues.map { maxAbsDifference(dense.singularValues, $0) }
        }
    }
}
