import CLinearAlgebra

/// The products of dense matrices, each exactly one CBLAS call on column-major storage.
extension Matrix {
    /// y = A x, or y = Aᵀ x with `transposed` (dgemv, column-major).
    ///
    /// - Complexity: O(rows · columns).
    public func multiply(_ x: [Double], transposed: Bool = false) -> [Double] {
        let (inputCount, outputCount) = transposed ? (rows, columns) : (columns, rows)
        precondition(
            x.count == inputCount, "vector has \(x.count) entries, expected \(inputCount) for a \(rows)×\(columns) matrix\(transposed ? " transposed" : "")")
        var y = Array(repeating: 0.0, count: outputCount)
        guard rows > 0, columns > 0 else { return y }
        cblas_dgemv(
            CblasColMajor, transposed ? CblasTrans : CblasNoTrans,
            blasInt(rows), blasInt(columns), 1.0, storage, blasInt(max(1, rows)),
            x, 1, 0.0, &y, 1)
        return y
    }

    /// C = op(A) op(B) with op the identity or the transpose (dgemm, column-major).
    ///
    /// - Complexity: O(m · n · k) for an m×k times k×n product.
    public func multiply(_ other: Matrix, transposed: Bool = false, otherTransposed: Bool = false) -> Matrix {
        let (m, k) = transposed ? (columns, rows) : (rows, columns)
        let (k2, n) = otherTransposed ? (other.columns, other.rows) : (other.rows, other.columns)
        precondition(k == k2, "inner dimensions \(k) and \(k2) differ")
        var product = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return product }
        cblas_dgemm(
            CblasColMajor, transposed ? CblasTrans : CblasNoTrans,
            otherTransposed ? CblasTrans : CblasNoTrans,
            blasInt(m), blasInt(n), blasInt(k), 1.0,
            storage, blasInt(max(1, rows)), other.storage, blasInt(max(1, other.rows)),
            0.0, &product.storage, blasInt(max(1, m)))
        return product
    }

    /// A ← A + α x yᵀ (dger, column-major): the rank-1 update of an outer product.
    ///
    /// - Complexity: O(rows · columns).
    public mutating func addOuterProduct(_ x: [Double], _ y: [Double], scale alpha: Double = 1) {
        precondition(x.count == rows && y.count == columns, "outer product \(x.count)×\(y.count) into \(rows)×\(columns)")
        guard rows > 0, columns > 0 else { return }
        cblas_dger(
            CblasColMajor, blasInt(rows), blasInt(columns), alpha,
            x, 1, y, 1, &storage, blasInt(max(1, rows)))
    }
}

/// ‖x‖₂ = √(Σ x_i²) (dnrm2), computed with scaling so that it neither overflows
/// nor underflows where the result itself is representable.
///
/// - Complexity: O(n).
public func euclideanNorm(_ x: [Double]) -> Double {
    guard !x.isEmpty else { return 0 }
    return cblas_dnrm2(blasInt(x.count), x, 1)
}

/// CBLAS takes 32-bit sizes; the size guard keeps every dimension far below 2³¹.
func blasInt(_ value: Int) -> Int32 {
    precondition(value <= Int(Int32.max), "dimension \(value) exceeds BLAS's 32-bit limit")
    return Int32(value)
}
