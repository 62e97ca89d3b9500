/// The rounding bounds every numerical check is held to, derived in one place.
///
/// A dot product of K terms computed in floating point satisfies (Higham,
/// "Accuracy and Stability of Numerical Algorithms", §3.1)
///
///     |fl(Σ a_k b_k) − Σ a_k b_k| ≤ γ_K · Σ |a_k b_k|,     γ_K = K·u / (1 − K·u),  u = 2⁻⁵³,
///
/// whatever the order of summation. The matrix form and the reference each
/// compute the same exact value with their own rounding, so their difference
/// is at most twice that:
///
///     |matrix − reference| ≤ 2 γ_K · Σ |a_k b_k|.
///
/// With small-integer data every product and partial sum is an integer below
/// 2⁵³, nothing is rounded, and the bound is exactly 0: such checks are held to 0.
public enum Tolerance {
    /// The unit roundoff of Double, u = 2⁻⁵³.
    public static let unitRoundoff = 0x1p-53

    /// γ_K = K·u / (1 − K·u).
    public static func gamma(_ k: Int) -> Double {
        let ku = Double(k) * unitRoundoff
        return ku / (1 - ku)
    }

    /// 2 γ_K · magnitude: the bound on the difference of two independently rounded
    /// sums of K terms whose absolute values add up to `magnitude`.
    public static func betweenTwoSums(terms k: Int, magnitude: Double) -> Double {
        2 * gamma(k) * magnitude
    }

    /// True when every value is an integer small enough that sums of `count` products
    /// of such values stay exact (|v| ≤ 2²⁰ keeps them far below 2⁵³).
    public static func areSmallIntegers(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == $0.rounded() && abs($0) <= 0x1p20 }
    }
}
