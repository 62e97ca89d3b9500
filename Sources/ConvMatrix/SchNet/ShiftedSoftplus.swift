import Foundation

/// SchNet's activation, the shifted softplus, and its derivative.
///
///     ssp(x) = ln(½eˣ + ½) = softplus(x) − ln 2,    ssp(0) = 0
///     ssp'(x) = eˣ / (eˣ + 1) = σ(x)
///
/// Computed stably: softplus(x) = max(x, 0) + ln(1 + e^{−|x|}), which neither
/// overflows for large x nor loses ln 2's digits for very negative x.
enum ShiftedSoftplus {
    static func value(_ x: Double) -> Double {
        max(x, 0) + log1p(exp(-abs(x))) - M_LN2
    }

    /// σ(x), as 1/(1 + e^{−x}) for x ≥ 0 and eˣ/(1 + eˣ) below, so that e never overflows.
    static func derivative(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// ssp applied to every entry.
    static func apply(_ z: Matrix) -> Matrix {
        Matrix(rows: z.rows, columns: z.columns, columnMajor: z.storage.map(value))
    }

    /// The backward pass of y = ssp(z): δz = δy ∘ σ(z).
    static func backward(_ dy: Matrix, preactivation z: Matrix) -> Matrix {
        var dz = dy
        for k in dz.storage.indices { dz.storage[k] *= derivative(z.storage[k]) }
        return dz
    }
}
