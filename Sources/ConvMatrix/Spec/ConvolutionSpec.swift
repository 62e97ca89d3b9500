/// A convolution layer as the user writes it in PyTorch, before it meets an input.
///
/// The arguments and defaults are those of `torch.nn.Conv1d/2d/3d`:
///
///     Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
///            dilation=1, groups=1, bias=True, padding_mode='zeros')
///
/// with the keyword-only extensions `padding_value=` (for `padding_mode='constant'`)
/// and LeCun 1989's `bias='untied'` (one bias per output unit) and
/// `connections=[[...], ...]` (a table of which input maps each output map reads;
/// see ConvolutionSpec+Connections.swift).
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
    /// Whether the layer has a bias, tied (one per output map) or untied.
    public var bias: Bool
    public var paddingMode: PaddingMode
    /// `bias='untied'`: one bias per output unit, of shape (out_channels, *output_size),
    /// instead of one per output map. Only with `bias` true.
    public var untiedBias: Bool
    /// `connections=`: for each output map j, the 0-based input maps it reads, in
    /// ascending order; nil for the groups' rule (every input map of j's group).
    public var connections: [[Int]]?

    /// A spec with PyTorch's defaults for everything not given; not yet validated
    /// (call ``validated()``).
    public init(
        spatialDimensions: Int, inChannels: Int, outChannels: Int, kernelSize: [Int],
        stride: [Int]? = nil, padding: Padding? = nil, dilation: [Int]? = nil,
        groups: Int = 1, bias: Bool = true, paddingMode: PaddingMode = .zeros,
        untiedBias: Bool = false, connections: [[Int]]? = nil
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
        self.untiedBias = untiedBias
        self.connections = connections
    }

    /// `Conv1d`, `Conv2d` or `Conv3d`.
    public var typeName: String { "Conv\(spatialDimensions)d" }

    /// Input maps each output map of a group reads: in_channels / groups (without `connections`).
    public var inChannelsPerGroup: Int { inChannels / groups }

    /// Output maps each group writes: out_channels / groups.
    public var outChannelsPerGroup: Int { outChannels / groups }

    /// Taps of one kernel: ∏ kernel_size.
    public var tapsPerKernel: Int { kernelSize.reduce(1, *) }

    /// The weight's shape in PyTorch's layout, (out_channels, in_channels/groups, *kernel_size),
    /// or (pairs, *kernel_size) with `connections`.
    public var weightShape: [Int] {
        connections == nil ? [outChannels, inChannelsPerGroup] + kernelSize : [weightPairCount] + kernelSize
    }

    /// Weight parameters: (out · in/groups, or the pairs of `connections`) · ∏k.
    public var weightParameterCount: Int { weightPairCount * tapsPerKernel }

    /// Bias parameters of a tied bias: one per output map, or none. An untied bias
    /// has one per output unit, which the spec alone cannot count: use
    /// ``biasParameterCount(outputMapSize:)`` or the layer's `biasParameterCount`.
    public var biasParameterCount: Int { bias ? outChannels : 0 }

    /// Bias parameters on an output of `outputMapSize` units per map: out, out · mapSize
    /// for `bias='untied'`, or 0.
    public func biasParameterCount(outputMapSize: Int) -> Int {
        bias ? (untiedBias ? saturatingProduct(outChannels, outputMapSize) : outChannels) : 0
    }

    /// The largest fan_in of an output map, max_j fanIn(ofOutputMap: j): in/groups · ∏k
    /// without `connections`. The most terms one output unit sums.
    public var fanIn: Int {
        guard let connections else { return inChannelsPerGroup * tapsPerKernel }
        return (connections.map(\.count).max() ?? 0) * tapsPerKernel
    }
}
