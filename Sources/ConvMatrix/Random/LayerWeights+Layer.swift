import Foundation

/// The numbers of any ``Layer``: sized by its weight and bias shapes.
extension LayerWeights {
    /// Weights as given; throws when their sizes disagree with the layer.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on field `weight` or `bias`,
    ///   or `.numerical` when a value is not finite.
    public init(weight: [Double], bias: [Double]?, for layer: any Layer) throws(ConvMatrixError) {
        try self.init(
            weight: weight, bias: bias, describedAs: layer.specDescription, weightCount: layer.weightParameterCount,
            biasCount: layer.biasShape == nil ? nil : layer.biasParameterCount)
    }

    /// PyTorch's default initialisation, weight and bias uniform in ±1/√fan_in
    /// (``Layer/fanIn``), drawn from SplitMix64(seed): the weight in its flat order
    /// first, then the bias. A layer without parameters gets none.
    public static func pytorchDefault(for layer: any Layer, seed: UInt64) -> LayerWeights {
        // A convolution draws each output map from its own fan-in (connection tables differ per map).
        if let convolution = layer as? Convolution { return pytorchDefault(for: convolution, seed: seed) }
        var generator = SplitMix64(seed: seed)
        let bound = 1 / Double(max(1, layer.fanIn)).squareRoot()
        let weight = (0..<layer.weightParameterCount).map { _ in generator.nextSymmetric(bound: bound) }
        let bias = layer.biasShape.map { _ in (0..<layer.biasParameterCount).map { _ in generator.nextSymmetric(bound: bound) } }
        return LayerWeights(unchecked: weight, bias: bias)
    }

    /// Small integers from ±{1, 2, 3}, drawn like ``pytorchDefault(for:seed:)-(any Layer,_)``.
    public static func integers(for layer: any Layer, seed: UInt64) -> LayerWeights {
        if let convolution = layer as? Convolution { return integers(for: convolution, seed: seed) }
        var generator = SplitMix64(seed: seed)
        let weight = (0..<layer.weightParameterCount).map { _ in Double(generator.nextSmallNonzeroInteger()) }
        let bias = layer.biasShape.map { _ in (0..<layer.biasParameterCount).map { _ in Double(generator.nextSmallNonzeroInteger()) } }
        return LayerWeights(unchecked: weight, bias: bias)
    }

    /// The weight written out on a command line, comma-separated in the weight's
    /// flat order, for a layer without a bias.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.option` on field `kernel`.
    public init(parsingKernel text: String, for layer: any Layer) throws(ConvMatrixError) {
        var values: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(item), value.isFinite else {
                throw ConvMatrixError(.option, field: "kernel", reason: "'\(item)' in '\(text)' is not a finite number; write values like 0.25,0.5,0.25")
            }
            values.append(value)
        }
        guard values.count == layer.weightParameterCount else {
            let shape = "(" + layer.weightShape.map(String.init).joined(separator: ", ") + ")"
            throw ConvMatrixError(
                .option, field: "kernel",
                reason:
                    "\(values.count) value\(values.count == 1 ? "" : "s"), but \(layer.specDescription) has \(layer.weightParameterCount) weight parameters, shape \(shape)"
            )
        }
        guard layer.biasShape == nil else {
            throw ConvMatrixError(
                .option, field: "kernel", reason: "\(layer.specDescription) has a bias: write bias=False, or give the weights with --weight and --bias")
        }
        self.init(unchecked: values, bias: nil)
    }
}

extension Layer {
    /// fan_in as PyTorch computes it for its default initialisation: the
    /// weight's second extent times its receptive field, ∏ weightShape[1...]
    /// (in/groups · ∏k for a convolution, in_features for Linear; 0 without weights).
    public var fanIn: Int { weightShape.count < 2 ? 0 : saturatingProduct(Array(weightShape.dropFirst())) }
}
