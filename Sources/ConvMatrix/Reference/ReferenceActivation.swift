import Foundation

/// The naive activation references, from the formulas with plain loops, sharing
/// no code with ``Activation``:
///
///     y_u        = f(x_u)
///     (J(x)·v)_u = f′(x_u)·v_u          (forward of the Jacobian, and its adjoint: J is diagonal)
///
/// f′ is written out as the formula reads (1 − tanh², σ·(1 − σ)), in the same
/// order of operations as the matrix form, so that the structure proof can hold
/// the diagonal to equality; finite differences of f check f′ itself.
enum ReferenceActivation {
    static func value(_ function: Activation.Function, x: [Double]) -> [Double] {
        var y: [Double] = []
        for u in x.indices {
            switch function {
            case .relu: y.append(max(0, x[u]))
            case .tanh: y.append(tanh(x[u]))
            case .sigmoid: y.append(1 / (1 + exp(-x[u])))
            case .scaledTanh: y.append(1.7159 * tanh(2.0 / 3.0 * x[u]))
            }
        }
        return y
    }

    /// f′(x_u)·v_u for every unit.
    static func jacobianProduct<S: ReferenceScalar>(_ function: Activation.Function, at x: [Double], _ v: [S]) -> [S] {
        var y: [S] = []
        for u in x.indices {
            y.append(S(paddingValue: slope(function, x[u])) * v[u])
        }
        return y
    }

    private static func slope(_ function: Activation.Function, _ x: Double) -> Double {
        switch function {
        case .relu:
            if x > 0 { return 1 }
            return 0
        case .tanh:
            let t = tanh(x)
            return 1 - t * t
        case .sigmoid:
            let s = 1 / (1 + exp(-x))
            return s * (1 - s)
        case .scaledTanh:
            let t = tanh(2.0 / 3.0 * x)
            return 1.7159 * (2.0 / 3.0) * (1 - t * t)
        }
    }
}
