/// A convolution layer as the user writes it in PyTorch, before it meets an input.
///
/// The arguments and defaults are those of `torch.nn.Conv1d/2d/3d`:
///
///     Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
///            dilation=1, groups=1, bias=True, padding_mode='zeros')
///
/// Per-dimension arguments are stored with one entry per spatial dimension,
/// whether the user wrote an int or a tuple. Parse one with
/// ``ConvolutionSpec/init(parsing:)`` and print it back with ``canonical``.
public struct ConvolutionSpec: Hashable, Sendable {
    /// 1, 2 or 3: `Conv1d`, `Conv2d` or `Conv3d`.
    public var spatialDimensions: Int
    public var inChannels: Int
    public var outChannels: Int
    public var kernelSize: [Int]
    public var stride: [Int]
    public var padding: Padding
    public var dilation: [Int]
    public var groups: Int
    public var bias: Bool
    public var paddingMode: PaddingMode

    /// A spec with PyTorch's defaults for everything not given; not yet validated
    /// (call ``validated()``).
    public init(
        spatialDimensions: Int, inChannels: Int, outChannels: Int, kernelSize: [Int],
        stride: [Int]? = nil, padding: Padding? = nil, dilation: [Int]? = nil,
        groups: Int = 1, bias: Bool = true, paddingMode: PaddingMode = .zeros
    ) {
        self.spatialDimensions = spatialDimensions
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride ?? Array(repeating: 1, count: spatialDimensions)
        self.padding = padding ?? .symmetric(Array(repeating: 0, count: spatialDimensions))
        self.dilation = dilation ?? Array(repeating: 1, count: spatialDimensions)
        self.groups = groups
        self.bias = bias
        self.paddingMode = paddingMode
    }

    /// `Conv1d`, `Conv2d` or `Conv3d`.
    public var typeName: String { "Conv\(spatialDimensions)d" }

    /// Input maps each output map reads: in_channels / groups.
    public var inChannelsPerGroup: Int { inChannels / groups }

    /// Output maps each group writes: out_channels / groups.
    public var outChannelsPerGroup: Int { outChannels / groups }

    /// Taps of one kernel: ∏ kernel_size.
    public var tapsPerKernel: Int { kernelSize.reduce(1, *) }

    /// The weight's shape in PyTorch's layout: (out_channels, in_channels/groups, *kernel_size).
    public var weightShape: [Int] { [outChannels, inChannelsPerGroup] + kernelSize }

    /// Weight parameters: out · in/groups · ∏k.
    public var weightParameterCount: Int { outChannels * inChannelsPerGroup * tapsPerKernel }

    /// Bias parameters: one per output map, or none.
    public var biasParameterCount: Int { bias ? outChannels : 0 }

    /// fan_in = in/groups · ∏k, which sets PyTorch's default initialisation bound 1/√fan_in.
    public var fanIn: Int { inChannelsPerGroup * tapsPerKernel }
}
