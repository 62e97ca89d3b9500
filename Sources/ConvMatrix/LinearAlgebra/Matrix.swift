/// A dense matrix of Doubles in column-major order, the order LAPACK wants.
///
/// Entry (r, c) lives at `storage[r + c · rows]`. Every product is one BLAS call
/// (see `Matrix+BLAS.swift`); this file holds only storage and access.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Column-major entries: column 0 first.
    public var storage: [Double]

    /// The zero matrix.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "negative matrix size \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: 0, count: rows * columns)
    }

    /// A matrix from column-major entries.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(columnMajor.count == rows * columns, "\(columnMajor.count) entries for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A matrix from row-major entries, as one writes a matrix on paper.
    public init(rows: Int, columns: Int, rowMajor: [Double]) {
        precondition(rowMajor.count == rows * columns, "\(rowMajor.count) entries for a \(rows)×\(columns) matrix")
        var matrix = Matrix(rows: rows, columns: columns)
        for r in 0..<rows {
            for c in 0..<columns { matrix[r, c] = rowMajor[r * columns + c] }
        }
        self = matrix
    }

    /// A matrix whose columns are the given vectors (e.g. a batch of samples).
    public init(columns vectors: [[Double]], rows: Int) {
        precondition(vectors.allSatisfy { $0.count == rows }, "every column must have \(rows) entries")
        self.init(rows: rows, columns: vectors.count, columnMajor: vectors.flatMap { $0 })
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Column c as a vector.
    public func column(_ c: Int) -> [Double] {
        Array(storage[(c * rows)..<((c + 1) * rows)])
    }

    /// The entries in row-major order, as NumPy and JSON write a matrix.
    public var rowMajor: [Double] {
        var out: [Double] = []
        out.reserveCapacity(storage.count)
        for r in 0..<rows {
            for c in 0..<columns { out.append(self[r, c]) }
        }
        return out
    }

    /// The rows as nested arrays.
    public var nestedRows: [[Double]] {
        (0..<rows).map { r in (0..<columns).map { self[r, $0] } }
    }

    /// Aᵀ (a copy; products take a transpose flag instead).
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows, rowMajor: storage)
    }
}
