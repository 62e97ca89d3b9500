/// What a check of one layer holds and does, estimated before the matrix form is built.
extension Checker {
    /// Per tracked tap of the structure proof: the formal linear forms the
    /// reference builds (a dictionary entry per product, ~100 ns each) and the
    /// expected coefficients they are compared with.
    static let symbolicTermRate = ResourceEstimate.Rate(bytes: 256, work: 2_000)
    /// Per unit and parameter of the structure proof: its formal variable.
    static let symbolicUnitRate = ResourceEstimate.Rate(bytes: 160, work: 200)
    /// Per tap of a naive reference pass (forward or a gradient).
    static let referenceTapRate = ResourceEstimate.Rate(bytes: 0, work: 20)

    /// The check's peak and work for `layer`:
    ///
    ///     bytes = parameters + terms + 5 dense Wᵀ
    ///             (integer, real and given weights, the finite-difference layer and the one it rebuilds)
    ///             + the structure proof's formal forms
    ///     work  = the structure proof + 8 reference passes
    ///             + 2 forwards (2·entries flops) per perturbed input
    ///             + 2 rebuilds and forwards per perturbed parameter
    ///
    /// with at most ``finiteDifferenceSample`` inputs and parameters perturbed
    /// (fewer parameters on big matrices: ``parameterSampleLimit(entryCount:)``).
    public static func estimate(for layer: any Layer) -> ResourceEstimate {
        let entries = layer.entryCount
        let tracked = min(layer.entryCountBound, defaultStructureTapLimit)
        let symbolicUnits = saturatingSum(layer.input.count, saturatingSum(layer.output.count, layer.weightParameterCount))
        let proof = ResourceEstimate(tracked, at: symbolicTermRate) + ResourceEstimate(symbolicUnits, at: symbolicUnitRate)
        let references = ResourceEstimate(layer.entryCountBound, at: referenceTapRate).repeated(8)
        let gemv = ResourceEstimate.Rate(bytes: 0, work: 2)
        let inputs = min(layer.input.count, finiteDifferenceSample)
        let parameters = min(layer.layerParameterCount, parameterSampleLimit(entryCount: entries))
        let perturbedInput = ResourceEstimate(entries, at: gemv).repeated(2 * inputs)
        let perturbedParameter = (layer.denseEstimate + ResourceEstimate(entries, at: gemv)).repeated(2 * parameters)
        let matrices = ResourceEstimate(bytes: saturatingProduct(5, layer.denseEstimate.bytes), work: 10 * layer.denseEstimate.work)
        return layer.parameterEstimate + layer.structureEstimate + matrices + proof
            + references + perturbedInput + perturbedParameter
    }
}

extension RandomCheckRun {
    /// The most configurations one `check --random` run draws: about two minutes
    /// of a release build at ~1 ms a configuration. More is several runs with
    /// other seeds.
    public static let maximumCount = 100_000
}
