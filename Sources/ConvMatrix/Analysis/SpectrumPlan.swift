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
/// The Fourier method applies to convolutions only (``FourierSpectrum``); for
/// every other kind (pooling, Linear, Flatten, Identity, ConvTranspose) `auto`
/// is the dense SVD. The Fourier side is itself held to the flop budget
/// (``FlopEstimate/fourier(_:)``) and to the memory budget for its N · min(out, in) values.
struct SpectrumPlan {
    let ran: LayerSpectrum.Ran
    /// The layer as a convolution, when it is one: what the Fourier method reads.
    let convolution: Convolution?

    init(layer: any Layer, method: SpectrumMethod, memory: MemoryBudget, flops: FlopBudget) throws(ConvMatrixError) {
        convolution = layer as? Convolution
        let faults = Self.fourierFaults(of: layer)
        let denseFlops = FlopEstimate.denseSpectrum(layer)
        let denseBytes = Self.denseBytes(layer)
        let dense =
            "a dense SVD (values only) of the \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) Wᵀ of \(layer.specDescription) on \(layer.input)"
        switch (method, convolution) {
        case (.fourier, let convolution?) where faults.isEmpty:
            try Self.requireFourier(convolution, memory: memory, flops: flops)
            ran = .fourier
        case (.fourier, _):
            throw ConvMatrixError(.option, field: "method", reason: Self.fourierInapplicability(of: layer))
        case (.dense, _):
            let fourierAlternative = faults.isEmpty ? convolution.map(Self.fourierAlternative) : nil
            try flops.require(denseFlops, for: dense, alternatives: [fourierAlternative ?? "use a smaller input"])
            try memory.require(denseBytes, for: "\(dense) with its matrix and terms")
            ran = .dense
        case (.auto, let convolution?) where faults.isEmpty:
            try Self.requireFourier(convolution, memory: memory, flops: flops)
            ran = denseFlops <= flops.limitFlops && denseBytes <= memory.limitBytes ? .both : .fourier
        case (.auto, _):
            let noFourier = "note that the Fourier method, which needs no matrix, needs " + Self.fourierNeeds(layer, faults: faults)
            try flops.require(denseFlops, for: dense, alternatives: ["use a smaller input; " + noFourier])
            try memory.require(denseBytes, for: "\(dense) with its matrix and terms")
            ran = .dense
        }
    }

    /// The dense Wᵀ with its parameters and terms (``Layer/materialisedEstimate``),
    /// and LAPACK's copy of Wᵀ.
    static func denseBytes(_ layer: any Layer) -> Int {
        (layer.materialisedEstimate + layer.denseEstimate).bytes
    }

    /// What keeps the Fourier method from `layer`, as phrases; empty when it applies.
    static func fourierFaults(of layer: any Layer) -> [String] {
        guard let convolution = layer as? Convolution else { return ["not a convolution"] }
        return FourierSpectrum.faults(of: convolution)
    }

    /// Why the Fourier method does not apply to `layer`, as a sentence.
    static func fourierInapplicability(of layer: any Layer) -> String {
        if let convolution = layer as? Convolution, let reason = FourierSpectrum.inapplicability(of: convolution) { return reason }
        return "the Fourier method applies to convolutions only (Conv1d, Conv2d, Conv3d with \(FourierSpectrum.requirements)); "
            + "\(layer.specDescription) is not a convolution: use --method dense"
    }

    /// `a convolution with circular padding, … (AvgPool1d is not one)`, or the convolution's own faults.
    private static func fourierNeeds(_ layer: any Layer, faults: [String]) -> String {
        guard layer is Convolution else {
            return "a convolution with \(FourierSpectrum.requirements) (\(layer.kind) is not one)"
        }
        return "\(FourierSpectrum.requirements) (this layer has \(faults.joined(separator: " and ")))"
    }

    /// The Fourier method as the way around a dense SVD too large for the budget.
    private static func fourierAlternative(_ layer: Convolution) -> String {
        "use --method fourier (about \(FlopBudget.format(FlopEstimate.fourier(layer))) flops, no matrix)"
    }

    private static func requireFourier(_ layer: Convolution, memory: MemoryBudget, flops: FlopBudget) throws(ConvMatrixError) {
        let what = "the Fourier method on \(layer.spec) on \(layer.input)"
        try flops.require(FlopEstimate.fourier(layer), for: what, alternatives: ["use a smaller input"])
        let values = saturatingProduct(layer.input.mapSize, min(layer.spec.outChannels, layer.spec.inChannels), MemoryLayout<Double>.stride)
        try memory.require(values, for: "the singular values of \(what)")
    }
}
