/// Row-major (C order) strides over an N-dimensional box: the last index varies fastest,
/// as in NumPy and PyTorch.
///
///     offset(p) = Σ_d p_d · stride_d,   stride_d = ∏_{e>d} extent_e
public struct RowMajor: Sendable {
    public let extents: [Int]
    public let strides: [Int]

    public init(_ extents: [Int]) {
        self.extents = extents
        var strides = Array(repeating: 1, count: extents.count)
        for d in stride(from: extents.count - 2, through: 0, by: -1) {
            strides[d] = strides[d + 1] * extents[d + 1]
        }
        self.strides = strides
    }

    /// ∏ extents.
    public var count: Int { extents.reduce(1, *) }

    /// The flat offset of a multi-index.
    @inlinable
    public func offset(_ index: [Int]) -> Int {
        var total = 0
        for d in index.indices { total += index[d] * strides[d] }
        return total
    }

    /// The multi-index of a flat offset.
    public func index(_ offset: Int) -> [Int] {
        var rest = offset
        return strides.map { stride in
            defer { rest %= stride }
            return rest / stride
        }
    }

    /// Every multi-index in row-major order.
    public var allIndices: [[Int]] { (0..<count).map(index) }
}
