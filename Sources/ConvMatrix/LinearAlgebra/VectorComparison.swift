/// Plain-loop measures between vectors, for checks and reports (not a BLAS job:
/// they compare two results rather than compute one).

/// ⟨a, b⟩ = Σ a_k b_k, summed in order.
func dot(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
}

/// max_k |a_k − b_k|, or infinity when the lengths differ.
public func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
