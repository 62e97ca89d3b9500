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

/// The spectrum of one layer with its weights, by the method asked for.
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

    public let layer: Convolution
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
    ///   Fourier method is asked for a layer it does not apply to; `.budget` on
    ///   `max-flops` or `max-memory` with the estimate and the alternatives;
    ///   `.numerical` on `weight` when an entry or ‖Wᵀ‖_F overflows (so would σ₁),
    ///   or when LAPACK fails; `.shape` when the weights do not fit.
    public init(
        _ layer: Convolution, weights: LayerWeights, method: SpectrumMethod = .auto,
        memory: MemoryBudget = .default, flops: FlopBudget = .default
    ) throws(ConvMatrixError) {
        let weights = try LayerWeights(weight: weights.weight, bias: weights.bias, for: layer.spec)
        let plan = try SpectrumPlan(layer: layer, method: method, memory: memory, flops: flops)
        self.layer = layer
        self.weights = weights
        self.ran = plan.ran
        var fourierValues: [Double]? = nil
        if plan.ran != .dense {
            fourierValues = try FourierSpectrum.singularValues(of: layer, weight: weights.weight)
        }
        if plan.ran == .fourier {
            let fourier = Spectrum(singularValues: fourierValues ?? [], rows: layer.output.count, columns: layer.input.count)
            spectrum = fourier
            frobenius = FrobeniusCheck(
                fromSingularValues: fourier.frobeniusNorm, fromEntries: nil,
                fromParameters: FourierSpectrum.frobeniusNormFromParameters(of: layer, weight: weights.weight))
            fourierDifference = nil
        } else {
            let materialised = try MaterialisedConvolution(layer, weights: weights, budget: memory)
            try materialised.matrix.requireFactorable(field: "weight", name: "Wᵀ")
            let dense = try Spectrum(of: materialised.matrix)
            spectrum = dense
            frobenius = FrobeniusCheck(spectrum: dense, layer: materialised)
            fourierDifference = fourierValues.map { maxAbsDifference(dense.singularValues, $0) }
        }
    }
}

/// The decision which computations a spectrum runs, taken from estimates alone,
/// before anything of the size of Wᵀ is allocated.
///
///     method    Fourier applies   dense fits the budgets   runs
///     auto      yes               yes                      both (and their difference)
///     auto      yes               no                       Fourier
///     auto      no                yes                      dense
///     auto      no                no                       refused: the estimate and what would do
///     dense     —                 yes                      dense (else refused)
///     fourier   yes               —                        Fourier (refused when it does not apply)
///
/// The Fourier side is itself held to the flop budget (``FlopEstimate/fourier(_:)``)
/// and to the memory budget for its N · min(out, in) values.
struct SpectrumPlan {
    let ran: LayerSpectrum.Ran

    init(layer: Convolution, method: SpectrumMethod, memory: MemoryBudget, flops: FlopBudget) throws(ConvMatrixError) {
        let faults = FourierSpectrum.faults(of: layer)
        let denseFlops = FlopEstimate.denseSpectrum(layer)
        let denseBytes = Self.denseBytes(layer)
        let dense =
            "a dense SVD (values only) of the \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) Wᵀ of \(layer.spec) on \(layer.input)"
        let fourierAlternative = "use --method fourier (about \(FlopBudget.format(FlopEstimate.fourier(layer))) flops, no matrix)"
        switch method {
        case .fourier:
            if let reason = FourierSpectrum.inapplicability(of: layer) {
                throw ConvMatrixError(.option, field: "method", reason: reason)
            }
            try Self.requireFourier(layer, memory: memory, flops: flops)
            ran = .fourier
        case .dense:
            try flops.require(denseFlops, for: dense, alternatives: faults.isEmpty ? [fourierAlternative] : ["use a smaller input"])
            try memory.require(denseBytes, for: "\(dense) with its matrix and terms")
            ran = .dense
        case .auto where faults.isEmpty:
            try Self.requireFourier(layer, memory: memory, flops: flops)
            ran = denseFlops <= flops.limitFlops && denseBytes <= memory.limitBytes ? .both : .fourier
        case .auto:
            let noFourier =
                "note that the Fourier method, which needs no matrix, needs \(FourierSpectrum.requirements) (this layer has \(faults.joined(separator: " and ")))"
            try flops.require(denseFlops, for: dense, alternatives: ["use a smaller input; " + noFourier])
            try memory.require(denseBytes, for: "\(dense) with its matrix and terms")
            ran = .dense
        }
    }

    /// The dense Wᵀ, LAPACK's copy of it, and the terms it is built from.
    static func denseBytes(_ layer: Convolution) -> Int {
        saturatingSum(saturatingProduct(2, layer.denseBytesEstimate), layer.termBytesEstimate)
    }

    private static func requireFourier(_ layer: Convolution, memory: MemoryBudget, flops: FlopBudget) throws(ConvMatrixError) {
        let what = "the Fourier method on \(layer.spec) on \(layer.input)"
        try flops.require(FlopEstimate.fourier(layer), for: what, alternatives: ["use a smaller input"])
        let values = saturatingProduct(layer.input.mapSize, min(layer.spec.outChannels, layer.spec.inChannels), MemoryLayout<Double>.stride)
        try memory.require(values, for: "the singular values of \(what)")
    }
}
