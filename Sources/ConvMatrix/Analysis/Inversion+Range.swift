/// What an inversion refuses because a value would leave the Double range
/// (``FiniteValues`` states the rule: a non-finite value from finite input is bad
/// input). Each error names what the user gave that caused it.
extension Inversion {
    /// x and the noise must be finite, with finite norms.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `x` or `noise`.
    static func requireFinite(_ x: [Double], _ noise: [Double]) throws(ConvMatrixError) {
        try FiniteValues.requireFiniteNorm(x, field: "x", name: "x")
        try FiniteValues.requireFiniteNorm(noise, field: "noise", name: "the noise")
    }

    /// y = Wᵀx + o + b + noise and ỹ = y − o − b, each checked to stay finite.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `x` when Wᵀx + o + b or
    ///   ỹ overflows, on `noise` when adding the noise does.
    static func outputs(_ layer: MaterialisedLayer, x: [Double], noise: [Double]) throws(ConvMatrixError) -> (y: [Double], linear: [Double]) {
        let clean = layer.forward(x)
        if let r = FiniteValues.firstNonFinite(clean) {
            throw ConvMatrixError(
                .numerical, field: "x",
                reason:
                    "y = Wᵀx + o + b overflows at output unit \(r + 1) (x up to \(FiniteValues.describe(FiniteValues.maxMagnitude(x)))); scale x or the weights down"
            )
        }
        let y = zip(clean, noise).map { $0 + $1 }
        if let r = FiniteValues.firstNonFinite(y) {
            throw ConvMatrixError(.numerical, field: "noise", reason: "y + noise overflows at output unit \(r + 1); use a smaller --noise")
        }
        let linear = zip(y, layer.rowConstant).map { $0 - $1 }
        try FiniteValues.requireFiniteNorm(linear, field: "x", name: "ỹ = y − o − b")
        return (y, linear)
    }

    /// The default λ = (10⁻³·σ₁)², refused when it is not a normal positive Double:
    /// it overflows for σ₁ above about 1.3·10¹⁵⁷ and underflows (to a subnormal or
    /// 0, when it would no longer damp anything) below about 1.5·10⁻¹⁵¹. σ₁ = 0 (a zero
    /// layer) gives λ = 0, which is harmless: there is nothing to invert.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `lambda`.
    static func requireDefaultLambda(spectralNorm sigma: Double) throws(ConvMatrixError) -> Double {
        let lambda = defaultLambda(spectralNorm: sigma)
        guard sigma == 0 || (lambda.isFinite && lambda >= Double.leastNormalMagnitude) else {
            let what = lambda.isFinite ? "underflows to \(FiniteValues.describe(lambda))" : "overflows"
            throw ConvMatrixError(
                .numerical, field: "lambda",
                reason: "the default λ = (10⁻³·σ₁)² with σ₁ = \(FiniteValues.describe(sigma)) \(what); give --lambda, or scale the weights")
        }
        return lambda
    }
}
