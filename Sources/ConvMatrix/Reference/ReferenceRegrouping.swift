/// The naive regrouping layers, Identity and Flatten: the oracles their
/// identity matrices are checked against.
///
/// Identity copies unit by unit. Flatten is written from its definition on
/// multi-indices, not from "the flat order does not change": for each unit p
/// of the sample (n₁, …, n_D), in C order, with dimensions a…b merged,
///
///     q        = (p₁, …, p_{a−1}, m, p_{b+1}, …, p_D),   m = Horner(p_a … p_b; n_a … n_b)
///     y[q]     = x[p]                  (forward)
///     δx[p]    = δy[q]                 (adjoint)
///
/// with the flat offsets of p and q each taken by Horner's rule over its own
/// extents (this file's arithmetic, not ``RowMajor``'s). That the two offsets
/// agree is what makes Flatten's Wᵀ the identity; the tests hold the matrix to
/// this reference rather than assume it. Shapes: x and δx have the sample's
/// extents, y and δy the merged ones; both hold the same units.
public enum ReferenceRegrouping {
    /// y = x, unit by unit.
    public static func identity<S>(_ x: [S]) -> [S] {
        var y: [S] = []
        y.reserveCapacity(x.count)
        for u in 0..<x.count { y.append(x[u]) }
        return y
    }

    /// y[q] = x[p]: the sample of `extents` with `merging` (0-based dimensions of the sample) merged.
    public static func flatten<S: ReferenceScalar>(_ x: [S], extents: [Int], merging: ClosedRange<Int>) -> [S] {
        precondition(x.count == extents.reduce(1, *), "flatten: \(x.count) values for extents \(extents)")
        var y = Array(repeating: S.zero, count: x.count)
        for (from, to) in correspondence(extents: extents, merging: merging) { y[to] = x[from] }
        return y
    }

    /// δx[p] = δy[q]: the adjoint of ``flatten(_:extents:merging:)``.
    public static func unflatten(_ dy: [Double], extents: [Int], merging: ClosedRange<Int>) -> [Double] {
        precondition(dy.count == extents.reduce(1, *), "unflatten: \(dy.count) values for extents \(extents)")
        var dx = Array(repeating: 0.0, count: dy.count)
        for (from, to) in correspondence(extents: extents, merging: merging) { dx[from] = dy[to] }
        return dx
    }

    /// (offset of p in the sample, offset of q in the flattened sample) for every unit p.
    private static func correspondence(extents: [Int], merging: ClosedRange<Int>) -> [(from: Int, to: Int)] {
        let block = extents[merging]
        let mergedExtents = Array(extents[..<merging.lowerBound]) + [block.reduce(1, *)] + Array(extents[(merging.upperBound + 1)...])
        return referencePositions(extents).map { p in
            let m = horner(Array(p[merging]), Array(block))
            let q = Array(p[..<merging.lowerBound]) + [m] + Array(p[(merging.upperBound + 1)...])
            return (horner(p, extents), horner(q, mergedExtents))
        }
    }

    /// Σ_d p_d · ∏_{e>d} n_e, as (…(p₁ · n₂ + p₂) · n₃ …) + p_D.
    private static func horner(_ position: [Int], _ extents: [Int]) -> Int {
        var offset = 0
        for d in 0..<position.count {
            precondition(position[d] >= 0 && position[d] < extents[d], "unit \(position) outside \(extents)")
            offset = offset * extents[d] + position[d]
        }
        return offset
    }
}
