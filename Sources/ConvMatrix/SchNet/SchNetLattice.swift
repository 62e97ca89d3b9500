/// The bridge to the grid: atoms on a 1-D lattice make the cfconv a depthwise convolution.
///
/// L atoms at r_k = (k a, 0, 0), k = 0 … L−1, with the neighbour cutoff
/// r_c = (m + ½) a, so that exactly the pairs |i − j| ≤ m are kept. Then d_ij = |i − j| a and
///
///     x'_{f,i} = Σ_{|s| ≤ m, s ≠ 0, 0 ≤ i+s < L} W_f(|s| a) x_{f,i+s}
///
/// which is `Conv1d(F, F, 2m+1, padding=m, groups=F, bias=False)` with taps
/// w_{f,t} = W_f(|t − m| a), t = 0 … 2m, and w_{f,m} = 0 without self-pairs
/// (W_f(0) with them). Zero padding is the boundary: no atoms beyond the ends.
public enum SchNetLattice {
    /// L hydrogen atoms spaced a Å apart along x.
    public static func chain(atoms: Int, spacing a: Double) -> Molecule {
        let hydrogen = Element.table[0]
        return Molecule(
            name: "lattice", elements: Array(repeating: hydrogen, count: atoms),
            positions: (0..<atoms).map { SIMD3(Double($0) * a, 0, 0) })
    }

    /// The configuration with the cutoff (m + ½) a that keeps |i − j| ≤ m.
    public static func configuration(_ base: SchNetConfiguration, spacing a: Double, reach m: Int) -> SchNetConfiguration {
        var configuration = base
        configuration.cutoff = (Double(m) + 0.5) * a
        return configuration
    }

    /// The depthwise convolution's spec: `Conv1d(F, F, 2m+1, padding=m, groups=F, bias=False)`.
    public static func convolutionSpec(features: Int, reach m: Int) -> String {
        "Conv1d(\(features), \(features), \(2 * m + 1), padding=\(m), groups=\(features), bias=False)"
    }

    /// Its weight in PyTorch's (F, 1, 2m+1) layout: w_{f,t} = W_f(|t − m| a), the centre 0 without self-pairs.
    public static func convolutionWeight(model: SchNetModel, spacing a: Double, reach m: Int, interaction t: Int = 0) -> [Double] {
        let filters = model.filterValues(at: (0...m).map { Double($0) * a }, interaction: t)
        return (0..<model.configuration.features).flatMap { f in
            (0...(2 * m)).map { tap in
                let s = abs(tap - m)
                return s == 0 && !model.configuration.selfInteraction ? 0 : filters[s, f]
            }
        }
    }
}
