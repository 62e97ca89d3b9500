/// Materialising a weight-sharing matrix with numbers.
extension TiedMatrix {
    /// The dense Wᵀ for parameter values v: Wᵀ[r, c] = Σ_{terms (r, c, p, a)} a · v_p + κ[r, c].
    ///
    /// - Complexity: O(rows · columns) memory, O(terms + constants) time after zeroing.
    public func dense(parameters values: [Double]) -> Matrix {
        precondition(values.count == parameterCount, "\(values.count) values for \(parameterCount) parameters")
        var matrix = Matrix(rows: rows, columns: columns)
        for entry in constants { matrix[entry.row, entry.column] = entry.value }
        if let coefficients {
            for (term, a) in zip(terms, coefficients) { matrix[term.row, term.column] += a * values[term.parameter] }
        } else {
            for term in terms { matrix[term.row, term.column] += values[term.parameter] }
        }
        return matrix
    }

    /// The tied reduction of a rows × columns gradient G (for instance δY Xᵀ of a batch):
    ///
    ///     ∂E/∂v_p = Σ_{terms (r, c, p, a)} a · G[r, c]
    ///
    /// This is the one place where weight sharing enters the gradient: every
    /// tied entry of a parameter contributes to that parameter's derivative.
    public func reduce(_ gradient: Matrix) -> [Double] {
        precondition(
            gradient.rows == rows && gradient.columns == columns,
            "gradient is \(gradient.rows)×\(gradient.columns), matrix is \(rows)×\(columns)")
        var result = Array(repeating: 0.0, count: parameterCount)
        for (k, term) in terms.enumerated() { result[term.parameter] += coefficient(ofTerm: k) * gradient[term.row, term.column] }
        return result
    }

    /// The tied gradient of one sample without a dense outer product:
    ///
    ///     ∂E/∂v_p = Σ_{terms (r, c, p, a)} a · δy_r · x_c
    ///
    /// the same sum as ``reduce(_:)`` of δy xᵀ, read only where terms are.
    ///
    /// - Complexity: O(terms) time, O(parameters) memory.
    public func reduce(outputGradient dy: [Double], input x: [Double]) -> [Double] {
        precondition(dy.count == rows && x.count == columns, "δy has \(dy.count) units and x \(x.count) for a \(rows)×\(columns) matrix")
        var result = Array(repeating: 0.0, count: parameterCount)
        for (k, term) in terms.enumerated() { result[term.parameter] += coefficient(ofTerm: k) * dy[term.row] * x[term.column] }
        return result
    }
}
