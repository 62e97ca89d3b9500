/// LeCun 1989's connection tables: which input maps each output map reads.
///
/// Without `connections`, output map j of group g = ⌊j / (out/groups)⌋ reads the
/// input maps of its group, g·(in/groups) ..< (g+1)·(in/groups). With
/// `connections=[C₀, C₁, …]`, output map j reads exactly the input maps of the
/// ascending list C_j (0-based), and the weight holds one kernel per pair (j, i):
///
///     y[j, o] = b + Σ_{i ∈ C_j} Σ_s w[π(j, i), s] · x̃[i, o·stride + s·dilation]
///     π(j, i) = Σ_{j' < j} |C_{j'}| + (position of i in C_j)
///     weight  : (Σ_j |C_j|, *kernel_size),   ordered by output map, then input map
///     fan_in(j) = |C_j| · ∏k
///
/// PyTorch's default initialisation draws map j's kernels and bias from
/// ±1/√fan_in(j): the number of maps j actually reads, not in_channels (the choice
/// a connection table makes natural; a dense layer with the other weights fixed at
/// 0 would use in_channels instead). The adjoints are unchanged in form: the input
/// gradient of map i sums over the output maps j whose list holds i.
///
///     // H2 of LeCun 1989 (Karpathy's table): 12 maps, 8 inputs each, 96 pairs.
///     spec.inputMaps(ofOutputMap: 8)  // [0, 1, 2, 3, 8, 9, 10, 11]
extension ConvolutionSpec {
    /// The input maps output map j reads, ascending: C_j, or j's group.
    public func inputMaps(ofOutputMap j: Int) -> [Int] {
        if let connections { return connections[j] }
        let group = j / outChannelsPerGroup
        return Array(group * inChannelsPerGroup..<(group + 1) * inChannelsPerGroup)
    }

    /// Kernels in the weight: Σ_j |C_j|, or out · in/groups.
    public var weightPairCount: Int {
        guard let connections else { return outChannels * inChannelsPerGroup }
        return connections.reduce(0) { $0 + $1.count }
    }

    /// The first kernel of each output map, and one past the last: out + 1 prefix sums
    /// of |C_j| (or of in/groups).
    public var firstPairs: [Int] {
        var firsts = [0]
        firsts.reserveCapacity(outChannels + 1)
        for j in 0..<outChannels { firsts.append(firsts[j] + (connections?[j].count ?? inChannelsPerGroup)) }
        return firsts
    }

    /// fan_in(j) = |C_j| · ∏k: the terms output unit (j, o) sums, and PyTorch's
    /// initialisation bound 1/√fan_in(j) for map j.
    public func fanIn(ofOutputMap j: Int) -> Int {
        (connections?[j].count ?? inChannelsPerGroup) * tapsPerKernel
    }

    /// What is wrong with `connections`, if anything: the list at fault (nil for the
    /// table as a whole) and the reason. Checked in this order: used with groups,
    /// the list count, then each list (empty, out of range, duplicate, unsorted).
    func connectionsProblem() -> (list: Int?, reason: String)? {
        guard let connections else { return nil }
        if groups != 1 {
            return (nil, "cannot be used together with groups=\(groups); a connection table already says which input maps each output map reads")
        }
        if connections.count != outChannels {
            return (nil, "expected one list per output map (out_channels=\(outChannels)), got \(connections.count) list\(connections.count == 1 ? "" : "s")")
        }
        for (j, maps) in connections.enumerated() {
            if let reason = Self.listProblem(maps, inChannels: inChannels) {
                return (j, "list \(j) (output map \(j)) \(reason)")
            }
        }
        return nil
    }

    /// Why one list is not a strictly ascending, non-empty list of maps in 0 ..< in_channels.
    private static func listProblem(_ maps: [Int], inChannels: Int) -> String? {
        guard !maps.isEmpty else { return "is empty; every output map must read at least one input map" }
        if let bad = maps.first(where: { !(0..<inChannels).contains($0) }) {
            return "names input map \(bad), outside 0...\(inChannels - 1) (in_channels=\(inChannels))"
        }
        for k in 1..<max(1, maps.count) {
            if maps[k] == maps[k - 1] { return "names input map \(maps[k]) twice" }
            if maps[k] < maps[k - 1] { return "is not sorted: \(maps[k]) comes after \(maps[k - 1]); list the input maps in ascending order" }
        }
        return nil
    }
}
