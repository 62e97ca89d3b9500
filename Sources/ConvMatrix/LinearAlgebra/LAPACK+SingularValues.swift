import CLinearAlgebra

/// How much of A = U Σ Vᵀ a singular value decomposition returns (gesdd's `jobz`).
public enum SingularVectors: Sendable, Equatable {
    /// Σ only (`jobz = 'N'`): the cheapest, about m·n·min(m, n) flops.
    case none
    /// Thin factors (`jobz = 'S'`): U is m×k and Vᵀ is k×n, k = min(m, n).
    case thin
    /// Full factors (`jobz = 'A'`): U is m×m and Vᵀ is n×n, so that the rows of Vᵀ
    /// beyond the rank span the null space even of a wide matrix.
    case full
}

/// A = U Σ Vᵀ: the singular values σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0, k = min(m, n), and,
/// when asked for, the singular vectors.
public struct SingularValueDecomposition: Sendable, Equatable {
    /// σ₁ ≥ … ≥ σ_k, k = min(m, n).
    public let values: [Double]
    /// U (m×k thin, m×m full), or nil for values only.
    public let u: Matrix?
    /// Vᵀ (k×n thin, n×n full), or nil for values only.
    public let vt: Matrix?
}

extension Matrix {
    /// The singular value decomposition A = U Σ Vᵀ by divide and conquer
    /// (LAPACKE_dgesdd, column-major storage, on a copy of this matrix).
    ///
    ///     let a = Matrix(rows: 2, columns: 2, rowMajor: [3, 0, 0, -4])
    ///     try a.singularValueDecomposition().values     // [4, 3]
    ///
    /// The columns of U are the left singular vectors u_i, the rows of Vᵀ the right
    /// ones v_i, and A v_i = σ_i u_i; with `.full` the rows of Vᵀ past the rank
    /// are an orthonormal basis of the null space {x : A x = 0}.
    ///
    /// - Parameter vectors: `.none` (values only), `.thin` or `.full`.
    /// - Returns: the values in descending order, and the factors asked for.
    /// - Throws: ``ConvMatrixError`` of kind `.numerical`, field `dgesdd`, before
    ///   LAPACK is called when an entry is not finite or ‖A‖_F overflows
    ///   (``requireFactorable(field:name:)``), so that LAPACK never prints; when a
    ///   singular value comes out infinite or NaN; or when the iteration fails to
    ///   converge (info > 0).
    /// - Complexity: O(m·n·min(m, n)) flops (see ``FlopEstimate``); memory for the
    ///   copy of A and for U and Vᵀ as asked.
    public func singularValueDecomposition(vectors: SingularVectors = .none) throws(ConvMatrixError) -> SingularValueDecomposition {
        let routine = "dgesdd"
        let k = Swift.min(rows, columns)
        let (uColumns, vtRows): (Int, Int) =
            switch vectors {
            case .none: (0, 0)
            case .thin: (k, k)
            case .full: (rows, columns)
            }
        let jobz: Unicode.Scalar =
            switch vectors {
            case .none: "N"
            case .thin: "S"
            case .full: "A"
            }
        var a = storage
        var s = Array(repeating: 0.0, count: k)
        var u = Array(repeating: 0.0, count: rows * uColumns)
        var vt = Array(repeating: 0.0, count: vtRows * columns)
        guard k > 0 else { return SingularValueDecomposition(values: [], u: nil, vt: nil) }
        try requireFactorable(field: routine, name: "the matrix")
        let m = try LAPACK.int(rows, routine: routine)
        let n = try LAPACK.int(columns, routine: routine)
        let ldu = try LAPACK.int(Swift.max(1, rows), routine: routine)
        let ldvt = try LAPACK.int(Swift.max(1, vtRows), routine: routine)
        let info = LAPACKE_dgesdd(LAPACK.columnMajor, LAPACK.character(jobz), m, n, &a, m, &s, &u, ldu, &vt, ldvt)
        try LAPACK.check(
            info, routine: routine,
            arguments: ["matrix_layout", "jobz", "m", "n", "a", "lda", "s", "u", "ldu", "vt", "ldvt"],
            matrixArguments: [5])
        // LAPACKE's NaN check lets an infinity through, and the result is NaN.
        guard s.allSatisfy(\.isFinite) else {
            throw ConvMatrixError(
                .numerical, field: routine, reason: "the singular values are not finite: the matrix holds an infinity or entries near overflow")
        }
        guard vectors != .none else { return SingularValueDecomposition(values: s, u: nil, vt: nil) }
        return SingularValueDecomposition(
            values: s,
            u: Matrix(rows: rows, columns: uColumns, columnMajor: u),
            vt: Matrix(rows: vtRows, columns: columns, columnMajor: vt))
    }

    /// σ₁ ≥ … ≥ σ_k, k = min(m, n): ``singularValueDecomposition(vectors:)`` with `.none`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical`, field `dgesdd`.
    public func singularValues() throws(ConvMatrixError) -> [Double] {
        try singularValueDecomposition(vectors: .none).values
    }
}
