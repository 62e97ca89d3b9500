/// A transposed convolution as the user writes it in PyTorch, before it meets an input.
///
/// The arguments, their positional order and their defaults are those of
/// `torch.nn.ConvTranspose1d/2d/3d`, which differ from `Conv`'s: output_padding
/// and groups come before bias, dilation after it:
///
///     ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
///                     output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')
///
/// Only an int or a per-dimension tuple is a padding, and `'zeros'` the only
/// padding mode, as in PyTorch; a padding string, (before, after) pairs and
/// every other mode are refused. Per-dimension arguments hold one entry per
/// spatial dimension, whether written as an int or a tuple.
public struct TransposedConvolutionSpec: Hashable, Sendable {
    /// 1, 2 or 3: `ConvTranspose1d`, `ConvTranspose2d` or `ConvTranspose3d`.
    public var spatialDimensions: Int
    public var inChannels: Int
    public var outChannels: Int
    public var kernelSize: [Int]
    public var stride: [Int]
    /// p: the amount the matching convolution pads on both sides.
    public var padding: [Int]
    /// a: units added at the end of each output dimension.
    public var outputPadding: [Int]
    public var groups: Int
    public var bias: Bool
    public var dilation: [Int]

    /// torch's constructor arguments, in positional order.
    static let parameters = [
        "in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode",
    ]

    /// A spec with PyTorch's defaults for everything not given; not yet validated.
    public init(
        spatialDimensions: Int, inChannels: Int, outChannels: Int, kernelSize: [Int], stride: [Int]? = nil, padding: [Int]? = nil,
        outputPadding: [Int]? = nil, groups: Int = 1, bias: Bool = true, dilation: [Int]? = nil
    ) {
        let ones = Array(repeating: 1, count: spatialDimensions)
        let zeros = Array(repeating: 0, count: spatialDimensions)
        self.spatialDimensions = spatialDimensions
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride ?? ones
        self.padding = padding ?? zeros
        self.outputPadding = outputPadding ?? zeros
        self.groups = groups
        self.bias = bias
        self.dilation = dilation ?? ones
    }

    /// The spec a parsed call writes, validated.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on the argument at fault.
    init(call: SpecCall) throws(ConvMatrixError) {
        let n = call.spatialDimensions
        let arguments = try SpecArguments(call, kind: call.name, parameters: Self.parameters, required: 3)
        try Self.refuseUnsupportedPadding(call, arguments: arguments, dimensions: n)
        try Self.requireZerosMode(call, arguments: arguments)
        self.init(
            spatialDimensions: n,
            inChannels: try arguments.integer("in_channels"),
            outChannels: try arguments.integer("out_channels"),
            kernelSize: try arguments.perDimension("kernel_size", dimensions: n),
            stride: try arguments.perDimension("stride", dimensions: n, default: Array(repeating: 1, count: n)),
            padding: try arguments.perDimension("padding", dimensions: n, default: Array(repeating: 0, count: n)),
            outputPadding: try arguments.perDimension("output_padding", dimensions: n, default: Array(repeating: 0, count: n)),
            groups: try arguments.integer("groups", default: 1),
            bias: try arguments.boolean("bias", default: true),
            dilation: try arguments.perDimension("dilation", dimensions: n, default: Array(repeating: 1, count: n)))
        do {
            try validate()
        } catch {
            throw arguments.error(error.field, error.reason)
        }
    }

    /// `ConvTranspose1d`, `ConvTranspose2d` or `ConvTranspose3d`.
    public var typeName: String { "ConvTranspose\(spatialDimensions)d" }

    /// Output maps each group writes: out_channels / groups.
    public var outChannelsPerGroup: Int { outChannels / groups }

    /// Input maps each group reads: in_channels / groups.
    public var inChannelsPerGroup: Int { inChannels / groups }

    /// Taps of one kernel: ∏ kernel_size.
    public var tapsPerKernel: Int { kernelSize.reduce(1, *) }

    /// PyTorch's weight layout: (in_channels, out_channels/groups, *kernel_size).
    public var weightShape: [Int] { [inChannels, outChannelsPerGroup] + kernelSize }

    /// The value a call gives argument `name`, by keyword or by position, as written.
    fileprivate static func written(_ name: String, in call: SpecCall) -> SpecValue? {
        for (index, argument) in call.arguments.enumerated()
        where argument.keyword == name || (argument.keyword == nil && index < parameters.count && parameters[index] == name) {
            return argument.value
        }
        return nil
    }

    /// PyTorch's transposed convolutions take an int or a tuple: no `'same'`,
    /// `'valid'`, `'full'`, and no (before, after) pairs.
    private static func refuseUnsupportedPadding(_ call: SpecCall, arguments: SpecArguments, dimensions n: Int) throws(ConvMatrixError) {
        guard let value = written("padding", in: call) else { return }
        let forms = "\(call.name) takes an int or a tuple of \(n) int\(n == 1 ? "" : "s") (the same amount on both sides), as in PyTorch"
        switch value.kind {
        case .string(let name):
            throw value.error("padding", "padding \(EchoedText.quoted(name)) is not supported for transposed convolutions; \(forms)")
        case .tuple(let elements) where elements.contains { if case .tuple = $0.kind { true } else { false } }:
            throw value.error("padding", "(before, after) pairs are not supported for transposed convolutions; \(forms)")
        default:
            return
        }
    }

    /// PyTorch: `Only "zeros" padding mode is supported for ConvTranspose…`.
    private static func requireZerosMode(_ call: SpecCall, arguments: SpecArguments) throws(ConvMatrixError) {
        guard let value = written("padding_mode", in: call), !value.isNone else { return }
        guard case .string(let name) = value.kind else {
            throw value.error("padding_mode", "expected a quoted padding mode, got \(value.shown); \(call.name) supports only 'zeros'")
        }
        guard name == "zeros" else {
            throw value.error("padding_mode", "only 'zeros' padding mode is supported for \(call.name), as in PyTorch; got \(EchoedText.quoted(name))")
        }
    }
}

extension TransposedConvolution {
    /// The layer a parsed call writes, bound to `input`; a padding that leaves no
    /// output is reported at the padding's value.
    ///
    /// - Throws: ``ConvMatrixError``, as ``init(_:input:)`` and ``TransposedConvolutionSpec``'s parsing.
    static func parsed(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) -> TransposedConvolution {
        let spec = try TransposedConvolutionSpec(call: call)
        do {
            return try TransposedConvolution(spec, input: input)
        } catch {
            guard error.kind == .spec else { throw error }
            let offset = TransposedConvolutionSpec.written(error.field, in: call)?.offset ?? call.closingOffset
            throw ConvMatrixError(.spec, field: error.field, reason: error.reason, offset: offset)
        }
    }
}
