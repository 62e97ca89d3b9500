@testable import ConvMatrix

/// Plain loops: the oracle for every BLAS wrapper.
enum Naive {
    static func multiply(_ a: Matrix, _ x: [Double], transposed: Bool) -> [Double] {
        let outputs = transposed ? a.columns : a.rows
        return (0..<outputs).map { out in
            x.indices.reduce(0.0) { sum, k in sum + (transposed ? a[k, out] : a[out, k]) * x[k] }
        }
    }

    static func multiply(_ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool) -> Matrix {
        let opA = transposeA ? a.transposed : a
        let opB = transposeB ? b.transposed : b
        var c = Matrix(rows: opA.rows, columns: opB.columns)
        for i in 0..<opA.rows {
            for j in 0..<opB.columns {
                var sum = 0.0
                for k in 0..<opA.columns { sum += opA[i, k] * opB[k, j] }
                c[i, j] = sum
            }
        }
        return c
    }
}

extension SplitMix64 {
    mutating func matrix(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in nextSymmetric(bound: 1) })
    }

    mutating func vector(_ count: Int) -> [Double] {
        (0..<count).map { _ in nextSymmetric(bound: 1) }
    }

    mutating func integers(_ count: Int, in range: ClosedRange<Int> = -3...3) -> [Double] {
        (0..<count).map { _ in Double(nextInt(in: range)) }
    }
}
