/// MaxPool1d/2d/3d (PyTorch): the maximum of a dilated k-window slid with
/// stride s over the input padded with −∞.
///
///     y_{j,i}   = max_{m ∈ [0, k)} x̃_{j, i·s − p + m·d}          (x̃ = −∞ on the padding)
///     a(j, i)   = the first m (row-major over the kernel taps) reaching the maximum, as a unit u
///
/// y is not linear in x, so the layer is input-dependent (``InputDependentLayer``):
/// at x its matrix is the Jacobian, a selection with one 1 per row,
///
///     Wᵀ(x)[r(j,i), c(j,u)] = 1 if u = a(j, i), else 0,        y = Wᵀ(x)·x
///
/// and its adjoint routes each δy to its window's arg-max, summed where windows
/// overlap:
///
///     δx_{j,u} = Σ_{i : a(j,i) = u} δy_{j,i}
///
/// Ties go to the first maximum in the window's row-major tap order (PyTorch's
/// CPU kernel scans the taps in that order and keeps a tap only when
/// `val > maxval`); padding is −∞, so the arg-max is always a real unit. A
/// window whose taps are all padding (possible with dilation) would output −∞
/// and is refused. Shapes: x is (C, *L), y is (C, *o) with PyTorch's
/// pooling_output_shape
///
///     o = ⌊(L + 2p − d(k − 1) − 1 + (ceil ? s − 1 : 0)) / s⌋ + 1,   minus 1 if ceil_mode and (o − 1)·s ≥ L + p
///
/// No weight, no bias; every entry is the constant 1 (exact).
///
///     let layer = try LayerRegistry.layer(parsing: "MaxPool1d(3, stride=2, padding=1)", input: TensorShape(parsing: "1x6"))
///     layer.output   // 1x3
public struct MaxPooling: InputDependentLayer, ParameterFreeLayer, Hashable {
    public let kernelSize: [Int]
    /// The resolved stride: kernel_size when the spec gives none (stride=None).
    public let stride: [Int]
    public let padding: [Int]
    public let dilation: [Int]
    public let ceilMode: Bool
    public let input: TensorShape
    public let output: TensorShape
    public var point: JacobianPoint = .seed(JacobianPoint.defaultSeed)

    /// Binds a max pooling to `input`, checking PyTorch's rules.
    ///
    /// - Parameter stride: nil for PyTorch's default, the kernel size.
    /// - Throws: ``ConvMatrixError`` of kind `.spec` naming the argument PyTorch
    ///   refuses (`kernel_size`, `stride`, `padding`, `dilation`), or of kind
    ///   `.shape` on `input` for an input of the wrong rank.
    public init(
        kernelSize: [Int], stride: [Int]? = nil, padding: [Int]? = nil, dilation: [Int]? = nil, ceilMode: Bool = false,
        input: TensorShape
    ) throws(ConvMatrixError) {
        let dimensions = kernelSize.count
        let stride = stride ?? kernelSize
        let padding = padding ?? Array(repeating: 0, count: dimensions)
        let dilation = dilation ?? Array(repeating: 1, count: dimensions)
        precondition(
            (1...3).contains(dimensions) && stride.count == dimensions && padding.count == dimensions && dilation.count == dimensions,
            "per-dimension arguments disagree")
        try Self.requireValid(kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation)
        try PoolingShapes.requireRank(dimensions, of: input, for: "MaxPool\(dimensions)d")
        let lengths = (0..<dimensions).map {
            Self.outputLength(
                length: input.spatial[$0], kernel: kernelSize[$0], stride: stride[$0], padding: padding[$0], dilation: dilation[$0],
                ceilMode: ceilMode)
        }
        try PoolingShapes.requireOutputLengths(lengths, of: input)
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
        self.input = input
        self.output = TensorShape(channels: input.channels, spatial: lengths)
        try requireRealTapInEveryWindow()
    }

    /// `MaxPool1d`, `MaxPool2d` or `MaxPool3d`.
    public var kind: String { "MaxPool\(kernelSize.count)d" }

