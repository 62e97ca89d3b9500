/// A layer whose matrix depends on its input: max pooling and the activations.
/// It has no single matrix, but at a point x it is one, its Jacobian:
///
///     Wᵀ(x) = J(x) = ∂f/∂x,      f(x + u) = f(x) + J(x)·u + o(‖u‖)
///
/// in the same form as a linear layer's Wᵀ: constants only, a selection matrix
/// for max pooling, a diagonal diag(f′(x)) for an activation.
///
/// Conforming to ``Layer``, the layer *is* its Jacobian at ``point``:
/// ``Layer/matrixForm()`` is J(x); ``Layer/referenceForward(x:weight:bias:)``
/// computes J(x)·u from the kind's formula with plain loops, and
/// ``Layer/referenceInputGradient(outputGradient:weight:)`` its adjoint
/// J(x)ᵀ δy, which routes the gradient (to the arg-max, or scaled by f′). What
/// the layer computes, f(x), is ``value(at:)``, and its plain-loop reference
/// ``referenceValue(at:)``: finite differences of f hold the matrix to the
/// derivative it claims to be.
///
///     let relu = try LayerRegistry.layer(parsing: "ReLU()", input: TensorShape(parsing: "3")) as? any InputDependentLayer
///     let at = try relu?.at(x: [2, -1, 0.5])
///     at?.value(at: [2, -1, 0.5])     // [2, 0, 0.5]
///     // matrixForm(): diag(1, 0, 1)
public protocol InputDependentLayer: Layer {
    /// Where x, the point ``Layer/matrixForm()`` is the Jacobian at, comes from
    /// (``pointValues`` are its values). A kind's initialiser sets
    /// `.seed(JacobianPoint.defaultSeed)`.
    var point: JacobianPoint { get set }

    /// f(x) as the library computes it (what a network's forward pass uses).
    func value(at x: [Double]) -> [Double]
    /// f(x) from the kind's formula, plain loops: the oracle of ``value(at:)``.
    func referenceValue(at x: [Double]) -> [Double]

    /// The Jacobian's formula, for titles: `diag(1 − tanh²(x))`.
    var jacobianFormula: String { get }
    /// The same in LaTeX: `\operatorname{diag}(1 - \tanh^2(x))`.
    var jacobianLatex: String { get }

    /// A point drawn away from ties and kinks, so that J(x) is the derivative on
    /// a whole neighbourhood (distinct values in every window, arguments away from 0).
    func drawPoint(seed: UInt64) -> [Double]

    /// How close x is to where f is not differentiable (a tie in a window, ReLU's
    /// kink at 0): the distance, and which units; nil for a kind that is smooth
    /// everywhere (tanh, sigmoid).
    func nearestKink(to x: [Double]) -> Kink?

    /// The same, knowing which units of x are `locked`: constant on a whole
    /// neighbourhood of x (a dead ReLU's 0 in a network). A kind whose kinks a
    /// constant unit can make harmless (a max pooling's tie among constant units)
    /// says so; every other kind ignores them (the default).
    func nearestKink(to x: [Double], locked: [Bool]) -> Kink?

    /// A bound on |f‴| on the line through x along any unit (0 for a kind that
    /// is piecewise linear), for the truncation error of finite differences.
    var thirdDerivativeBound: Double { get }
}

/// Where an input-dependent layer stops being differentiable nearest to x.
public struct Kink: Hashable, Sendable {
    /// Half the gap that separates x from the kink: a step below it stays on
    /// one linear piece (0 at a tie or on the kink itself).
    public let distance: Double
    /// Which units, in words: "x₃ = x₇ = 2 in window 2 of map 1".
    public let description: String

    public init(distance: Double, description: String) {
        self.distance = distance
        self.description = description
    }
}

extension InputDependentLayer {
    public func nearestKink(to x: [Double], locked: [Bool]) -> Kink? { nearestKink(to: x) }

    /// The same layer, linearised at `x`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on field `x` when x does not
    ///   hold one finite value per input unit.
    public func at(x: [Double]) throws(ConvMatrixError) -> Self {
        guard x.count == input.count else {
            throw .shape("x", "\(x.count) values, but \(specDescription) on \(input) reads \(input.count)")
        }
        if let k = x.firstIndex(where: { !$0.isFinite }) {
            throw .shape("x", "x[\(k)] = \(x[k]) is not finite; the Jacobian is taken at a finite point")
        }
        var copy = self
        copy.point = .given(x)
        return copy
    }

    /// The same layer, linearised at the point drawn from `seed`.
    public func at(seed: UInt64) -> Self {
        var copy = self
        copy.point = .seed(seed)
        return copy
    }

    /// x: the given values, or the ones drawn from the seed (drawn anew on each
    /// call: callers that need it often keep it).
    ///
    /// - Complexity: O(input.count).
    public var pointValues: [Double] {
        switch point {
        case .given(let values): return values
        case .seed(let seed): return drawPoint(seed: seed)
        }
    }
}

extension InputDependentLayer {
    /// J(x), for a kind without a formula of its own.
    public var jacobianLatex: String { "J(x)" }
}

extension Layer {
    /// True for a layer whose matrix is a Jacobian at a point.
    public var isInputDependent: Bool { self is any InputDependentLayer }
    /// The point of an input-dependent layer; nil for a linear one.
    public var jacobianPoint: JacobianPoint? { (self as? any InputDependentLayer)?.point }
}
