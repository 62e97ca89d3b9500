/// The hyperparameters of a SchNet model; the defaults are the paper's (Schütt et al., 2017).
///
/// Radial basis e_k(d) = exp(−γ (d − μ_k)²), μ_k = spacing · k, k = 0 … n_rbf − 1.
/// γ is the exponent's factor directly (the paper's convention, γ = 10 Å⁻²).
/// schnetpack's GaussianRBF writes the factor as −½/Δ² with Δ the centre spacing,
/// i.e. γ = 1/(2Δ²) = 50 Å⁻² at Δ = 0.1 Å: pass `gamma: 50` to get it.
public struct SchNetConfiguration: Sendable, Equatable {
    /// F: features per atom and filters per pair.
    public var features: Int
    /// n_rbf: Gaussian centres.
    public var rbfCount: Int
    /// γ in Å⁻².
    public var gamma: Double
    /// Δ: the spacing of the centres μ_k = Δ · k, in Å.
    public var spacing: Double
    /// r_c in Å: pairs at d ≥ r_c are dropped and the filter is multiplied by the
    /// cosine cutoff ½(cos(π d / r_c) + 1) (the 2018 paper); nil for neither.
    public var cutoff: Double?
    /// True to include j = i in the cfconv sum (d = 0); schnetpack excludes it.
    public var selfInteraction: Bool
    /// Interaction blocks.
    public var interactions: Int
    /// Hidden units of the output network: the paper's 32 for F = 64, F/2 in general.
    public var outputHidden: Int { max(1, features / 2) }

    public init(
        features: Int = 64, rbfCount: Int = 300, gamma: Double = 10, spacing: Double = 0.1, cutoff: Double? = nil,
        selfInteraction: Bool = false, interactions: Int = 3
    ) {
        self.features = features
        self.rbfCount = rbfCount
        self.gamma = gamma
        self.spacing = spacing
        self.cutoff = cutoff
        self.selfInteraction = selfInteraction
        self.interactions = interactions
    }

    /// The largest F, n_rbf and interaction count accepted: far above the paper's, far below memory trouble.
    public static let limits = (features: 1024, rbfCount: 10_000, interactions: 32)

    /// Throws when a value is out of range.
    ///
    /// - Throws: ``ConvMatrixError`` on the offending keyword (`n_features`, `n_rbf`, `gamma`, `spacing`, `cutoff`, `n_interactions`).
    public func validated() throws(ConvMatrixError) -> SchNetConfiguration {
        guard (1...Self.limits.features).contains(features) else { throw .spec("n_features", "\(features) is outside 1…\(Self.limits.features)") }
        guard (1...Self.limits.rbfCount).contains(rbfCount) else { throw .spec("n_rbf", "\(rbfCount) is outside 1…\(Self.limits.rbfCount)") }
        guard gamma.isFinite, gamma > 0 else { throw .spec("gamma", "\(gamma) must be a positive number (Å⁻²)") }
        guard spacing.isFinite, spacing > 0 else { throw .spec("spacing", "\(spacing) must be a positive number (Å)") }
        if let cutoff, !(cutoff.isFinite && cutoff > 0) { throw .spec("cutoff", "\(cutoff) must be a positive number (Å) or None") }
        guard (1...Self.limits.interactions).contains(interactions) else {
            throw .spec("n_interactions", "\(interactions) is outside 1…\(Self.limits.interactions)")
        }
        return self
    }
}
