/// How many extended units a padding adds before and after one spatial dimension.
public struct SidePadding: Hashable, Sendable {
    public var before: Int
    public var after: Int

    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }

    public var total: Int { before + after }
}

/// The `padding=` argument of a convolution spec, as the user wrote it.
///
/// PyTorch's forms (`padding=1`, `padding=(1, 2)`, `'valid'`, `'same'`) plus two
/// extensions: `'full'` (the slides' third border mode) and explicit asymmetric
/// pairs in numpy's `pad_width` order, `padding=((top, bottom), (left, right))`.
public enum Padding: Hashable, Sendable {
    /// No padding (`'valid'`).
    case valid
    /// Output as long as the input (stride 1 only). Total d·(k−1) per dimension,
    /// ⌊total/2⌋ before and the rest after, as in PyTorch.
    case same
    /// d·(k−1) on both sides: every partial overlap of kernel and input.
    case full
    /// The same amount on both sides, one amount per spatial dimension.
    case symmetric([Int])
    /// A (before, after) pair per spatial dimension.
    case asymmetric([SidePadding])

    /// The amounts per spatial dimension, for kernels `kernelSize` with `dilation`.
    ///
    ///     same:  total = d·(k−1),  before = ⌊total/2⌋,  after = total − before
    ///     full:  before = after = d·(k−1)
    public func resolved(kernelSize: [Int], dilation: [Int]) -> [SidePadding] {
        let reach = zip(kernelSize, dilation).map { k, d in d * (k - 1) }
        switch self {
        case .valid:
            return reach.map { _ in SidePadding(before: 0, after: 0) }
        case .same:
            return reach.map { SidePadding(before: $0 / 2, after: $0 - $0 / 2) }
        case .full:
            return reach.map { SidePadding(before: $0, after: $0) }
        case .symmetric(let amounts):
            return amounts.map { SidePadding(before: $0, after: $0) }
        case .asymmetric(let pairs):
            return pairs
        }
    }
}

/// How the border units of the extended input get their values (`padding_mode=`).
public enum PaddingMode: Hashable, Sendable {
    /// Border units are 0 (PyTorch's default).
    case zeros
    /// Border units wrap around to the other side of the input.
    case circular
    /// Border units mirror the input, excluding the edge unit.
    case reflect
    /// Border units repeat the edge unit.
    case replicate
    /// Border units are a fixed value (an extension: `padding_value=`).
    case constant(Double)

    /// The keyword as written in a spec: `'zeros'`, `'circular'`, …
    public var name: String {
        switch self {
        case .zeros: "zeros"
        case .circular: "circular"
        case .reflect: "reflect"
        case .replicate: "replicate"
        case .constant: "constant"
        }
    }
}
