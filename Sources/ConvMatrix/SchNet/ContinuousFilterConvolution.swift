/// The continuous-filter convolution over a pair list.
///
///     x'_i = Σ_{pairs p = (i, j)} x_j ∘ W_p        x: n × F,  W: P × F
///
/// Backward, for δx' = ∂E/∂x':
///
///     δx_j += δx'_i ∘ W_p,     δW_p = δx'_i ∘ x_j       for each pair p = (i, j)
enum ContinuousFilterConvolution {
    static func forward(_ x: Matrix, filters w: Matrix, pairs: PairList) -> Matrix {
        var y = Matrix(rows: x.rows, columns: x.columns)
        for f in 0..<x.columns {
            for p in 0..<pairs.count { y[pairs.first[p], f] += x[pairs.second[p], f] * w[p, f] }
        }
        return y
    }

    /// (δx, δW) for output gradient δx'.
    static func backward(_ dy: Matrix, input x: Matrix, filters w: Matrix, pairs: PairList) -> (input: Matrix, filters: Matrix) {
        var dx = Matrix(rows: x.rows, columns: x.columns)
        var dw = Matrix(rows: w.rows, columns: w.columns)
        for f in 0..<x.columns {
            for p in 0..<pairs.count {
                let (i, j) = (pairs.first[p], pairs.second[p])
                dx[j, f] += dy[i, f] * w[p, f]
                dw[p, f] = dy[i, f] * x[j, f]
            }
        }
        return (dx, dw)
    }
}
