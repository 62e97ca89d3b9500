/// The derivatives of E with respect to everything a layer reads.
public struct Gradients: Equatable, Sendable {
    /// ∂E/∂x: one column per sample.
    public var input: Matrix
    /// ∂E/∂v, in the weight's flat order, summed over the batch.
    public var weight: [Double]
    /// ∂E/∂b, summed over the batch, or nil without a bias.
    public var bias: [Double]?
}

extension MaterialisedLayer {
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

    /// The backward pass for one sample: δx = W δy (one dgemv), δv summed over
    /// the terms, Σ a · δy_r · x_c, with no dense outer product.
    public func backward(input x: [Double], outputGradient dy: [Double]) -> Gradients {
        let dx = matrix.multiply(dy, transposed: true)
        var weight = form.gradientTied.reduce(outputGradient: dy, input: x)
        addBorderGradient(to: &weight, summedOutputGradient: dy)
        return Gradients(
            input: Matrix(rows: dx.count, columns: 1, columnMajor: dx),
            weight: weight,
            bias: biasGradient(summedOutputGradient: dy))
    }

    /// The backward pass for a batch: δX = W δY and δY Xᵀ, each one dgemm.
    public func backward(batch inputs: Matrix, outputGradients dY: Matrix) -> Gradients {
        let summed = Self.rowSums(dY)
        return Gradients(
            input: inputGradient(batch: dY),
            weight: weightGradient(batch: inputs, outputGradients: dY, summed: summed),
            bias: biasGradient(summedOutputGradient: summed))
    }

    /// δX = W δY for a batch whose columns are samples: one dgemm on Wᵀ's storage, transposed.
    public func inputGradient(batch dY: Matrix) -> Matrix {
        matrix.multiply(dY, transposed: true)
    }

    /// δv = the tied reduction of δY Xᵀ (one dgemm), plus the border terms' c · Σ δy.
    public func weightGradient(batch inputs: Matrix, outputGradients dY: Matrix) -> [Double] {
        weightGradient(batch: inputs, outputGradients: dY, summed: Self.rowSums(dY))
    }

    private func weightGradient(batch inputs: Matrix, outputGradients dY: Matrix, summed: [Double]) -> [Double] {
        weightGradient(outer: dY.multiply(inputs, otherTransposed: true), summedOutputGradient: summed)
    }

    /// Σ over the batch of each row.
    private static func rowSums(_ m: Matrix) -> [Double] {
        (0..<m.rows).map { r in (0..<m.columns).reduce(0.0) { $0 + m[r, $1] } }
    }

    /// δv = tied reduction of δY Xᵀ, plus c · Σ δy_r over the border terms.
    private func weightGradient(outer: Matrix, summedOutputGradient dy: [Double]) -> [Double] {
        var gradient = form.gradientTied.reduce(outer)
        addBorderGradient(to: &gradient, summedOutputGradient: dy)
        return gradient
    }

    /// The derivative of the offset o: c · Σ δy_r over the border terms (nothing unless c ≠ 0).
    private func addBorderGradient(to gradient: inout [Double], summedOutputGradient dy: [Double]) {
        let c = form.offsetScale
        for term in borderTerms { gradient[term.parameter] += c * dy[term.row] }
    }

    /// δb_j = Σ_{r in map j} δy_r.
    private func biasGradient(summedOutputGradient dy: [Double]) -> [Double]? {
        guard let bias = weights.bias else { return nil }
        var gradient = Array(repeating: 0.0, count: bias.count)
        for (r, value) in dy.enumerated() { if let j = layer.biasParameter(ofRow: r) { gradient[j] += value } }
        return gradient
    }
}
