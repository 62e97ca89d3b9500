/// Where the x of an input-dependent layer's Jacobian comes from: drawn from a
/// seed by the layer's own rule, or given.
///
/// A drawn point is only a seed until it is needed, so that a layer on a huge
/// input costs nothing before the size guard has looked at it
/// (``InputDependentLayer/pointValues``).
///
///     let point = JacobianPoint.given([0.5, -1.25])
///     point.sourceDescription   // "given"
public enum JacobianPoint: Hashable, Sendable {
    /// Drawn by ``InputDependentLayer/drawPoint(seed:)`` from this seed.
    case seed(UInt64)
    /// Given by the caller (a file, a test), flattened as torch's `.flatten()` flattens (C, *spatial).
    case given([Double])

    /// The seed every command draws x from unless told otherwise, as `invert` draws its x.
    public static let defaultSeed: UInt64 = 1

    /// `drawn from seed 1` or `given`.
    public var sourceDescription: String {
        switch self {
        case .seed(let seed): return "drawn from seed \(seed)"
        case .given: return "given"
        }
    }
}
