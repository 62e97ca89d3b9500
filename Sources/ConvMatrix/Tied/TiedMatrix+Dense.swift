/// Materialising a weight-sharing matrix with numbers.
extension TiedMatrix {
    /// The dense Wᵀ for parameter values v: Wᵀ[r, c] = Σ_{terms (r, c, p)} v_p.
    ///
    /// - Complexity: O(rows · columns) memory, O(terms) time after zeroing.
    public func dense(parameters values: [Double]) -> Matrix {
        precondition(values.count == parameterCount, "\(values.count) values for \(parameterCount) parameters")
        var matrix = Matrix(rows: rows, columns: columns)
        for term in terms { matrix[term.row, term.column] += values[term.parameter] }
        return matrix
    }

    /// The tied reduction of a rows × columns gradient G (for instance δy xᵀ):
    ///
    ///     ∂E/∂v_p = Σ_{terms (r, c, p)} G[r, c]
    ///
    /// This is the one place where weight sharing enters the gradient: every
    /// tied entry of a parameter contributes to that parameter's derivative.
    public func reduce(_ gradient: Matrix) -> [Double] {
        precondition(
            gradient.rows == rows && gradient.columns == columns,
            "gradient is \(gradient.rows)×\(gradient.columns), matrix is \(rows)×\(columns)")
        var result = Array(repeating: 0.0, count: parameterCount)
        for term in terms { result[term.parameter] += gradient[term.row, term.column] }
        return result
    }
}
