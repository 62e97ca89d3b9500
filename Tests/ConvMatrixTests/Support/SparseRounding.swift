@testable import ConvMatrix

/// How far the sparse passes may differ from the dense ones when Wᵀ holds
/// fractions (average pooling's 1/k): both compute the same exact sums, in
/// different orders, so they differ by at most (γ_a + γ_b)·M (``Tolerance``),
/// where M sums the products' absolute values and a, b count the roundings any
/// one product meets. With K terms in a sum, the sparse side rounds a·v, the
/// product and K additions (K + 2); the dense side rounds at most K − 1 additions
/// inside one entry, its product, K additions in the gemm and the constant (2K + 1).
/// Integer data needs no bound: nothing is rounded, and the sums are compared exactly.
struct SparseRounding {
    let form: CompressedMatrixForm
    let weight: [Double]
    let rowConstant: [Double]

    /// |a·v_p| or |κ| with the column, for every term and constant of row r.
    private func magnitudes(inRow r: Int) -> [(column: Int, value: Double)] {
        let m = form.tied
        return m.entries(inRow: r).map { (Int(m.columnIndices[$0]), abs(m.coefficient(ofEntry: $0) * weight[Int(m.parameterIndices[$0])])) }
            + m.constants(inRow: r).map { (Int(m.constantColumns[$0]), abs(m.constantValues[$0])) }
    }

    /// The bound for each entry of Y (samples as columns).
    func forward(_ x: Matrix) -> Matrix {
        var bound = Matrix(rows: form.tied.rows, columns: x.columns)
        for r in 0..<form.tied.rows {
            let row = magnitudes(inRow: r)
            for s in 0..<x.columns {
                let magnitude = abs(rowConstant[r]) + row.reduce(0.0) { $0 + $1.value * abs(x[$1.column, s]) }
                bound[r, s] = Self.bound(terms: row.count + 1, magnitude: magnitude)
            }
        }
        return bound
    }

    /// The bound for each entry of δX (samples as columns).
    func inputGradient(_ dy: Matrix) -> Matrix {
        var magnitude = Matrix(rows: form.tied.columns, columns: dy.columns)
        var counts = Array(repeating: 0, count: form.tied.columns)
        for r in 0..<form.tied.rows {
            for (column, value) in magnitudes(inRow: r) {
                counts[column] += 1
                for s in 0..<dy.columns { magnitude[column, s] += value * abs(dy[r, s]) }
            }
        }
        var bound = magnitude
        for c in 0..<bound.rows {
            for s in 0..<bound.columns { bound[c, s] = Self.bound(terms: counts[c], magnitude: magnitude[c, s]) }
        }
        return bound
    }

    /// The bound for each δv_p: its entries' |a|·Σ_s |δy||x| and its border entries' |c|·Σ_s |δy|.
    func weightGradient(_ x: Matrix, _ dy: Matrix) -> [Double] {
        var magnitude = Array(repeating: 0.0, count: weight.count)
        var counts = Array(repeating: 0, count: weight.count)
        let m = form.tied
        for r in 0..<m.rows {
            for k in m.entries(inRow: r) {
                let (p, c) = (Int(m.parameterIndices[k]), Int(m.columnIndices[k]))
                counts[p] += dy.columns
                magnitude[p] += abs(m.coefficient(ofEntry: k)) * (0..<dy.columns).reduce(0.0) { $0 + abs(dy[r, $1] * x[c, $1]) }
            }
            for k in form.border.entries(inRow: r) {
                let p = Int(form.border.parameterIndices[k])
                counts[p] += dy.columns
                magnitude[p] += abs(form.offsetScale) * (0..<dy.columns).reduce(0.0) { $0 + abs(dy[r, $1]) }
            }
        }
        return zip(counts, magnitude).map { Self.bound(terms: $0, magnitude: $1) }
    }

    /// (γ_{K+2} + γ_{2K+1}) · M.
    private static func bound(terms k: Int, magnitude: Double) -> Double {
        Tolerance.betweenTwoSums(roundings: k + 2, 2 * k + 1, magnitude: magnitude)
    }
}
