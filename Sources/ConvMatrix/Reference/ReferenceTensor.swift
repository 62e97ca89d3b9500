/// A (channels, *spatial) block of scalars, flat in C order, with its own index arithmetic.
///
/// The reference shares no index code with the rest of the library (no `RowMajor`),
/// so a flattening mistake there cannot hide by being made twice. The flat offset of
/// unit (c, p) with spatial extents (n₁, …, n_D) is Horner's rule over the extents:
///
///     offset(c, p) = (…((c · n₁ + p₁) · n₂ + p₂) …) · n_D + p_D
///                  = c · ∏n + Σ_d p_d · ∏_{e>d} n_e
///
/// the order of torch's `.flatten()` on a (C, *spatial) tensor. A weight
/// (out, in/groups, *kernel) is stored as a tensor whose "channel" is
/// j · (in/groups) + i_local.
struct ReferenceTensor<Scalar> {
    let channels: Int
    let spatial: [Int]
    private(set) var values: [Scalar]

    /// Wraps flat values; their count must be channels · ∏spatial.
    init(channels: Int, spatial: [Int], values: [Scalar]) {
        let expected = channels * spatial.reduce(1, *)
        precondition(
            values.count == expected,
            "ReferenceTensor: \(values.count) values for \(channels) channel(s) of \(spatial) (expected \(expected))")
        self.channels = channels
        self.spatial = spatial
        self.values = values
    }

    /// Every unit set to `value`.
    init(channels: Int, spatial: [Int], repeating value: Scalar) {
        self.init(
            channels: channels, spatial: spatial,
            values: Array(repeating: value, count: channels * spatial.reduce(1, *)))
    }

    subscript(channel: Int, position: [Int]) -> Scalar {
        get { values[offset(channel: channel, position: position)] }
        set { values[offset(channel: channel, position: position)] = newValue }
    }

    /// Unit (c, p) of a tensor with one spatial extent n: offset c · n + p, Horner's
    /// rule for D = 1 without a position array (the inner loops of ReferenceLinear).
    subscript(channel: Int, at p: Int) -> Scalar {
        get {
            precondition(
                spatial.count == 1 && channel >= 0 && channel < channels && p >= 0 && p < spatial[0],
                "ReferenceTensor: unit (\(channel), [\(p)]) outside \(channels) channel(s) of \(spatial)")
            return values[channel * spatial[0] + p]
        }
    }

    private func offset(channel: Int, position: [Int]) -> Int {
        precondition(
            channel >= 0 && channel < channels && position.count == spatial.count,
            "ReferenceTensor: unit (\(channel), \(position)) outside \(channels) channel(s) of \(spatial)")
        var offset = channel
        for d in 0..<spatial.count {
            precondition(
                position[d] >= 0 && position[d] < spatial[d],
                "ReferenceTensor: unit (\(channel), \(position)) outside \(channels) channel(s) of \(spatial)")
            offset = offset * spatial[d] + position[d]
        }
        return offset
    }
}

/// Every multi-index of the box `extents`, the last coordinate fastest (C order).
///
///     positions([2, 3]) = [0,0] [0,1] [0,2] [1,0] [1,1] [1,2]
func referencePositions(_ extents: [Int]) -> [[Int]] {
    guard extents.allSatisfy({ $0 > 0 }) else { return [] }
    var position = Array(repeating: 0, count: extents.count)
    var all: [[Int]] = []
    while true {
        all.append(position)
        // Odometer: bump the last coordinate, carry into the one before when it rolls over.
        var d = extents.count - 1
        while d >= 0 {
            position[d] += 1
            if position[d] < extents[d] { break }
            position[d] = 0
            d -= 1
        }
        if d < 0 { return all }
    }
}
