/// ‖Wᵀ‖_F computed three independent ways, which must agree to rounding:
///
///     from the singular values   ‖Wᵀ‖_F²  = Σ_i σ_i²
///     from the entries           ‖Wᵀ‖_F²  = Σ_{r,c} Wᵀ[r, c]²
///     from the parameters        ‖Wᵀ‖_F²  = Σ_p v_p² · occupancy_p
///
/// The last holds only when no entry sums several parameters (with circular,
/// reflect or replicate padding an entry can hold v_p + v_q, and (v_p + v_q)² is
/// not v_p² + v_q²); it is then nil. occupancy_p is the number of entries v_p
/// occupies (``TiedMatrix/occupancy``): the slide's 18 parameters occupy 72 entries.
public struct FrobeniusCheck: Sendable, Equatable {
    /// √(Σ σ_i²).
    public let fromSingularValues: Double
    /// √(Σ Wᵀ[r, c]²), or nil when no dense matrix was built (the Fourier method alone).
    public let fromEntries: Double?
    /// √(Σ_p v_p² · occupancy_p), or nil when some entry sums several parameters.
    public let fromParameters: Double?

    public init(fromSingularValues: Double, fromEntries: Double?, fromParameters: Double?) {
        self.fromSingularValues = fromSingularValues
        self.fromEntries = fromEntries
        self.fromParameters = fromParameters
    }

    /// The three ways for a materialised layer: its dense Wᵀ and its tied terms.
    public init(spectrum: Spectrum, layer: MaterialisedConvolution) {
        let tied = layer.tied
        var parameters: Double? = nil
        if tied.sharedEntryCount == 0 {
            let weighted = zip(layer.weights.weight, tied.occupancy).map { $0 * Double($1).squareRoot() }
            parameters = euclideanNorm(weighted)
        }
        self.init(fromSingularValues: spectrum.frobeniusNorm, fromEntries: euclideanNorm(layer.matrix.storage), fromParameters: parameters)
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
