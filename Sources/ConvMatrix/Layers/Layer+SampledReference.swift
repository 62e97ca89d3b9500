/// The naive reference on a sample of units or parameters: what the sparse check
/// (Checker+Sparse.swift) compares a layer too large for the dense check with.
///
/// The defaults run the kind's whole-layer reference (``Layer/referenceForward(x:weight:bias:)``
/// and its gradients) and read the sampled entries off it: for a kind whose whole
/// reference is cheap (an activation, pooling, Flatten: O(units) or O(units · window))
/// that is both simplest and exact. A kind whose whole reference costs its terms
/// and whose terms can be many (``Convolution``, ``Linear``) states the sampled
/// sums itself, each sampled unit at the cost of its own fan-in; a new kind needs
/// nothing here unless it is such a kind.
extension Layer {
    /// y at `units`, from the whole-layer reference.
    public func referenceForward(x: [Double], weight: [Double], bias: [Double]?, units: [Int]) -> [Double] {
        let y: [Double] = referenceForward(x: x, weight: weight, bias: bias)
        return units.map { y[$0] }
    }

    /// δx at `units`, from the whole-layer reference.
    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double], units: [Int]) -> [Double] {
        let dx = referenceInputGradient(outputGradient: dy, weight: weight)
        return units.map { dx[$0] }
    }

    /// ∂E/∂v at `parameters`, from the whole-layer reference.
    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double], parameters: [Int]) -> [Double] {
        guard !parameters.isEmpty else { return [] }
        let dv = referenceWeightGradient(input: x, outputGradient: dy)
        return parameters.map { dv[$0] }
    }

    /// The formal rows from one run of the whole reference on x_c and v_p for every unit and weight.
    public func referenceFormalRows(_ rows: [Int]) -> [SymbolicScalar] {
        let xs: [SymbolicScalar] = (0..<input.count).map { .input($0) }
        let ws: [SymbolicScalar] = (0..<weightParameterCount).map { .parameter($0) }
        let y = referenceForward(x: xs, weight: ws, bias: nil)
        return rows.map { y[$0] }
    }
}
