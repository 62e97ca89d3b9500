/// The sizes of one reference convolution, worked out from the spec's formulas alone.
///
/// Per spatial dimension, with input size n, kernel size k, stride s, dilation d:
///
///     valid:        before = 0,               after = 0
///     same:         before = ⌊d·(k−1) / 2⌋,   after = d·(k−1) − before
///     full:         before = d·(k−1),         after = d·(k−1)
///     symmetric p:  before = p,               after = p
///     asymmetric:   the (before, after) pair as given
///     extended      ñ = n + before + after
///     output        o = ⌊(ñ − d·(k−1) − 1) / s⌋ + 1
///
/// Tap s of output unit o reads extended unit o·stride + s·dilation. Output map j
/// belongs to group g = ⌊j / (out/groups)⌋ and reads input maps
/// g·(in/groups) ..< (g+1)·(in/groups), or, with a connection table, the input
/// maps of its list C_j; its kernels are then the |C_j| after Σ_{j' < j} |C_{j'}|.
///
/// Nothing here calls the library's geometry (`Padding.resolved`, `RowMajor`): the
/// reference is the independent oracle the matrix code is checked against.
struct ReferenceGeometry {
    let inputSize: [Int]
    let kernelSize: [Int]
    let stride: [Int]
    let dilation: [Int]
    let before: [Int]
    let after: [Int]
    let inChannels: Int
    let outChannels: Int
    let groups: Int
    /// The connection table C_j, or nil for the groups' rule.
    let connections: [[Int]]?
    /// One bias per output unit (`bias='untied'`) rather than per output map.
    let untiedBias: Bool
    /// d·(k−1) per dimension: how far the last tap lies from the first.
    let kernelReach: [Int]
    /// ñ = n + before + after per dimension.
    let extendedSize: [Int]
    /// o = ⌊(ñ − d·(k−1) − 1) / s⌋ + 1 per dimension.
    let outputSize: [Int]
    /// Every tap s of a kernel, in C order (the weight's order).
    let taps: [[Int]]

    init(spec: ConvolutionSpec, input: TensorShape) {
        precondition(
            input.spatial.count == spec.spatialDimensions && input.channels == spec.inChannels,
            "ReferenceGeometry: input \(input) does not fit Conv\(spec.spatialDimensions)d with \(spec.inChannels) input channel(s)")
        inputSize = input.spatial
        kernelSize = spec.kernelSize
        stride = spec.stride
        dilation = spec.dilation
        inChannels = spec.inChannels
        outChannels = spec.outChannels
        groups = spec.groups
        connections = spec.connections
        untiedBias = spec.untiedBias
        let reach = zip(spec.kernelSize, spec.dilation).map { k, d in d * (k - 1) }
        let (first, last) = Self.paddingAmounts(spec.padding, kernelReach: reach)
        let extended = input.spatial.indices.map { d in input.spatial[d] + first[d] + last[d] }
        kernelReach = reach
        before = first
        after = last
        extendedSize = extended
        outputSize = extended.indices.map { d in (extended[d] - reach[d] - 1) / spec.stride[d] + 1 }
        taps = referencePositions(spec.kernelSize)
    }

    /// (before, after) per dimension, with reach = d·(k−1).
    private static func paddingAmounts(_ padding: Padding, kernelReach reach: [Int]) -> (before: [Int], after: [Int]) {
        switch padding {
        case .valid:
            return (reach.map { _ in 0 }, reach.map { _ in 0 })
        case .same:
            return (reach.map { $0 / 2 }, reach.map { $0 - $0 / 2 })
        case .full:
            return (reach, reach)
        case .symmetric(let amounts):
            return (amounts, amounts)
        case .asymmetric(let pairs):
            return (pairs.map(\.before), pairs.map(\.after))
        }
    }

    var inChannelsPerGroup: Int { inChannels / groups }
    var outChannelsPerGroup: Int { outChannels / groups }

    /// g = ⌊j / (out/groups)⌋.
    func group(ofOutputMap j: Int) -> Int { j / outChannelsPerGroup }

    /// The input maps group g reads: g·(in/groups) ..< (g+1)·(in/groups).
    func inputMaps(ofGroup g: Int) -> Range<Int> {
        g * inChannelsPerGroup..<(g + 1) * inChannelsPerGroup
    }

    /// The input maps output map j reads: C_j, or those of j's group.
    func inputMaps(ofOutputMap j: Int) -> [Int] {
        connections?[j] ?? Array(inputMaps(ofGroup: group(ofOutputMap: j)))
    }

    /// Every (j, i_local) with input map i at position i_local of j's input maps.
    func readers(ofInputMap i: Int) -> [(outputMap: Int, localInputMap: Int)] {
        var readers: [(outputMap: Int, localInputMap: Int)] = []
        for j in 0..<outChannels {
            for (iLocal, read) in inputMaps(ofOutputMap: j).enumerated() where read == i {
                readers.append((j, iLocal))
            }
        }
        return readers
    }

    /// How many kernels the weight holds: Σ_j |C_j|, or out · (in/groups).
    var kernelCount: Int {
        guard let connections else { return outChannels * inChannelsPerGroup }
        var count = 0
        for list in connections { count += list.count }
        return count
    }

    /// The weight tensor's "channel" of w[j, i_local, ·]: j · (in/groups) + i_local,
    /// or Σ_{j' < j} |C_{j'}| + i_local with a connection table.
    func kernelChannel(outputMap j: Int, localInputMap iLocal: Int) -> Int {
        guard let connections else { return j * inChannelsPerGroup + iLocal }
        var before = 0
        for earlier in 0..<j { before += connections[earlier].count }
        return before + iLocal
    }

    /// The extended unit tap s of output unit o reads: o·stride + s·dilation per dimension.
    func extendedPosition(output o: [Int], tap s: [Int]) -> [Int] {
        var position = o
        for d in position.indices { position[d] = o[d] * stride[d] + s[d] * dilation[d] }
        return position
    }
}
