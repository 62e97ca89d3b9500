/// The naive fully connected layer: the oracle `Linear`'s matrix is checked against.
///
/// Written from PyTorch's formula y = x wᵀ + b with plain loops over leading
/// positions and features. The input is read as L rows of in_features (its
/// last extent), the output written as L rows of out_features; the flat
/// offsets are this file's own (``ReferenceTensor``'s Horner rule), none of
/// the matrix construction's.
///
///     y[l, j]     = b[j] + Σ_i w[j, i] · x[l, i]
///     δx[l, i]    = Σ_j w[j, i] · δy[l, j]
///     ∂E/∂w[j, i] = Σ_l δy[l, j] · x[l, i]
///
/// Notes: without bias forward is linear, y = Wᵀx, and the input gradient is
/// its adjoint, ⟨Wᵀx, δy⟩ = ⟨x, W δy⟩; for fixed x, forward is linear in w and
/// the weight gradient is that map's adjoint. Shapes: x (L, in), y and δy
/// (L, out), w (out, in), b (out). Lengths that disagree trap (the caller
/// validated the layer).
public enum ReferenceLinear {
    /// y = x wᵀ + b, row by row: y[l, j] = b[j] + Σ_i w[j, i] · x[l, i], summed left to right.
    public static func forward<S: ReferenceScalar>(inFeatures: Int, outFeatures: Int, x: [S], weight: [S], bias: [S]?) -> [S] {
        let rows = leading(x.count, inFeatures)
        let input = ReferenceTensor(channels: rows, spatial: [inFeatures], values: x)
        let w = ReferenceTensor(channels: outFeatures, spatial: [inFeatures], values: weight)
        if let bias { precondition(bias.count == outFeatures, "forward: \(bias.count) bias values for \(outFeatures) features") }
        var y = ReferenceTensor(channels: rows, spatial: [outFeatures], repeating: S.zero)
        for l in 0..<rows {
            for j in 0..<outFeatures { y[l, [j]] = outputUnit(l: l, j: j, input: input, weight: w, bias: bias) }
        }
        return y.values
    }

    /// y[l, j] = b[j] + Σ_i w[j, i] · x[l, i], the sum formed in place (``ReferenceScalar/+=(_:_:)``)
    /// so that a formal sum of in_features products costs in_features, not its square.
    static func outputUnit<S: ReferenceScalar>(l: Int, j: Int, input: ReferenceTensor<S>, weight w: ReferenceTensor<S>, bias: [S]?) -> S {
        var sum = bias?[j] ?? S.zero
        for i in 0..<w.spatial[0] { sum += w[j, at: i] * input[l, at: i] }
        return sum
    }

    /// δx = δy w: δx[l, i] = Σ_j w[j, i] · δy[l, j].
    public static func inputGradient(inFeatures: Int, outFeatures: Int, outputGradient dy: [Double], weight: [Double]) -> [Double] {
        let rows = leading(dy.count, outFeatures)
        let gradient = ReferenceTensor(channels: rows, spatial: [outFeatures], values: dy)
        let w = ReferenceTensor(channels: outFeatures, spatial: [inFeatures], values: weight)
        var dx = ReferenceTensor(channels: rows, spatial: [inFeatures], repeating: 0.0)
        for l in 0..<rows {
            for i in 0..<inFeatures {
                var sum = 0.0
                for j in 0..<outFeatures { sum = sum + w[j, at: i] * gradient[l, at: j] }
                dx[l, [i]] = sum
            }
        }
        return dx.values
    }

    /// ∂E/∂w = δyᵀ x: ∂E/∂w[j, i] = Σ_l δy[l, j] · x[l, i], in the layout (out, in).
    public static func weightGradient(inFeatures: Int, outFeatures: Int, x: [Double], outputGradient dy: [Double]) -> [Double] {
        let rows = leading(x.count, inFeatures)
        precondition(dy.count == rows * outFeatures, "weightGradient: \(dy.count) gradient values for \(rows) rows of \(outFeatures)")
        let input = ReferenceTensor(channels: rows, spatial: [inFeatures], values: x)
        let gradient = ReferenceTensor(channels: rows, spatial: [outFeatures], values: dy)
        var dw = ReferenceTensor(channels: outFeatures, spatial: [inFeatures], repeating: 0.0)
        for j in 0..<outFeatures {
            for i in 0..<inFeatures {
                var sum = 0.0
                for l in 0..<rows { sum = sum + gradient[l, at: j] * input[l, at: i] }
                dw[j, [i]] = sum
            }
        }
        return dw.values
    }

    /// L = count / features; the count must be a whole number of rows.
    static func leading(_ count: Int, _ features: Int) -> Int {
        precondition(features > 0 && count % features == 0, "ReferenceLinear: \(count) values are not rows of \(features)")
        return count / features
    }
}
