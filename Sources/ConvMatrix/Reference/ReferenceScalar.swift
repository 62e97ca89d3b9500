/// The arithmetic the reference convolution needs: a zero, a sum and a product.
///
/// The reference is generic over this protocol so that a checker can run the very
/// same loops on a symbolic scalar (a linear form in the weights and inputs)
/// instead of on numbers, and read off which weights and inputs every output
/// unit combines. `Double` is the numeric instance.
///
/// The padding value of `padding_mode='constant'` enters the computation only
/// through ``init(paddingValue:)``, so a symbolic type can represent it as a
/// constant term rather than as an unknown. Zero padding uses ``zero``.
///
/// Sums are formed left to right, starting from ``zero`` (or the bias), and every
/// product has a fixed order: `weight * unit` in the forward pass, `weight * gradient`
/// in the input gradient, `gradient * unit` in the weight gradient.
public protocol ReferenceScalar: Sendable {
    /// The additive identity: the start of every sum and the value of a zero border unit.
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    /// The value of a border unit under `padding_mode='constant'` with value `paddingValue`.
    init(paddingValue: Double)
    /// lhs = lhs + rhs, in place where the type can: a formal sum (``SymbolicScalar``)
    /// then grows by the new term instead of being copied at every step.
    static func += (lhs: inout Self, rhs: Self)
}

extension ReferenceScalar {
    /// lhs = lhs + rhs.
    public static func += (lhs: inout Self, rhs: Self) {
        lhs = lhs + rhs
    }
}

extension Double: ReferenceScalar {
    /// The padding value itself.
    public init(paddingValue: Double) {
        self = paddingValue
    }
}
