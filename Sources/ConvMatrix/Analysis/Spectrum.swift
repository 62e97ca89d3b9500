/// What the singular values of an m×n matrix Wᵀ say about the map x ↦ Wᵀx.
///
/// With σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0, k = min(m, n):
///
///     spectral norm     ‖Wᵀ‖₂      = σ₁             = max ‖Wᵀx‖ / ‖x‖
///     rank tolerance    τ          = max(m, n)·ε·σ₁      (ε = 2⁻⁵²)
///     rank              r          = #{i : σ_i > τ}
///     nullity                      = n − r          = dim {x : Wᵀx = 0}
///     condition number  κ          = σ₁ / σ_k       (only when r = k)
///     Frobenius norm    ‖Wᵀ‖_F     = √(Σ_i σ_i²)    = √(Σ_{r,c} Wᵀ[r, c]²)
///
/// The rank tolerance is NumPy's `matrix_rank` default, S.max() · max(M, N) · eps,
/// so ranks agree with `numpy.linalg.matrix_rank(W)`. A rank below k makes κ
/// infinite: ``conditionNumber`` is then nil and ``isRankDeficient`` true. A wide
/// matrix (m < n) of full rank r = m still has a null space of dimension n − m.
public struct Spectrum: Sendable, Equatable {
    /// m: output units.
    public let rows: Int
    /// n: input units.
    public let columns: Int
    /// σ₁ ≥ … ≥ σ_k, k = min(m, n).
    public let singularValues: [Double]

    /// A spectrum from singular values in any order.
    ///
    /// - Precondition: there are min(rows, columns) values, each finite and ≥ 0.
    public init(singularValues: [Double], rows: Int, columns: Int) {
        precondition(
            singularValues.count == min(rows, columns),
            "\(singularValues.count) singular values for a \(rows)×\(columns) matrix")
        precondition(singularValues.allSatisfy { $0.isFinite && $0 >= 0 }, "singular values must be finite and non-negative")
        self.rows = rows
        self.columns = columns
        self.singularValues = singularValues.sorted(by: >)
    }

    /// The spectrum of a dense matrix: its singular values by LAPACKE_dgesdd, values only.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` when LAPACK fails, or when a
    ///   singular value is not finite (entries near the largest Double).
    /// - Complexity: about m·n·min(m, n) flops (``FlopEstimate``).
    public init(of matrix: Matrix) throws(ConvMatrixError) {
        self.init(singularValues: try matrix.singularValues(), rows: matrix.rows, columns: matrix.columns)
    }

    /// σ₁ = max ‖Wᵀx‖ / ‖x‖: the layer's Lipschitz constant in the Euclidean norm.
    public var spectralNorm: Double { singularValues.first ?? 0 }

    /// σ_k, the smallest of the min(m, n) singular values.
    public var smallestSingularValue: Double { singularValues.last ?? 0 }

    /// τ = max(m, n) · ε · σ₁ with ε = 2⁻⁵² (NumPy's `matrix_rank` convention).
    public var rankTolerance: Double {
        Double(max(rows, columns)) * Double.ulpOfOne * spectralNorm
    }

    /// The number of singular values above ``rankTolerance``.
    public var rank: Int { singularValues.count(where: { $0 > rankTolerance }) }

    /// n − rank: the dimension of the inputs the map sends to zero.
    public var nullity: Int { columns - rank }

    /// True when rank < min(m, n): some direction the shape allows is lost.
    public var isRankDeficient: Bool { rank < singularValues.count }

    /// κ = σ₁ / σ_k, or nil when the matrix is rank-deficient (κ = ∞).
    public var conditionNumber: Double? {
        isRankDeficient ? nil : spectralNorm / smallestSingularValue
    }

    /// ‖Wᵀ‖_F = √(Σ σ_i²), summed as σ₁·√(Σ (σ_i/σ₁)²) so that it cannot overflow.
    public var frobeniusNorm: Double {
        euclideanNorm(singularValues)
    }
}

/// ‖Wᵀ‖_F computed three independent ways, which must agree to rounding:
///
///     from the singular values   ‖Wᵀ‖_F²  = Σ_i σ_i²
///     from the entries           ‖Wᵀ‖_F²  = Σ_{r,c} Wᵀ[r, c]²
///     from the parameters        ‖Wᵀ‖_F²  = Σ_p v_p² · occupancy_p                      (coefficients 1)
///                                         = Σ_{terms (r, c, p, a)} a² · v_p² + Σ_{constants} κ²   (in general)
///
/// The last holds only when no entry holds more than one term or constant (with
/// circular, reflect or replicate padding an entry can hold v_p + v_q, and
/// (v_p + v_q)² is not v_p² + v_q²); it is then nil. occupancy_p is the number of
/// entries v_p occupies (``TiedMatrix/occupancy``): the slide's 18 parameters occupy
/// 72 entries. A layer without parameters (average pooling's 1/k, the identity's 1)
/// has only the constants' sum, read off the sparse form rather than the dense matrix.
public struct FrobeniusCheck: Sendable, Equatable {
    /// √(Σ σ_i²).
    public let fromSingularValues: Double
    /// √(Σ Wᵀ[r, c]²), or nil when no dense matrix was built (the Fourier method alone).
    public let fromEntries: Double?
    /// √(Σ a² v_p² + Σ κ²) over the terms and constants, or nil when some entry sums several.
    public let fromParameters: Double?

    public init(fromSingularValues: Double, fromEntries: Double?, fromParameters: Double?) {
        self.fromSingularValues = fromSingularValues
        self.fromEntries = fromEntries
        self.fromParameters = fromParameters
    }

    /// The three ways for a materialised layer of any kind: its dense Wᵀ and its tied form.
    public init(spectrum: Spectrum, layer: MaterialisedLayer) {
        self.init(
            fromSingularValues: spectrum.frobeniusNorm, fromEntries: euclideanNorm(layer.matrix.storage),
            fromParameters: Self.fromParameters(layer.tied, weight: layer.weights.weight))
    }

    /// √(Σ_k (a_k v_{p_k})² + Σ κ²), or nil unless every entry holds one term or one constant.
    static func fromParameters(_ tied: TiedMatrix, weight: [Double]) -> Double? {
        guard tied.sharedEntryCount == 0, tied.nonzeroCount == tied.termCount + tied.constants.count else { return nil }
        let terms = tied.terms.indices.map { tied.coefficient(ofTerm: $0) * weight[tied.terms[$0].parameter] }
        return euclideanNorm(terms + tied.constants.map(\.value))
    }

    /// max |a − b| / max(a, b) over the pairs of ways that ran: 0 when they agree exactly.
    public var largestRelativeDifference: Double {
        let ways = [fromSingularValues, fromEntries, fromParameters].compactMap { $0 }
        var largest = 0.0
        for a in ways {
            for b in ways where max(a, b) > 0 {
                largest = max(largest, abs(a - b) / max(a, b))
            }
        }
        return largest
    }
}
