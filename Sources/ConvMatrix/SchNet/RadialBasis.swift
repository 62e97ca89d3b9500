import Foundation

/// The Gaussian expansion of a distance and the cosine cutoff, each with its derivative.
///
///     e_k(d) = exp(−γ (d − μ_k)²),           μ_k = Δ · k
///     ∂e_k/∂d = −2γ (d − μ_k) e_k(d)
///     c(d) = ½ (cos(π d / r_c) + 1)  for d < r_c,   c'(d) = −(π / 2r_c) sin(π d / r_c)
struct RadialBasis: Sendable {
    let configuration: SchNetConfiguration

    /// μ_k.
    func centre(_ k: Int) -> Double { configuration.spacing * Double(k) }

    /// The P × n_rbf matrix E with E[p, k] = e_k(d_p).
    func expand(_ distances: [Double]) -> Matrix {
        var e = Matrix(rows: distances.count, columns: configuration.rbfCount)
        for k in 0..<configuration.rbfCount {
            let mu = centre(k)
            for (p, d) in distances.enumerated() { e[p, k] = exp(-configuration.gamma * (d - mu) * (d - mu)) }
        }
        return e
    }

    /// ∂E/∂d_p = Σ_k δE[p, k] ∂e_k/∂d (d_p), given E itself.
    func distanceGradient(_ dE: Matrix, expansion e: Matrix, distances: [Double]) -> [Double] {
        var gradient = Array(repeating: 0.0, count: distances.count)
        for k in 0..<configuration.rbfCount {
            let mu = centre(k)
            for (p, d) in distances.enumerated() { gradient[p] += dE[p, k] * (-2 * configuration.gamma * (d - mu)) * e[p, k] }
        }
        return gradient
    }

    /// c(d): 1 without a cutoff.
    func cutoffValue(_ d: Double) -> Double {
        guard let rc = configuration.cutoff else { return 1 }
        return d < rc ? 0.5 * (cos(Double.pi * d / rc) + 1) : 0
    }

    /// c'(d): 0 without a cutoff.
    func cutoffDerivative(_ d: Double) -> Double {
        guard let rc = configuration.cutoff, d < rc else { return 0 }
        return -0.5 * Double.pi / rc * sin(Double.pi * d / rc)
    }
}

/// The ordered pairs (i, j) the cfconv sums over, with their distances.
///
/// Every j ≠ i with d_ij < r_c (every j ≠ i without a cutoff), and j = i too with
/// `self_interaction`. Pairs are ordered by i, then j; both (i, j) and (j, i) appear.
struct PairList: Sendable {
    let first: [Int]
    let second: [Int]
    let distances: [Double]
    /// (r_i − r_j)/d_ij, zero for a self-pair.
    let directions: [SIMD3<Double>]

    init(positions: [SIMD3<Double>], configuration: SchNetConfiguration) {
        var (first, second, distances, directions) = ([Int](), [Int](), [Double](), [SIMD3<Double>]())
        for i in positions.indices {
            for j in positions.indices where j != i || configuration.selfInteraction {
                let difference = positions[i] - positions[j]
                let d = length(difference)
                if let rc = configuration.cutoff, d >= rc { continue }
                first.append(i)
                second.append(j)
                distances.append(d)
                directions.append(d > 0 ? difference / d : .zero)
            }
        }
        (self.first, self.second, self.distances, self.directions) = (first, second, distances, directions)
    }

    var count: Int { distances.count }
}
