/// The checks at x of an input-dependent layer (``InputDependentLayer``): its
/// matrix is the Jacobian J(x), so besides every check of a linear map (run on
/// J(x) as on any Wᵀ), the value f(x) is held to its reference and J(x) to
/// central differences of f.
extension Checker {
    /// ρ: how many units in the last place one evaluation of f may be off
    /// (libm's tanh and exp are within 1 ulp; σ and the scaled tanh compose a
    /// few more roundings). Stated once, generous.
    static let evaluationUlps = 8.0

    /// f(x) by the library (``InputDependentLayer/value(at:)``) against the kind's
    /// plain-loop reference. Exact for a piecewise linear kind (a selection, a
    /// maximum, max(0, x) round nothing); else each side is within ρ ulps of f,
    /// so the two within 2ρu·max|f|.
    func forwardAtPoint(_ layer: any InputDependentLayer, x: [Double]) -> CheckReport.Check {
        let y = layer.value(at: x)
        let direct = layer.referenceValue(at: x)
        let magnitude = direct.map(abs).max() ?? 0
        let tolerance = layer.thirdDerivativeBound == 0 ? 0 : 2 * Self.evaluationUlps * Tolerance.unitRoundoff * magnitude
        return .ran(
            .forwardAtPoint, error: maxAbsDifference(y, direct), tolerance: tolerance,
            note: "f(x) at x \(layer.point.sourceDescription) against the \(layer.kind) reference (its formula, plain loops)")
    }

    /// J(x) against central differences of f, column by column:
    ///
    ///     D_k = (f(x + h·e_k) − f(x − h·e_k)) / 2h,     |D_k − J(x)e_k| ≤ τ
    ///
    /// The step h is the largest power of two ≤ h₀ and below half the distance
    /// from x to the nearest tie or kink (h₀ = 1/8 for a piecewise linear kind,
    /// 2⁻¹⁷ for a smooth one, where truncation and rounding balance), so that
    /// x ± h stays on one linear piece. With M₃ = max|f‴|, F = max|f|,
    /// F₁ = max|J| and X = max|x| + h, Taylor's remainder and ρ-ulp evaluations give
    ///
    ///     τ = h²·M₃/6 + u·(ρ·F + X·F₁)/h + (ρ + 2)·u·F₁
    ///
    /// and τ = 0 for a piecewise linear kind at small dyadic x, where x ± h, f
    /// and the quotient are all exact. At a tie or on a kink (distance 0) J(x)
    /// is one-sided and the check does not run.
    func finiteDifferencesAtPoint(_ layer: any InputDependentLayer, x: [Double], jacobian: Matrix) -> CheckReport.Check {
        finiteDifferencesAtPoint(layer, x: x) { k in jacobian.column(k) }
    }

    /// The same against J(x)e_k from `jacobianColumn(k)`: a dense matrix's column, or on
    /// the sparse path the compressed form's J(x)·e_k (Checker+Sparse.swift). Only the
    /// sampled columns are asked for.
    func finiteDifferencesAtPoint(_ layer: any InputDependentLayer, x: [Double], jacobianColumn: (Int) -> [Double]) -> CheckReport.Check {
        let kink = layer.nearestKink(to: x)
        if let kink, kink.distance == 0 {
            return .skipped(.finiteDifferences, because: "x is at a tie or kink (\(kink.description)): f has no derivative there")
        }
        let h = Self.finiteDifferenceStep(layer, kink: kink)
        let inputs = sample(count: x.count, limit: Self.finiteDifferenceSample, salt: 3)
        var worst = 0.0
        var largestSlope = 0.0
        for k in inputs {
            var plus = x, minus = x
            plus[k] += h
            minus[k] -= h
            let (yPlus, yMinus) = (layer.value(at: plus), layer.value(at: minus))
            let column = jacobianColumn(k)
            for r in column.indices {
                let slope = column[r]
                largestSlope = max(largestSlope, abs(slope))
                worst = max(worst, abs((yPlus[r] - yMinus[r]) / (2 * h) - slope))
            }
        }
        let tolerance = finiteDifferenceTolerance(layer, x: x, step: h, largestSlope: largestSlope)
        let kinkNote = kink.map { "; nearest kink \(Self.noteNumber($0.distance)) away (\($0.description))" } ?? ""
        let note =
            "central differences of f with step \(Self.powerOfTwo(h)) on \(inputs.count) of \(x.count) inputs\(inputs.count < x.count ? " (a seeded sample)" : "")"
            + kinkNote + (tolerance == 0 ? "; exact" : "")
        return .ran(.finiteDifferences, error: worst, tolerance: tolerance, note: note)
    }

    /// `2⁻¹⁷`: a power of two as the notes write it.
    static func powerOfTwo(_ h: Double) -> String {
        let exponent = String(h.exponent)
        return "2" + (exponent.hasPrefix("-") ? "⁻" : "") + UnicodeIndices.raised(String(exponent.drop { $0 == "-" }))
    }

    /// The step: a power of two ≤ h₀ and below half the kink distance.
    static func finiteDifferenceStep(_ layer: any InputDependentLayer, kink: Kink?) -> Double {
        var h = layer.thirdDerivativeBound == 0 ? 0x1p-3 : 0x1p-17
        if let kink {
            while h >= kink.distance / 2, h > 0x1p-40 { h /= 2 }
        }
        return h
    }

    /// τ of ``finiteDifferencesAtPoint(_:x:jacobian:)``.
    private func finiteDifferenceTolerance(_ layer: any InputDependentLayer, x: [Double], step h: Double, largestSlope: Double) -> Double {
        let m3 = layer.thirdDerivativeBound
        if m3 == 0, Tolerance.areSmallDyadics(x), h >= 0x1p-10 { return 0 }
        let u = Tolerance.unitRoundoff, rho = Self.evaluationUlps
        let f = (layer.value(at: x).map(abs).max() ?? 0) + h * largestSlope
        let span = (x.map(abs).max() ?? 0) + h
        return h * h * m3 / 6 + u * (rho * f + span * largestSlope) / h + (rho + 2) * u * largestSlope
    }
}
