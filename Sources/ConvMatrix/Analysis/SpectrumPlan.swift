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
        let dense = "a dense SVD (values only) of the \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) Wᵀ of \(layer.spec) on \(layer.input)"
        let fourierAlternative = "--method fourier (about \(FlopBudget.format(FlopEstimate.fourier(layer))) flops)"
        switch method {
        case .fourier:
            if let reason = FourierSpectrum.inapplicability(of: layer) {
                throw ConvMatrixError(.option, field: "method", reason: reason)
            }
            try Self.requireFourier(layer, memory: memory, flops: flops)
            ran = .fourier
        case .dense:
            try flops.require(denseFlops, for: dense, alternatives: faults.isEmpty ? [fourierAlternative] : ["a smaller input"])
            try memory.require(denseBytes, for: "\(dense) with its matrix and terms")
            ran = .dense
        case .auto where faults.isEmpty:
            try Self.requireFourier(layer, memory: memory, flops: flops)
            ran = denseFlops <= flops.limitFlops && denseBytes <= memory.limitBytes ? .both : .fourier
        case .auto:
            let noFourier = "the Fourier method, which needs \(FourierSpectrum.requirements) (this layer has \(faults.joined(separator: " and ")))"
            try flops.require(denseFlops, for: dense, alternatives: ["a smaller input", noFourier])
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
        try flops.require(FlopEstimate.fourier(layer), for: what, alternatives: ["a smaller input"])
        let values = saturatingProduct(layer.input.mapSize, min(layer.spec.outChannels, layer.spec.inChannels), MemoryLayout<Double>.stride)
        try memory.require(values, for: "the singular values of \(what)")
    }
}
