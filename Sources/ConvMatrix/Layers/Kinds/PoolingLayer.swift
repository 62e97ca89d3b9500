/// What every pooling kind shares: no parameters, and a block-diagonal Wᵀ of
/// constants, the same band block on every map (channels are pooled independently).
///
/// Output unit r = (channel j, position i = (i_1, …, i_N)) reads the box of its
/// per-dimension windows (``PoolingAxis``) on map j, each with one coefficient:
///
///     y_{j,i} = κ_i · Σ_{u ∈ W_1(i_1) × … × W_N(i_N)} x_{j,u}
///     Wᵀ[r(j,i), c(j,u)] = κ_i  for u in the box,   0 elsewhere (and for every other map)
///
/// κ_i is 1 for a sum pool and 1/d_i for an average. The adjoint scatters each
/// δy back over its window, δx_{j,u} = Σ_{i : u ∈ box(i)} κ_i δy_{j,i}, and
/// there is no weight gradient.
///
/// Exactness: 1/d is a Double exactly only when |d| is a power of two (a dyadic
/// coefficient); for other divisors Wᵀ holds the rounded fl(1/d).
public protocol PoolingLayer: ParameterFreeLayer {
    /// The windows along each input spatial dimension, in dimension order.
    var axes: [PoolingAxis] { get }
    /// κ_i for the output position `position` (one index per axis).
    func coefficient(at position: [Int]) -> Double
}

extension PoolingLayer {
    public var geometricNonzeroCount: Int? { constantCount }
    /// One connection per window entry.
    public var geometricConnectionCount: Int? { constantCount }

    /// Entries of Wᵀ: C · ∏_d Σ_i |W_d(i)|, saturating (windows factor over dimensions).
    public var constantCount: Int {
        saturatingProduct([input.channels] + axes.map(\.totalExtent))
    }

    /// Wᵀ as constants only: for each map, each output position, every unit of its box.
    ///
    /// - Complexity: O(``constantCount``) time and memory.
    public func matrixForm() -> MatrixForm {
        let positions = RowMajor(axes.map(\.count))
        let units = RowMajor(input.spatial)
        precondition(positions.count == output.mapSize && units.count == input.mapSize, "pooling axes disagree with the shapes")
        var constants: [ConstantEntry] = []
        constants.reserveCapacity(min(constantCount, 1 << 24))
        for i in 0..<positions.count {
            let position = positions.index(i)
            let value = coefficient(at: position)
            let box = boxOffsets(position, units: units)
            for j in 0..<input.channels {
                let row = j * output.mapSize + i
                for offset in box { constants.append(ConstantEntry(row: row, column: j * input.mapSize + offset, value: value)) }
            }
        }
        let tied = TiedMatrix(
            rows: output.count, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: [], terms: [], constants: constants)
        return MatrixForm(layer: self, tied: tied)
    }

    /// The flat offsets, within one map, of the units in the box of `position`.
    private func boxOffsets(_ position: [Int], units: RowMajor) -> [Int] {
        var offsets = [0]
        for (d, axis) in axes.enumerated() {
            let range = axis.starts[position[d]]..<axis.ends[position[d]]
            offsets = offsets.flatMap { base in range.map { base + $0 * units.strides[d] } }
        }
        return offsets
    }
}
