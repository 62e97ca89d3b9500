import Testing

@testable import ConvMatrix

/// The LAPACK wrappers on matrices whose answers are known by construction:
/// A = Q₁ diag(σ) Q₂ with Householder reflections Q = I − 2vvᵀ/(vᵀv), which are
/// orthogonal, so the singular values of A are exactly σ. Backward-stable SVDs
/// recover them to a few ulps of σ₁; 1e-13·σ₁ leaves room for the rounding of
/// building A (two products of 7 terms) and of the SVD.
@Suite struct LAPACKTests {
    static let shapes: [(Int, Int)] = [(1, 1), (1, 4), (4, 1), (3, 5), (5, 3), (6, 6)]

    /// A = Q₁ diag(σ) Q₂ for σ = (k, k−1, …, 1)·0.5, k = min(m, n).
    static func known(rows m: Int, columns n: Int, seed: UInt64) -> (Matrix, [Double]) {
        var random = SplitMix64(seed: seed)
        let k = min(m, n)
        let sigma = (0..<k).map { Double(k - $0) * 0.5 }
        var d = Matrix(rows: m, columns: n)
        for i in 0..<k { d[i, i] = sigma[i] }
        let a = householder(random.vector(m)).multiply(d).multiply(householder(random.vector(n)))
        return (a, sigma)
    }

    static func householder(_ v: [Double]) -> Matrix {
        let norm2 = v.reduce(0) { $0 + $1 * $1 }
        var q = Matrix(rows: v.count, columns: v.count)
        for i in v.indices { q[i, i] = 1 }
        q.addOuterProduct(v, v, scale: -2 / norm2)
        return q
    }

    @Test(arguments: shapes) func valuesAreTheKnownOnesDescending(shape: (Int, Int)) throws {
        let (a, sigma) = Self.known(rows: shape.0, columns: shape.1, seed: UInt64(shape.0 * 10 + shape.1))
        let values = try a.singularValues()
        #expect(values.count == sigma.count)
        #expect(maxAbsDifference(values, sigma) < 1e-13 * sigma[0], "\(values) against \(sigma)")
    }

    @Test(arguments: shapes) func vectorsRebuildTheMatrixAndAreOrthonormal(shape: (Int, Int)) throws {
        let (a, _) = Self.known(rows: shape.0, columns: shape.1, seed: 3)
        for vectors in [SingularVectors.thin, .full] {
            let svd = try a.singularValueDecomposition(vectors: vectors)
            let u = try #require(svd.u), vt = try #require(svd.vt)
            let k = svd.values.count
            #expect(vectors == .full ? (u.columns, vt.rows) == (shape.0, shape.1) : (u.columns, vt.rows) == (k, k))
            var sigma = Matrix(rows: u.columns, columns: vt.rows)
            for i in 0..<k { sigma[i, i] = svd.values[i] }
            let rebuilt = u.multiply(sigma).multiply(vt)
            #expect(maxAbsDifference(rebuilt.storage, a.storage) < 1e-13, "\(vectors)")
            let identity = vt.multiply(vt, otherTransposed: true)
            for r in 0..<vt.rows {
                for c in 0..<vt.rows { #expect(abs(identity[r, c] - (r == c ? 1 : 0)) < 1e-13) }
            }
        }
    }

    @Test func nanIsAThrownErrorNamingTheRoutine() {
        var a = Matrix(rows: 3, columns: 3, rowMajor: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        a[1, 2] = .nan
        #expect(throws: ConvMatrixError(.numerical, field: "dgesdd", reason: "entry (2, 3) of the matrix is nan, not a finite number")) {
            try a.singularValues()
        }
        #expect(throws: ConvMatrixError(.numerical, field: "dgelsd", reason: "entry (2, 3) of the matrix is nan, not a finite number")) {
            try a.leastSquares([1, 2, 3])
        }
        let b = Matrix(rows: 2, columns: 2, rowMajor: [1, 0, 0, 1])
        #expect(throws: ConvMatrixError(.numerical, field: "dgelsd", reason: "entry 2 of the right-hand side b is nan, not a finite number")) {
            try b.leastSquares([1, .nan])
        }
    }

    /// LAPACKE's NaN check would let an infinity through to dgesdd, which returns
    /// NaNs; the wrappers refuse it first.
    @Test func infinityIsAThrownError() {
        let a = Matrix(rows: 2, columns: 2, rowMajor: [1, .infinity, 0, 1])
        #expect(throws: ConvMatrixError(.numerical, field: "dgesdd", reason: "entry (1, 2) of the matrix is inf, not a finite number")) {
            try a.singularValues()
        }
        #expect(throws: ConvMatrixError.self) { try a.leastSquares([1, 1]) }
    }

    @Test func leastSquaresIsTheShortestSolution() throws {
        // x₁ + x₂ = 2 has the solutions (t, 2 − t); the shortest is (1, 1).
        let wide = try Matrix(rows: 1, columns: 2, rowMajor: [1, 1]).leastSquares([2])
        #expect(maxAbsDifference(wide.solution, [1, 1]) < 1e-15 && wide.rank == 1)
        // A tall consistent system is solved exactly.
        let tall = Matrix(rows: 3, columns: 2, rowMajor: [1, 0, 0, 2, 1, 1])
        let solved = try tall.leastSquares(tall.multiply([3, -1]))
        #expect(maxAbsDifference(solved.solution, [3, -1]) < 1e-14 && solved.rank == 2)
        // A rank-1 square matrix: the rank is revealed, the solution has no null-space part.
        let singular = Matrix(rows: 2, columns: 2, rowMajor: [1, 1, 1, 1])
        let minimum = try singular.leastSquares([2, 2])
        #expect(minimum.rank == 1 && maxAbsDifference(minimum.solution, [1, 1]) < 1e-14)
        #expect(minimum.rcond == Double.ulpOfOne * 2)
    }
}
