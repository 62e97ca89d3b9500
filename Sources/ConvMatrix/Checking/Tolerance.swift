/// The rounding bounds every numerical check is held to, derived in one place.
///
/// A sum of N products computed in floating point, in any order, satisfies
/// (Higham, "Accuracy and Stability of Numerical Algorithms", §3.1, Lemma 3.3)
///
///     fl(Σ a_k b_k) = Σ a_k b_k (1 + θ_k),   |θ_k| ≤ γ_N = N·u / (1 − N·u),   u = 2⁻⁵³,
///
/// and roundings compose: (1 + θ_j)(1 + θ_k) = 1 + θ_{j+k}. So what matters is how
/// many roundings any one product can meet on its way to the result, on each side,
/// and Σ |a_k b_k| taken over the products themselves, not over an entry that
/// already summed some of them.
///
/// Forward, y_r = Σ_terms v_p x_c + c·Σ_border v_p + b_j. With m the most
/// parameters one entry of Wᵀ sums (replicate, reflect and circular padding fold
/// several taps onto one input unit: Wᵀ[r, c] = v_p + v_q), K the most terms one row
/// reads (input and border), and ``RoundingCounts``:
///
///     matrix form   Ŵ[r, c] = fl(Σ of its m parameters)                m − 1 roundings
///                   fl(Σ_c Ŵ[r, c] x_c)  (dgemv, ≤ K nonzero products)   K
///                   + (o + b)  (o: its border products, summed; + b)      2 more
///                   ⇒ every product meets at most m − 1 + K + 2 roundings
///     reference     b + Σ_{fan_in taps} v·x̃   (one product per tap)       fan_in + 1
///
/// Both sides approximate the same exact sum, so
///
///     |matrix − reference| ≤ (γ_{m+K+1} + γ_{fan_in+1}) · M_r,
///     M_r = Σ_terms |v_p||x_c| + |c|·Σ_border |v_p| + |b_j| = (|Wᵀ|_terms |x|)_r + |c|·(|v|_border)_r + |b_j|,
///
/// where |Wᵀ|_terms holds Σ |v_p| per entry (`Checker.termMagnitudes`).
/// |Wᵀ||x| would not do: with v_q ≈ −v_p an entry is tiny while its own rounding
/// is u·|v_p|. The same counting gives the other real-valued checks, with L the
/// most terms on one input unit (one column):
///
///     input gradient  Σ_r Ŵ[r, c] δy_r                 m − 1 + L   against   L (the full convolution, folded)
///     adjoint         ⟨Ŵx, y⟩                           m − 1 + K + n_out   against   L + n_in
///     weight gradient Σ_t δy·x + c·Σ_border δy          P + 1   against   P (P output positions, over the products |δy||x̃|)
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

    /// (γ_a + γ_b) · magnitude: the bound on the difference of two computations of
    /// the same exact sum, one whose products meet at most `a` roundings, the other
    /// at most `b`, the products' absolute values adding up to `magnitude`.
    public static func betweenTwoSums(roundings a: Int, _ b: Int, magnitude: Double) -> Double {
        (gamma(a) + gamma(b)) * magnitude
    }

    /// True when every value is an integer small enough that sums of `count` products
    /// of such values stay exact (|v| ≤ 2²⁰ keeps them far below 2⁵³).
    public static func areSmallIntegers(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == $0.rounded() && abs($0) <= 0x1p20 }
    }
}

/// The counts the rounding bounds of ``Tolerance`` need, from a matrix form's terms
/// and constants (a constant entry is one more item of its row's and its column's sums).
struct RoundingCounts {
    /// m: the most parameters summed into one entry of Wᵀ (1 without folding), one
    /// more where a coefficient other than 1 multiplies them.
    let entry: Int
    /// K: the most terms and constants one output unit reads, on input and border units.
    let row: Int
    /// L: the most terms and constants on one input unit.
    let column: Int

    init(_ form: MatrixForm) {
        var entry = 0
        var run = 0
        var previous: (row: Int, column: Int)? = nil
        // Terms are sorted by row, then column: equal entries are adjacent.
        for term in form.tied.terms {
            run = previous.map { $0 == (term.row, term.column) } == true ? run + 1 : 1
            entry = max(entry, run)
            previous = (term.row, term.column)
        }
        var columns = Array(repeating: 0, count: form.tied.columns)
        for term in form.tied.terms { columns[term.column] += 1 }
        for constant in form.tied.constants { columns[constant.column] += 1 }
        self.entry = max(1, entry) + (form.tied.coefficients == nil ? 0 : 1)
        row = CheckRange.mostTermsInOneRow(form)
        column = columns.max() ?? 0
    }
}

extension Tolerance {
    /// True when every value is a small dyadic rational m/2^k with k ≤ 10 (¼, ½,
    /// 1/1024): products with small integers and their sums are exact, as with
    /// integers. 1/3 or 1/9 are not: an average pool over 3 or 9 units is held
    /// to a rounding bound instead.
    public static func areSmallDyadics(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 * 1024 == ($0 * 1024).rounded() && abs($0) <= 0x1p20 }
    }
}
