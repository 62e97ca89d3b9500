/// The fully connected layer's formulas for a few units or parameters only: what
/// the sparse check samples on a layer such as AlexNet's fc6 (9216 → 4096,
/// 37,748,736 weights), one unit at the cost of its own sum.
///
///     y[l, j]     = b[j] + Σ_i w[j, i] · x[l, i]     (in_features products)
///     δx[l, i]    = Σ_j w[j, i] · δy[l, j]           (out_features products)
///     ∂E/∂w[j, i] = Σ_l δy[l, j] · x[l, i]           (L products)
///
/// Units are flat in C order: output unit r = (l, j), input unit (l, i), weight
/// p = (j, i), read with ``ReferenceIndexing`` and ``ReferenceTensor``.
extension ReferenceLinear {
    /// y at each flat output unit of `units`, by the sum ``forward(inFeatures:outFeatures:x:weight:bias:)`` forms.
    public static func forward<S: ReferenceScalar>(inFeatures: Int, outFeatures: Int, x: [S], weight: [S], bias: [S]?, units: [Int]) -> [S] {
        let rows = leading(x.count, inFeatures)
        let input = ReferenceTensor(channels: rows, spatial: [inFeatures], values: x)
        let w = ReferenceTensor(channels: outFeatures, spatial: [inFeatures], values: weight)
        return units.map { r in
            let unit = ReferenceIndexing.digits(of: r, extents: [rows, outFeatures])
            return outputUnit(l: unit[0], j: unit[1], input: input, weight: w, bias: bias)
        }
    }

    /// Output unit r = (l, j) as a formal sum on x[l, i] = x_{l·in + i} and w[j, i] = v_{j·in + i}
    /// (no bias): ``forward(inFeatures:outFeatures:x:weight:bias:)`` run on that one row and
    /// that one feature, so only its in_features inputs and weights are formal variables.
    public static func formalRow(inFeatures: Int, outFeatures: Int, leadingPositions: Int, row r: Int) -> SymbolicScalar {
        let unit = ReferenceIndexing.digits(of: r, extents: [leadingPositions, outFeatures])
        let (l, j) = (unit[0], unit[1])
        let x: [SymbolicScalar] = (0..<inFeatures).map { .input(l * inFeatures + $0) }
        let w: [SymbolicScalar] = (0..<inFeatures).map { .parameter(j * inFeatures + $0) }
        return forward(inFeatures: inFeatures, outFeatures: 1, x: x, weight: w, bias: nil)[0]
    }

    /// δx at each flat input unit (l, i) of `units`: Σ_j w[j, i] · δy[l, j].
    public static func inputGradient(inFeatures: Int, outFeatures: Int, outputGradient dy: [Double], weight: [Double], units: [Int]) -> [Double] {
        let rows = leading(dy.count, outFeatures)
        let gradient = ReferenceTensor(channels: rows, spatial: [outFeatures], values: dy)
        let w = ReferenceTensor(channels: outFeatures, spatial: [inFeatures], values: weight)
        return units.map { u in
            let unit = ReferenceIndexing.digits(of: u, extents: [rows, inFeatures])
            var sum = 0.0
            for j in 0..<outFeatures { sum = sum + w[j, at: unit[1]] * gradient[unit[0], at: j] }
            return sum
        }
    }

    /// ∂E/∂w at each flat weight index (j, i) of `parameters`: Σ_l δy[l, j] · x[l, i].
    public static func weightGradient(inFeatures: Int, outFeatures: Int, x: [Double], outputGradient dy: [Double], parameters: [Int]) -> [Double] {
        let rows = leading(x.count, inFeatures)
        let input = ReferenceTensor(channels: rows, spatial: [inFeatures], values: x)
        let gradient = ReferenceTensor(channels: rows, spatial: [outFeatures], values: dy)
        return parameters.map { p in
            let pair = ReferenceIndexing.digits(of: p, extents: [outFeatures, inFeatures])
            var sum = 0.0
            for l in 0..<rows { sum = sum + gradient[l, at: pair[0]] * input[l, at: pair[1]] }
            return sum
        }
    }

    /// ∂E/∂b[j] = Σ_l δy[l, j].
    public static func biasGradient(outFeatures: Int, outputGradient dy: [Double]) -> [Double] {
        let rows = leading(dy.count, outFeatures)
        let gradient = ReferenceTensor(channels: rows, spatial: [outFeatures], values: dy)
        return (0..<outFeatures).map { j in (0..<rows).reduce(0.0) { $0 + gradient[$1, at: j] } }
    }
}
