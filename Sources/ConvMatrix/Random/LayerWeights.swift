import Foundation

/// The numbers of a layer: its weight in PyTorch's layout and its bias.
///
/// `weight` is (out_channels, in_channels/groups, *kernel_size) flattened
/// row-major, so weight[p] is the value of parameter v_p.
public struct LayerWeights: Equatable, Sendable {
    public var weight: [Double]
    public var bias: [Double]?

    /// Weights as given; throws when their sizes disagree with the spec or a value
    /// is not finite (an inf or NaN read from a .npy file). For a tied bias: an
    /// untied one (`bias='untied'`) needs the output size, `init(weight:bias:for: any Layer)`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on field `weight` or `bias`,
    ///   or `.numerical` on the same fields for a value that is not finite.
    public init(weight: [Double], bias: [Double]?, for spec: ConvolutionSpec) throws(ConvMatrixError) {
        guard !spec.untiedBias else {
            throw .shape("bias", "\(spec) has one bias per output unit, which only the layer on its input can count")
        }
        try self.init(
            weight: weight, bias: bias, describedAs: spec.description, weightCount: spec.weightParameterCount,
            biasCount: spec.bias ? spec.biasParameterCount : nil)
    }

    /// Weights as given for a layer described as `layer` with `weightCount` weights
    /// and `biasCount` biases (nil without a bias): the one place sizes and finiteness are checked.
    init(weight: [Double], bias: [Double]?, describedAs layer: String, weightCount: Int, biasCount: Int?) throws(ConvMatrixError) {
        guard weight.count == weightCount else {
            throw .shape("weight", "\(weight.count) values, but \(layer) has \(weightCount) weight parameters")
        }
        if let bias, bias.count != biasCount ?? 0 {
            throw .shape("bias", "\(bias.count) values, but \(layer) has \(biasCount ?? 0) bias parameters")
        }
        if bias == nil, let biasCount {
            throw .shape("bias", "\(layer) has a bias; give its \(biasCount) values")
        }
        for (field, values) in [("weight", weight), ("bias", bias ?? [])] {
            if let k = FiniteValues.firstNonFinite(values) {
                throw ConvMatrixError(.numerical, field: field, reason: "value \(k + 1) of \(values.count) is \(values[k]); \(field)s must be finite numbers")
            }
        }
        self.weight = weight
        self.bias = biasCount == nil ? nil : bias
    }

    /// PyTorch's default initialisation: output map j's kernels and bias uniform in
    /// ±1/√fan_in(j), fan_in(j) = (input maps j reads) · ∏k, that is in/groups · ∏k
    /// without `connections` (kaiming_uniform with a = √5), drawn from
    /// SplitMix64(seed): the weight in its flat order first, then the bias. A tied
    /// bias only: for `bias='untied'` use `pytorchDefault(for: Convolution, seed:)`.
    public static func pytorchDefault(for spec: ConvolutionSpec, seed: UInt64) -> LayerWeights {
        draw(spec, biasPerMap: 1, seed: seed) { generator, j in generator.nextSymmetric(bound: bound(spec, j)) }
    }

    /// `pytorchDefault(for: ConvolutionSpec, seed:)` for `layer`; an untied bias of unit (j, o)
    /// is drawn like map j's tied one.
    public static func pytorchDefault(for layer: Convolution, seed: UInt64) -> LayerWeights {
        let spec = layer.spec
        return draw(spec, biasPerMap: unitsPerBias(layer), seed: seed) { generator, j in generator.nextSymmetric(bound: bound(spec, j)) }
    }

    /// Small integers from ±{1, 2, 3}, so that a reader can follow the arithmetic by
    /// hand and Double arithmetic stays exact; drawn like `pytorchDefault(for: ConvolutionSpec, seed:)`.
    public static func integers(for spec: ConvolutionSpec, seed: UInt64) -> LayerWeights {
        draw(spec, biasPerMap: 1, seed: seed) { generator, _ in Double(generator.nextSmallNonzeroInteger()) }
    }

    /// `integers(for: ConvolutionSpec, seed:)` for `layer`, whose bias may be untied.
    public static func integers(for layer: Convolution, seed: UInt64) -> LayerWeights {
        draw(layer.spec, biasPerMap: unitsPerBias(layer), seed: seed) { generator, _ in Double(generator.nextSmallNonzeroInteger()) }
    }

    /// 1/√fan_in(j).
    private static func bound(_ spec: ConvolutionSpec, _ j: Int) -> Double {
        1 / Double(spec.fanIn(ofOutputMap: j)).squareRoot()
    }

    /// Biases each output map holds: its units when untied, else 1.
    private static func unitsPerBias(_ layer: Convolution) -> Int {
        layer.spec.untiedBias ? layer.output.mapSize : 1
    }

    /// The weight (map j's kernels, j ascending), then `biasPerMap` biases per map,
    /// each value `value(generator, j)` for its output map j.
    private static func draw(
        _ spec: ConvolutionSpec, biasPerMap: Int, seed: UInt64, value: (inout SplitMix64, Int) -> Double
    ) -> LayerWeights {
        var generator = SplitMix64(seed: seed)
        let firsts = spec.firstPairs
        var weight: [Double] = []
        weight.reserveCapacity(spec.weightParameterCount)
        for j in 0..<spec.outChannels {
            for _ in 0..<(firsts[j + 1] - firsts[j]) * spec.tapsPerKernel { weight.append(value(&generator, j)) }
        }
        guard spec.bias else { return LayerWeights(unchecked: weight, bias: nil) }
        var bias: [Double] = []
        for j in 0..<spec.outChannels {
            for _ in 0..<biasPerMap { bias.append(value(&generator, j)) }
        }
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
