/// The pooling windows along one spatial dimension: for each output position i
/// the input units [start_i, end_i) it reads, and how many units its divisor counts.
///
/// A sliding window (AvgPool, SumPool) of kernel k, stride s and zero padding p
/// covers the padded positions [i·s − p, i·s − p + k); clipped to the padded
/// input, to the real input and counted (PyTorch's avg_pool kernels):
///
///     a_i     = i·s − p
///     b_i     = min(a_i + k, L + p)          (a ceil_mode overhang is not counted)
///     padded  = b_i − a_i                    (count_include_pad=True)
///     [start, end) = [max(a_i, 0), min(b_i, L)],   real = end − start
///
/// and the output length is PyTorch's pooling_output_shape:
///
///     o = ⌊(L + 2p − k) / s⌋ + 1                              (floor mode)
///     o = ⌈(L + 2p − k) / s⌉ + 1, minus 1 if (o − 1)·s ≥ L + p   (ceil_mode)
///
/// so that the last window starts inside the input or the left padding.
/// An adaptive window (AdaptiveAvgPool) of L inputs onto o outputs is
///
///     [start_i, end_i) = [⌊i·L / o⌋, ⌈(i + 1)·L / o⌉)
///
/// and a whole-map window (GlobalSumPool) is [0, L).
public struct PoolingAxis: Hashable, Sendable {
    /// The first input unit of each window.
    public let starts: [Int]
    /// One past the last input unit of each window.
    public let ends: [Int]
    /// The units each window's divisor counts when padding counts (count_include_pad).
    public let paddedExtents: [Int]

    /// Output positions along this dimension.
    public var count: Int { starts.count }

    /// The real input units window i reads.
    public func extent(_ i: Int) -> Int { ends[i] - starts[i] }

    /// Σ_i (end_i − start_i): the entries of Wᵀ this dimension contributes (a factor of the total).
    public var totalExtent: Int { zip(starts, ends).reduce(0) { $0 + $1.1 - $1.0 } }

    /// The sliding windows of a kernel over an input of `length` units.
    ///
    /// - Precondition: k ≥ 1, s ≥ 1, 0 ≤ p ≤ k/2 and the output length ≥ 1
    ///   (validated by the kind): every window then holds at least one real unit.
    public static func sliding(length: Int, kernel: Int, stride: Int, padding: Int, ceilMode: Bool) -> PoolingAxis {
        let outputs = outputLength(length: length, kernel: kernel, stride: stride, padding: padding, ceilMode: ceilMode)
        precondition(outputs >= 1 && padding >= 0 && 2 * padding <= kernel, "inadmissible pooling window along an axis")
        var starts: [Int] = [], ends: [Int] = [], padded: [Int] = []
        for i in 0..<outputs {
            let first = i * stride - padding
            let last = min(first + kernel, length + padding)
            starts.append(max(first, 0))
            ends.append(min(last, length))
            padded.append(last - first)
        }
        return PoolingAxis(starts: starts, ends: ends, paddedExtents: padded)
    }

    /// o for a sliding window: PyTorch's pooling_output_shape (dilation 1). May be ≤ 0.
    public static func outputLength(length: Int, kernel: Int, stride: Int, padding: Int, ceilMode: Bool) -> Int {
        let span = length + 2 * padding - kernel
        var outputs = floorDivide(span + (ceilMode ? stride - 1 : 0), stride) + 1
        if ceilMode, (outputs - 1) * stride >= length + padding { outputs -= 1 }
        return outputs
    }

    /// PyTorch's adaptive windows of `length` inputs onto `outputs` outputs.
    public static func adaptive(length: Int, outputs: Int) -> PoolingAxis {
        precondition(length >= 1 && outputs >= 1, "adaptive pooling of \(length) units onto \(outputs)")
        let starts = (0..<outputs).map { $0 * length / outputs }
        let ends = (0..<outputs).map { (($0 + 1) * length + outputs - 1) / outputs }
        return PoolingAxis(starts: starts, ends: ends, paddedExtents: zip(starts, ends).map { $1 - $0 })
    }

    /// One window over the whole dimension.
    public static func whole(length: Int) -> PoolingAxis {
        PoolingAxis(starts: [0], ends: [length], paddedExtents: [length])
    }

    /// ⌊a / b⌋ for b > 0, rounding towards −∞ as PyTorch's div_rtn does.
    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
