/// Where each output position's window lands inside one input map: the part of
/// a convolution's rows that every output map and input map repeats.
///
/// Along dimension d, output index o's tap t reads extended index
/// u = o·s + t·dil, which the padding operator P sends to input index
/// σ_d(u − before) (``PaddingOperator/sourceIndex(_:length:mode:)``) or to a
/// constant border unit. Output position o = (o_1, …, o_N) reads, for each tap
/// tuple t whose every σ_d exists, the input unit Σ_d σ_d · stride_d with the tap
/// Σ_d t_d · kstride_d: a product over dimensions. Grouping each dimension's few
/// taps by σ_d (ascending, each group's taps ascending) and taking the product
/// of the groups lexicographically (dimension 1 outermost) lists the window's
/// units in ascending order, since row-major offsets order as their index tuples
/// do; the taps that land on one unit (reflect, replicate, circular) follow each
/// other, as the product of their groups' taps, by ascending tap index. So every
/// row comes out sorted by (column, parameter) as ``TiedMatrix`` sorts it, and no
/// sort of a full term list is ever needed.
///
/// The table holds, per output position (row-major), its valid taps as
/// (offset within the input map, tap within the kernel), and, for constant
/// padding, the taps on border units as (offset within the extended map, tap),
/// in tap order, which is ascending extended order.
struct ConvolutionWindowTable {
    /// starts[o] ..< starts[o + 1]: position o's valid taps.
    private(set) var starts: [Int] = [0]
    /// Offset of each valid tap's input unit within its input map.
    private(set) var columns: [Int32] = []
    /// Each valid tap's index within the kernel, row-major.
    private(set) var taps: [Int32] = []
    /// borderStarts[o] ..< borderStarts[o + 1]: position o's taps on border units.
    private(set) var borderStarts: [Int] = [0]
    /// Offset of each border tap's extended unit within its extended map.
    private(set) var borderColumns: [Int32] = []
    /// Each border tap's index within the kernel.
    private(set) var borderTaps: [Int32] = []

    /// One dimension's share of a unit: its offset (input or extended), the kernel
    /// offsets of the taps that land on it, ascending, and whether it is on the border.
    private typealias AxisGroup = (offset: Int, taps: [Int], border: Bool)

    /// The table of `layer`; border taps only when `withBorder` (constant padding with an offset).
    ///
    /// - Complexity: O(output map size · ∏k) time and memory, independent of the channels.
    init(_ layer: Convolution, withBorder: Bool) {
        let input = RowMajor(layer.input.spatial)
        let extended = RowMajor(layer.geometry.extendedInput.spatial)
        let kernel = RowMajor(layer.spec.kernelSize)
        let dimensions = layer.input.spatial.indices
        let validAxes = dimensions.map { d in Self.axisTaps(layer, d).map { $0.valid(stride: input.strides[d], kernelStride: kernel.strides[d]) } }
        let allAxes =
            withBorder ? dimensions.map { d in Self.axisTaps(layer, d).map { $0.all(stride: extended.strides[d], kernelStride: kernel.strides[d]) } } : []
        let positions = RowMajor(layer.output.spatial)
        for flat in 0..<positions.count {
            let position = positions.index(flat)
            Self.product(position.indices.map { validAxes[$0][position[$0]] }) { column, tap, _ in
                columns.append(Int32(truncatingIfNeeded: column))
                taps.append(Int32(truncatingIfNeeded: tap))
            }
            starts.append(columns.count)
            guard withBorder else { continue }
            Self.product(position.indices.map { allAxes[$0][position[$0]] }) { column, tap, border in
                guard border else { return }
                borderColumns.append(Int32(truncatingIfNeeded: column))
                borderTaps.append(Int32(truncatingIfNeeded: tap))
            }
            borderStarts.append(borderColumns.count)
        }
    }

    /// Along one dimension, for each output index, its taps as (source or nil, extended index, tap).
    private static func axisTaps(_ layer: Convolution, _ d: Int) -> [AxisWindow] {
        let spec = layer.spec
        let before = layer.geometry.padding[d].before
        let n = layer.input.spatial[d]
        return (0..<layer.output.spatial[d]).map { o in
            AxisWindow(
                taps: (0..<spec.kernelSize[d]).map { t in
                    let u = o * spec.stride[d] + t * spec.dilation[d]
                    return (PaddingOperator.sourceIndex(u - before, length: n, mode: spec.paddingMode), u, t)
                })
        }
    }

    /// The lexicographic product of per-dimension groups, dimension 1 outermost,
    /// and within each tuple of groups the lexicographic product of their taps:
    /// for each tap tuple, the sum of its offsets, the sum of its kernel offsets,
    /// and whether any of its dimensions is on the border.
    private static func product(_ axes: [[AxisGroup]], _ emit: (Int, Int, Bool) -> Void) {
        var chosen: [[Int]] = Array(repeating: [], count: axes.count)
        func taps(_ d: Int, _ offset: Int, _ tap: Int, _ border: Bool) {
            guard d < chosen.count else { return emit(offset, tap, border) }
            for t in chosen[d] { taps(d + 1, offset, tap + t, border) }
        }
        func groups(_ d: Int, _ offset: Int, _ border: Bool) {
            guard d < axes.count else { return taps(0, offset, 0, border) }
            for group in axes[d] {
                chosen[d] = group.taps
                groups(d + 1, offset + group.offset, border || group.border)
            }
        }
        groups(0, 0, false)
    }

    /// The valid taps of one map's output positions, Σ_o (valid taps of o): the
    /// product over dimensions of Σ_{o_d} (valid taps of o_d), without building the table.
    /// Allocates nothing of the input's size: it runs before the size guard.
    static func validTapCount(_ layer: Convolution) -> Int {
        let spec = layer.spec
        return saturatingProduct(
            layer.input.spatial.indices.map { d in
                let (before, n) = (layer.geometry.padding[d].before, layer.input.spatial[d])
                var count = 0
                for o in 0..<layer.output.spatial[d] {
                    for t in 0..<spec.kernelSize[d] {
                        let u = o * spec.stride[d] + t * spec.dilation[d] - before
                        if PaddingOperator.sourceIndex(u, length: n, mode: spec.paddingMode) != nil { count += 1 }
                    }
                }
                return count
            })
    }

    /// Bytes the per-dimension tap lists hold while the table is built: at most
    /// 128 bytes per (output index, tap) of each dimension, two lists of them.
    static func axisBytes(_ layer: Convolution) -> Int {
        layer.output.spatial.indices.reduce(0) { saturatingSum($0, saturatingProduct(layer.output.spatial[$1], layer.spec.kernelSize[$1], 256)) }
    }

    /// One output index's taps along one dimension.
    private struct AxisWindow {
        let taps: [(source: Int?, extended: Int, tap: Int)]

        /// The taps that read an input unit, grouped by source, ascending, as offsets.
        func valid(stride: Int, kernelStride: Int) -> [AxisGroup] {
            var groups: [Int: [Int]] = [:]
            for tap in taps { if let source = tap.source { groups[source, default: []].append(tap.tap * kernelStride) } }
            return groups.keys.sorted().map { (offset: $0 * stride, taps: groups[$0] ?? [], border: false) }
        }

        /// Every tap in tap order, one group each, as extended offsets, border ones marked.
        func all(stride: Int, kernelStride: Int) -> [AxisGroup] {
            taps.map { (offset: $0.extended * stride, taps: [$0.tap * kernelStride], border: $0.source == nil) }
        }
    }
}
