/// A convolution spec bound to an input shape: every extent and amount resolved.
///
/// Output sizes follow the convolution-arithmetic relationship, per spatial dimension,
///
///     o = ⌊(i + p_before + p_after − d·(k−1) − 1) / s⌋ + 1
///
/// where the kernel spans d·(k−1) + 1 units of the extended (padded) input of
/// length i + p_before + p_after, and the ⌊·/s⌋ + 1 counts the strided start
/// positions that fit (docs/geometry.md derives it).
public struct ConvolutionGeometry: Hashable, Sendable {
    public let spec: ConvolutionSpec
    /// The input x, (in_channels, *spatial).
    public let input: TensorShape
    /// The per-dimension padding amounts, resolved from `spec.padding`.
    public let padding: [SidePadding]
    /// The extended input x̃ = P x, (in_channels, *(spatial + before + after)).
    public let extendedInput: TensorShape
    /// The output y, (out_channels, *output spatial).
    public let output: TensorShape

    /// Binds `spec` to an input shape, checking that they fit.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` when the input's channels or
    ///   rank disagree with the spec, and of kind `.spec` when the kernel is larger
    ///   than the padded input or a pad exceeds its padding mode's limit.
    public init(spec: ConvolutionSpec, input: TensorShape) throws(ConvMatrixError) {
        let spec = try spec.validated()
        try Self.requireCompatible(spec: spec, input: input)
        let padding = spec.padding.resolved(kernelSize: spec.kernelSize, dilation: spec.dilation)
        try Self.requirePaddingWithinModeLimits(spec: spec, input: input, padding: padding)
        let extended = zip(input.spatial, padding).map { n, pad in n + pad.total }
        try Self.requireKernelFits(spec: spec, extended: extended)
        guard saturatingProduct([max(spec.inChannels, spec.outChannels)] + extended) <= ConvolutionSpec.largestCount else {
            throw .shape("input", "\(input) padded to \(extended.map(String.init).joined(separator: "x")) has more than \(ConvolutionSpec.largestCount) units")
        }
        self.spec = spec
        self.input = input
        self.padding = padding
        self.extendedInput = TensorShape(channels: input.channels, spatial: extended)
        self.output = TensorShape(
            channels: spec.outChannels,
            spatial: extended.indices.map {
                Self.outputLength(
                    extendedLength: extended[$0], kernelSize: spec.kernelSize[$0],
                    stride: spec.stride[$0], dilation: spec.dilation[$0])
            })
    }

    /// o = ⌊(ĩ − d·(k−1) − 1) / s⌋ + 1 for an extended input length ĩ = i + p_before + p_after.
    public static func outputLength(extendedLength: Int, kernelSize: Int, stride: Int, dilation: Int) -> Int {
        (extendedLength - dilation * (kernelSize - 1) - 1) / stride + 1
    }

    private static func requireCompatible(spec: ConvolutionSpec, input: TensorShape) throws(ConvMatrixError) {
        guard input.spatial.count == spec.spatialDimensions else {
            let expected = ["CxL", "CxHxW", "CxDxHxW"][spec.spatialDimensions - 1]
            throw .shape("input", "\(spec.typeName) expects a shape \(expected), got \(input)")
        }
        guard input.channels == spec.inChannels else {
            throw .shape("input", "\(input) has \(input.channels) channel\(input.channels == 1 ? "" : "s") but in_channels is \(spec.inChannels)")
        }
    }

    private static func requireKernelFits(spec: ConvolutionSpec, extended: [Int]) throws(ConvMatrixError) {
        for d in extended.indices {
            let span = spec.dilation[d] * (spec.kernelSize[d] - 1) + 1
            guard span <= extended[d] else {
                let what =
                    spec.dilation[d] == 1
                    ? "\(spec.kernelSize[d]) is"
                    : "\(spec.kernelSize[d]) with dilation \(spec.dilation[d]) spans \(span), which is"
                throw .spec("kernel_size", "\(what) larger than the padded input \(extended[d]) along dimension \(d + 1)")
            }
        }
    }

    /// PyTorch's limits: circular pads at most the input size, reflect pads less than it.
    private static func requirePaddingWithinModeLimits(
        spec: ConvolutionSpec, input: TensorShape, padding: [SidePadding]
    ) throws(ConvMatrixError) {
        for (d, pad) in padding.enumerated() {
            let n = input.spatial[d]
            let widest = max(pad.before, pad.after)
            switch spec.paddingMode {
            case .circular where widest > n:
                throw .spec("padding", "circular padding \(widest) is wider than the input \(n) along dimension \(d + 1)")
            case .reflect where widest >= n:
                throw .spec("padding", "reflect padding \(widest) must be smaller than the input \(n) along dimension \(d + 1)")
            default:
                continue
            }
        }
    }
}
