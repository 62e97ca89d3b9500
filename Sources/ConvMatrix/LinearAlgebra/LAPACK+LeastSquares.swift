import CLinearAlgebra

/// The minimum-norm least-squares solution of A x ≈ b, and what the solver learnt
/// about A on the way.
public struct LeastSquaresSolution: Sendable, Equatable {
    /// x̂ = A⁺ b with the singular values at or below `rcond`·σ₁ treated as zero.
    public let solution: [Double]
    /// The effective rank: the number of singular values above `rcond`·σ₁.
    public let rank: Int
    /// σ₁ ≥ … ≥ σ_k of A, k = min(m, n).
    public let singularValues: [Double]
    /// The relative threshold that was used.
    public let rcond: Double
}

extension Matrix {
    /// The minimum-norm solution of min ‖A x − b‖₂ by the SVD-based, rank-revealing
    /// divide-and-conquer solver (LAPACKE_dgelsd, column-major storage, on copies).
    ///
    /// With A = U Σ Vᵀ and r the number of σ_i > rcond·σ₁,
    ///
    ///     x̂ = Σ_{i ≤ r} (u_iᵀ b / σ_i) v_i
    ///
    /// which has no component in the (numerical) null space of A: of all x that
    /// minimise the residual it is the shortest.
    ///
    ///     let a = Matrix(rows: 1, columns: 2, rowMajor: [1, 1])
    ///     try a.leastSquares([2]).solution       // [1, 1]: the shortest x with x₁ + x₂ = 2
    ///
    /// - Parameters:
    ///   - b: the right-hand side, `rows` entries.
    ///   - rcond: the relative threshold; nil means ε·max(m, n) with ε = 2⁻⁵²
    ///     (NumPy's `lstsq` default, and the rank tolerance of ``Spectrum``).
    /// - Throws: ``ConvMatrixError`` of kind `.numerical`, field `dgelsd`, before
    ///   LAPACK is called when an entry of A or b is not finite or ‖A‖_F or ‖b‖₂
    ///   overflows (``requireFactorable(field:name:)``); when the SVD fails to converge.
    /// - Complexity: O(m·n·min(m, n)) flops, like the singular values alone.
    public func leastSquares(_ b: [Double], rcond: Double? = nil) throws(ConvMatrixError) -> LeastSquaresSolution {
        let routine = "dgelsd"
        precondition(b.count == rows, "right-hand side has \(b.count) entries, expected \(rows)")
        let threshold = rcond ?? Self.defaultRcond(rows: rows, columns: columns)
        let k = Swift.min(rows, columns)
        guard k > 0 else {
            return LeastSquaresSolution(solution: Array(repeating: 0, count: columns), rank: 0, singularValues: [], rcond: threshold)
        }
        try requireFactorable(field: routine, name: "the matrix")
        try FiniteValues.requireFiniteNorm(b, field: routine, name: "the right-hand side b")
        // B holds b on entry and x̂ on exit, so it needs max(m, n) rows.
        let ldb = Swift.max(rows, columns)
        var a = storage
        var bx = b + Array(repeating: 0.0, count: ldb - rows)
        var s = Array(repeating: 0.0, count: k)
        var rank: LAPACK.Integer = 0
        let m = try LAPACK.int(rows, routine: routine)
        let n = try LAPACK.int(columns, routine: routine)
        let info = LAPACKE_dgelsd(
            LAPACK.columnMajor, m, n, 1, &a, m, &bx, try LAPACK.int(ldb, routine: routine), &s, threshold, &rank)
        try LAPACK.check(
            info, routine: routine,
            arguments: ["matrix_layout", "m", "n", "nrhs", "a", "lda", "b", "ldb", "s", "rcond", "rank"],
            matrixArguments: [5, 7])
        return LeastSquaresSolution(solution: Array(bx.prefix(columns)), rank: Int(rank), singularValues: s, rcond: threshold)
    }

    /// ε·max(m, n), ε = 2⁻⁵² (`Double.ulpOfOne`): NumPy's default `rcond` for `lstsq`.
    public static func defaultRcond(rows: Int, columns: Int) -> Double {
        Double.ulpOfOne * Double(Swift.max(rows, columns))
    }
}
