import Foundation

/// The numbers of a layer: its weight in PyTorch's layout and its bias.
///
/// `weight` is (out_channels, in_channels/groups, *kernel_size) flattened
/// row-major, so weight[p] is the value of parameter v_p.
public struct LayerWeights: Equatable, Sendable {
    public var weight: [Double]
    public var bias: [Double]?

    /// Weights as given; throws when their sizes disagree with the spec or a value
    /// is not finite (an inf or NaN read from a .npy file).
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on field `weight` or `bias`,
    ///   or `.numerical` on the same fields for a value that is not finite.
    public init(weight: [Double], bias: [Double]?, for spec: ConvolutionSpec) throws(ConvMatrixError) {
        guard weight.count == spec.weightParameterCount else {
            throw .shape("weight", "\(weight.count) values, but \(spec) has \(spec.weightParameterCount) weight parameters")
        }
        if let bias, bias.count != spec.biasParameterCount {
            throw .shape("bias", "\(bias.count) values, but \(spec) has \(spec.biasParameterCount) bias parameters")
        }
        if bias == nil, spec.bias {
            throw .shape("bias", "\(spec) has a bias; give its \(spec.outChannels) values")
        }
        for (field, values) in [("weight", weight), ("bias", bias ?? [])] {
            if let k = FiniteValues.firstNonFinite(values) {
                throw ConvMatrixError(.numerical, field: field, reason: "value \(k + 1) of \(values.count) is \(values[k]); \(field)s must be finite numbers")
            }
        }
        self.weight = weight
        self.bias = spec.bias ? bias : nil
    }

    /// PyTorch's default initialisation: weight and bias uniform in ±1/√fan_in,
    /// fan_in = in/groups · ∏k (kaiming_uniform with a = √5), drawn from
    /// SplitMix64(seed): the weight in its flat order first, then the bias.
    public static func pytorchDefault(for spec: ConvolutionSpec, seed: UInt64) -> LayerWeights {
        var generator = SplitMix64(seed: seed)
        let bound = 1 / Double(spec.fanIn).squareRoot()
        let weight = (0..<spec.weightParameterCount).map { _ in generator.nextSymmetric(bound: bound) }
        let bias = spec.bias ? (0..<spec.outChannels).map { _ in generator.nextSymmetric(bound: bound) } : nil
        return LayerWeights(unchecked: weight, bias: bias)
    }

    /// Small integers from ±{1, 2, 3}, so that a reader can follow the arithmetic by
    /// hand and Double arithmetic stays exact; drawn like ``pytorchDefault(for:seed:)``.
    public static func integers(for spec: ConvolutionSpec, seed: UInt64) -> LayerWeights {
        var generator = SplitMix64(seed: seed)
        let weight = (0..<spec.weightParameterCount).map { _ in Double(generator.nextSmallNonzeroInteger()) }
        let bias = spec.bias ? (0..<spec.outChannels).map { _ in Double(generator.nextSmallNonzeroInteger()) } : nil
        return LayerWeights(unchecked: weight, bias: bias)
    }

    init(unchecked weight: [Double], bias: [Double]?) {
        self.weight = weight
        self.bias = bias
    }
}

extension SplitMix64 {
    /// One of −3, −2, −1, 1, 2, 3, equally likely.
    public mutating func nextSmallNonzeroInteger() -> Int {
        let draw = nextInt(in: 0...5)
        return draw < 3 ? draw - 3 : draw - 2
    }
}
