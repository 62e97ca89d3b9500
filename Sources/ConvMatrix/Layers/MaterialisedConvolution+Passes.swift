/// The derivatives of E with respect to everything a layer reads.
public struct Gradients: Equatable, Sendable {
    /// ∂E/∂x: one column per sample.
    public var input: Matrix
    /// ∂E/∂v, in the weight's flat order, summed over the batch.
    public var weight: [Double]
    /// ∂E/∂b, summed over the batch, or nil without a bias.
    public var bias: [Double]?
}

extension MaterialisedConvolution {
    /// y = Wᵀ x + o + b for one sample (one dgemv).
    public func forward(_ x: [Double]) -> [Double] {
        zip(matrix.multiply(x), rowConstant).map { $0 + $1 }
    }

    /// Y = Wᵀ X + (o + b) 1ᵀ for a batch whose columns are samples (one dgemm).
    public func forward(batch inputs: Matrix) -> Matrix {
        var outputs = matrix.multiply(inputs)
        for sample in 0..<outputs.columns {
            for r in 0..<outputs.rows { outputs[r, sample] += rowConstant[r] }
        }
        return outputs
    }

    /// The backward pass for one sample: δx = W δy, δv from the outer product δy xᵀ (dger).
    public func backward(input x: [Double], outputGradient dy: [Double]) -> Gradients {
        var outer = Matrix(rows: tied.rows, columns: tied.columns)
        outer.addOuterProduct(dy, x)
        let dx = matrix.multiply(dy, transposed: true)
        return Gradients(
            input: Matrix(rows: dx.count, columns: 1, columnMajor: dx),
            weight: weightGradient(outer: outer, summedOutputGradient: dy),
            bias: biasGradient(summedOutputGradient: dy))
    }

    /// The backward pass for a batch: δX = W δY and δY Xᵀ, each one dgemm.
    public func backward(batch inputs: Matrix, outputGradients dY: Matrix) -> Gradients {
        let outer = dY.multiply(inputs, otherTransposed: true)
        let summed = (0..<dY.rows).map { r in (0..<dY.columns).reduce(0.0) { $0 + dY[r, $1] } }
        return Gradients(
            input: matrix.multiply(dY, transposed: true),
            weight: weightGradient(outer: outer, summedOutputGradient: summed),
            bias: biasGradient(summedOutputGradient: summed))
    }

    /// δv = tied reduction of δy xᵀ, plus c · Σ δy_r over the border terms.
    private func weightGradient(outer: Matrix, summedOutputGradient dy: [Double]) -> [Double] {
        var gradient = form.gradientTied.reduce(outer)
        let c = layer.padding.borderValue
        for term in borderTerms { gradient[term.parameter] += c * dy[term.row] }
        return gradient
    }

    /// δb_j = Σ_{r in map j} δy_r.
    private func biasGradient(summedOutputGradient dy: [Double]) -> [Double]? {
        guard let bias = weights.bias else { return nil }
        var gradient = Array(repeating: 0.0, count: bias.count)
        for (r, value) in dy.enumerated() { gradient[layer.biasParameter(ofRow: r)] += value }
        return gradient
    }
}