    /// o: PyTorch's pooling_output_shape with dilation. May be ≤ 0.
    public static func outputLength(length: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, ceilMode: Bool) -> Int {
        let span = length + 2 * padding - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0)
        var outputs = (span >= 0 ? span / stride : -((-span + stride - 1) / stride)) + 1
        if ceilMode, (outputs - 1) * stride >= length + padding { outputs -= 1 }
        return outputs
    }

    /// The real input coordinates each window reads along each dimension, in tap
    /// order: i·s − p + m·d for m ∈ [0, k), those in [0, L).
    ///
    /// - Complexity: O(Σ_d o_d·k_d).
    func realTaps() -> [[[Int]]] {
        kernelSize.indices.map { d in
            (0..<output.spatial[d]).map { i in
                let first = i * stride[d] - padding[d]
                return (0..<kernelSize[d]).map { first + $0 * dilation[d] }.filter { (0..<input.spatial[d]).contains($0) }
            }
        }
    }

    /// The flat offsets within one map of the real units window `position` reads,
    /// in row-major tap order (which is increasing offset order).
    static func windowOffsets(_ position: [Int], taps: [[[Int]]], units: RowMajor) -> [Int] {
        var offsets = [0]
        for d in position.indices {
            offsets = offsets.flatMap { base in taps[d][position[d]].map { base + $0 * units.strides[d] } }
        }
        return offsets
    }

    /// For each output unit, the input unit of its window's first maximum of x.
    ///
    /// - Complexity: O(output.count · ∏ k) time, O(output.count) memory.
    func argmaxUnits(of x: [Double]) -> [Int] {
        precondition(x.count == input.count, "x has \(x.count) values for \(input.count) units")
        let taps = realTaps()
        let positions = RowMajor(output.spatial), units = RowMajor(input.spatial)
        var selected = Array(repeating: 0, count: output.count)
        for i in 0..<positions.count {
            let offsets = Self.windowOffsets(positions.index(i), taps: taps, units: units)
            for j in 0..<input.channels {
                let base = j * input.mapSize
                var best = base + offsets[0]
                for offset in offsets.dropFirst() where x[base + offset] > x[best] { best = base + offset }
                selected[j * output.mapSize + i] = best
            }
        }
        return selected
    }

    /// PyTorch's argument checks: Pool.h's pooling_output_shape (p ≤ ((k − 1)·d + 1)/2,
    /// the effective kernel) and, for every dimension, the stricter limit p ≤ k/2 of
    /// max_pool1d's CPU path and pool3d_shape_check (PyTorch's MaxPool2d checks only
    /// the effective kernel), each in PyTorch's words.
    private static func requireValid(kernelSize: [Int], stride: [Int], padding: [Int], dilation: [Int]) throws(ConvMatrixError) {
        for d in kernelSize.indices {
            let k = kernelSize[d], s = stride[d], p = padding[d], dil = dilation[d]
            guard k >= 1 else { throw .spec("kernel_size", "kernel size should be greater than zero, but got \(k)") }
            guard s >= 1 else { throw .spec("stride", "stride should be greater than zero, but got \(s)") }
            guard dil >= 1 else { throw .spec("dilation", "dilation should be greater than zero, but got \(dil)") }
            guard p >= 0 else { throw .spec("padding", "pad must be non-negative, but got pad: \(p)") }
            for (value, field) in [(k, "kernel_size"), (s, "stride"), (p, "padding"), (dil, "dilation")] where value > ConvolutionSpec.largestArgument {
                throw .spec(field, "\(value) is larger than \(ConvolutionSpec.largestArgument), the largest extent ConvMatrix accepts")
            }
            guard 2 * p <= (k - 1) * dil + 1 else {
                throw .spec("padding", "pad should be at most half of effective kernel size, but got pad=\(p), kernel_size=\(k) and dilation=\(dil)")
            }
            guard 2 * p <= k else {
                throw .spec("padding", "padding should be at most half of kernel size, but got padding=\(p) and kernel_size=\(k)")
            }
        }
    }

    /// A window of padding only would output −∞ (PyTorch's −∞ padding wins): refused.
    /// Along each dimension the first tap at or after 0, m₀ = ⌈max(0, −a)/d⌉ for a window
    /// starting at a = i·s − p, must exist (m₀ < k) and fall before L.
    private func requireRealTapInEveryWindow() throws(ConvMatrixError) {
        for d in kernelSize.indices {
            for i in 0..<output.spatial[d] {
                let first = i * stride[d] - padding[d]
                let firstReal = first >= 0 ? 0 : (-first + dilation[d] - 1) / dilation[d]
                guard firstReal >= kernelSize[d] || first + firstReal * dilation[d] >= input.spatial[d] else { continue }
                let shown = kernelSize[d] <= 6 ? Array(0..<kernelSize[d]) : [0, 1, kernelSize[d] - 1]
                let taps = shown.map { String(first + $0 * dilation[d]) }.joined(separator: kernelSize[d] <= 6 ? ", " : ", …, ")
                throw .spec(
                    "dilation",
                    "window \(i) of spatial dimension \(d + 1) reads only padding (positions \(taps) of an input of length \(input.spatial[d])); "
                        + "PyTorch would output -inf there")
            }
        }
    }
}
