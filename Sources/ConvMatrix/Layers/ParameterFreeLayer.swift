/// A layer with neither weights nor a bias: pooling, the activations, Flatten,
/// Identity. Every entry of its Wᵀ (or of its Jacobian J(x)) is a constant, and
/// its weight gradient is empty; this protocol says so once for all of them.
public protocol ParameterFreeLayer: Layer {}

extension ParameterFreeLayer {
    /// No weight.
    public var weightShape: [Int] { [] }
    /// … and no bias.
    public var biasShape: [Int]? { nil }

    public func parameterName(_ p: Int) -> ParameterName {
        preconditionFailure("\(kind) has no parameters; asked for the name of parameter \(p)")
    }

    public func biasParameter(ofRow r: Int) -> Int? { nil }

    /// No weights, so no weight gradient.
    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double]) -> [Double] { [] }
}
