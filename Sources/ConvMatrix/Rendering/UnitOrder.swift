/// The order in which a view lists the units of x and y: the slides' two views of
/// a convolution layer.
///
/// - `maps` ("sum of convolutions", the default and how Wᵀ is stored): map by map,
///   each map position by position. Block (j, i) of Wᵀ is then the band matrix of one
///   convolution w_{ji} ∗ x_i:
///
///         z_j(t) = Σ_i Σ_s w_{ji}^s · x_i^{t+s}
///
/// - `positions` ("swipe of weighted sums"): position by position, all maps of
///   position 1, then all maps of position 2, …. Wᵀ becomes a block band of small
///   out × in matrices: block (o, q) holds the weights with which output position o
///   reads input position q,
///
///         z_j(t) = Σ_s Σ_i w_{ji}^s · x_i^{t+s}
///
/// Both list the same units, so they are the same operator up to a permutation of
/// rows and columns. For a tensor of C maps of M positions, unit (c, p) sits at
///
///     maps:       c · M + p
///     positions:  p · C + c
///
///     UnitOrder.positions.sourceIndices(of: TensorShape(channels: 2, spatial: [3]))
///     // [0, 3, 1, 4, 2, 5]: x₁(1), x₂(1), x₁(2), x₂(2), x₁(3), x₂(3)
public enum UnitOrder: String, CaseIterable, Sendable {
    case maps, positions

    /// For each index k in this order, the index of the same unit in the maps
    /// (storage) order: the permutation σ with unit k of the view = unit σ(k) of Wᵀ.
    ///
    /// - Complexity: O(units).
    public func sourceIndices(of shape: TensorShape) -> [Int] {
        switch self {
        case .maps:
            return Array(0..<shape.count)
        case .positions:
            // k = p · C + c  ↦  c · M + p
            return (0..<shape.count).map { k in (k % shape.channels) * shape.mapSize + k / shape.channels }
        }
    }

    /// Units per block in this order: one map (maps) or one position's channels (positions).
    public func blockSize(of shape: TensorShape) -> Int {
        switch self {
        case .maps: shape.mapSize
        case .positions: shape.channels
        }
    }

    /// The block title of block b (0-based) of a tensor, as headers show it:
    /// `input map 2` (maps) or `position (1,4)` (positions).
    func blockTitle(_ b: Int, shape: TensorShape, role: String) -> String {
        switch self {
        case .maps: "\(role) map \(b + 1)"
        case .positions: "position (" + positionText(b, shape: shape) + ")"
        }
    }

    /// The short name of block b: `x₂` (maps) or `x(1,4)` (positions).
    func blockName(_ b: Int, shape: TensorShape, letter: String) -> String {
        switch self {
        case .maps: letter + UnicodeIndices.lowered(String(b + 1))
        case .positions: letter + "(" + positionText(b, shape: shape) + ")"
        }
    }

    private func positionText(_ p: Int, shape: TensorShape) -> String {
        RowMajor(shape.spatial).index(p).map { String($0 + 1) }.joined(separator: ",")
    }
}
