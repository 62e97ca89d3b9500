import Testing

@testable import ConvMatrix

/// Every BLAS wrapper against plain loops, on shapes that include vectors and
/// non-square matrices. Random entries in ±1 with k ≤ 9 summands: the products
/// agree to a few ulps, so 1e-12 is a generous bound for rounding alone.
@Suite struct MatrixBLASTests {
    static let shapes: [(Int, Int)] = [(1, 1), (1, 5), (5, 1), (3, 4), (4, 3), (7, 7), (2, 9)]
    static let tolerance = 1e-12

    @Test(arguments: shapes) func gemvMatchesLoops(shape: (Int, Int)) {
        var random = SplitMix64(seed: UInt64(shape.0 * 31 + shape.1))
        let a = random.matrix(rows: shape.0, columns: shape.1)
        for transposed in [false, true] {
            let x = random.vector(transposed ? shape.0 : shape.1)
            let blas = a.multiply(x, transposed: transposed)
            #expect(maxAbsDifference(blas, Naive.multiply(a, x, transposed: transposed)) < Self.tolerance)
        }
    }

    @Test(arguments: shapes) func gemmMatchesLoopsWithEveryTranspose(shape: (Int, Int)) {
        var random = SplitMix64(seed: UInt64(shape.0 * 17 + shape.1))
        let inner = 3
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = transposeA ? random.matrix(rows: inner, columns: shape.0) : random.matrix(rows: shape.0, columns: inner)
                let b = transposeB ? random.matrix(rows: shape.1, columns: inner) : random.matrix(rows: inner, columns: shape.1)
                let blas = a.multiply(b, transposed: transposeA, otherTransposed: transposeB)
                let naive = Naive.multiply(a, b, transposeA: transposeA, transposeB: transposeB)
                #expect(blas.rows == shape.0 && blas.columns == shape.1)
                #expect(maxAbsDifference(blas.storage, naive.storage) < Self.tolerance, "transposeA \(transposeA), transposeB \(transposeB)")
            }
        }
    }

    @Test(arguments: shapes) func gerAddsTheOuterProduct(shape: (Int, Int)) {
        var random = SplitMix64(seed: UInt64(shape.0 * 7 + shape.1))
        var a = random.matrix(rows: shape.0, columns: shape.1)
        let before = a
        let x = random.vector(shape.0), y = random.vector(shape.1)
        a.addOuterProduct(x, y, scale: 2)
        for r in 0..<shape.0 {
            for c in 0..<shape.1 {
                #expect(abs(a[r, c] - (before[r, c] + 2 * x[r] * y[c])) < Self.tolerance)
            }
        }
    }

    @Test func rowMajorAndColumnMajorAgree() {
        let a = Matrix(rows: 2, columns: 3, rowMajor: [1, 2, 3, 4, 5, 6])
        #expect(a[0, 2] == 3 && a[1, 0] == 4)
        #expect(a.storage == [1, 4, 2, 5, 3, 6])
        #expect(a.rowMajor == [1, 2, 3, 4, 5, 6])
        #expect(a.transposed.rowMajor == [1, 4, 2, 5, 3, 6])
    }
}
