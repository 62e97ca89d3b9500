/// AvgPool1d/2d/3d (PyTorch) and SumPool1d/2d/3d (a ConvMatrix extension): a
/// k-window slid with stride s over the zero-padded input, averaged or summed.
///
///     y_{j,i} = κ_i · Σ_{m ∈ [0, k)} x̃_{j, i·s − p + m}        (x̃ = 0 on the padding)
///     κ_i     = 1                                              (SumPool)
///     κ_i     = 1 / divisor_override                           (when given)
///     κ_i     = 1 / ∏_d (min(a_d + k_d, L_d + p_d) − a_d)        (count_include_pad=True)
///     κ_i     = 1 / (real input units in the window)            (count_include_pad=False)
///
/// with a_d = i_d·s_d − p_d the window's first padded position (``PoolingAxis``):
/// the window is clipped to the padded input, so a ceil_mode overhang past the
/// right padding is never counted. Adjoint: δx_{j,u} = Σ_{i : u ∈ window(i)} κ_i δy_{j,i}.
/// Shapes: x is (C, *L), y is (C, *o) with PyTorch's pooling_output_shape
/// (``PoolingAxis/outputLength(length:kernel:stride:padding:ceilMode:)``); no weight, no bias.
///
/// SumPool is the slides' φ_struct: the same windows with coefficient 1 (it has
/// neither count_include_pad nor divisor_override). Exactness: an average's
/// 1/d is exact only for |d| a power of two.
///
///     let layer = try LayerRegistry.layer(parsing: "AvgPool1d(3, stride=2, padding=1)", input: TensorShape(parsing: "1x5"))
///     layer.output   // 1x3
public struct SlidingPooling: PoolingLayer, Hashable {
    /// What a window computes.
    public enum Reduction: Hashable, Sendable {
        /// AvgPool: the divisor follows count_include_pad unless divisor_override replaces it.
        case average(countIncludePad: Bool, divisorOverride: Int?)
        /// SumPool: coefficient 1.
        case sum
    }

    public let reduction: Reduction
    public let kernelSize: [Int]
    /// The resolved stride: kernel_size when the spec gives none (stride=None).
    public let stride: [Int]
    public let padding: [Int]
    public let ceilMode: Bool
    public let input: TensorShape
    public let output: TensorShape
    public let axes: [PoolingAxis]

    /// Binds a pooling to `input`, checking PyTorch's rules.
    ///
    /// - Parameter stride: nil for PyTorch's default, the kernel size.
    /// - Throws: ``ConvMatrixError`` of kind `.spec` naming the argument PyTorch
    ///   refuses (`kernel_size`, `stride`, `padding`, `divisor_override`), or of
    ///   kind `.shape` on `input` for an input of the wrong rank.
    public init(
        reduction: Reduction, kernelSize: [Int], stride: [Int]? = nil, padding: [Int]? = nil, ceilMode: Bool = false, input: TensorShape
    ) throws(ConvMatrixError) {
        let dimensions = kernelSize.count
        let stride = stride ?? kernelSize
        let padding = padding ?? Array(repeating: 0, count: dimensions)
        precondition((1...3).contains(dimensions) && stride.count == dimensions && padding.count == dimensions, "per-dimension arguments disagree")
        try Self.requireValid(kernelSize: kernelSize, stride: stride, padding: padding, reduction: reduction)
        let name = (reduction == .sum ? "SumPool" : "AvgPool") + "\(dimensions)d"
        try PoolingShapes.requireRank(dimensions, of: input, for: name)
        let lengths = (0..<dimensions).map {
            PoolingAxis.outputLength(length: input.spatial[$0], kernel: kernelSize[$0], stride: stride[$0], padding: padding[$0], ceilMode: ceilMode)
        }
        try PoolingShapes.requireOutputLengths(lengths, of: input)
        self.reduction = reduction
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.ceilMode = ceilMode
        self.input = input
        self.output = TensorShape(channels: input.channels, spatial: lengths)
        self.axes = (0..<dimensions).map {
            .sliding(length: input.spatial[$0], kernel: kernelSize[$0], stride: stride[$0], padding: padding[$0], ceilMode: ceilMode)
        }
    }

    /// `AvgPool2d`, `SumPool1d`, …
    public var kind: String { (reduction == .sum ? "SumPool" : "AvgPool") + "\(kernelSize.count)d" }

    /// κ_i: 1 for a sum; 1 over the override, the padded count or the real count for an average.
    public func coefficient(at position: [Int]) -> Double {
        guard case .average(let countIncludePad, let divisorOverride) = reduction else { return 1 }
        if let divisorOverride { return 1 / Double(divisorOverride) }
        let counts = axes.indices.map { countIncludePad ? axes[$0].paddedExtents[position[$0]] : axes[$0].extent(position[$0]) }
        return 1 / Double(counts.reduce(1, *))
    }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferencePooling.slidingForward(self, x: x)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferencePooling.slidingInputGradient(self, outputGradient: dy)
    }

    /// PyTorch's argument checks (Pool.h's pooling_output_shape and avg_pool's divisor check).
    private static func requireValid(kernelSize: [Int], stride: [Int], padding: [Int], reduction: Reduction) throws(ConvMatrixError) {
        for d in kernelSize.indices {
            let k = kernelSize[d], s = stride[d], p = padding[d]
            guard k >= 1 else { throw .spec("kernel_size", "kernel size should be greater than zero, but got \(k)") }
            guard s >= 1 else { throw .spec("stride", "stride should be greater than zero, but got \(s)") }
            guard p >= 0 else { throw .spec("padding", "pad must be non-negative, but got pad: \(p)") }
            for (value, field) in [(k, "kernel_size"), (s, "stride"), (p, "padding")] where value > ConvolutionSpec.largestArgument {
                throw .spec(field, "\(value) is larger than \(ConvolutionSpec.largestArgument), the largest extent ConvMatrix accepts")
            }
            guard 2 * p <= k else {
                throw .spec("padding", "pad should be at most half of effective kernel size, but got pad=\(p), kernel_size=\(k) and dilation=1")
            }
        }
        if case .average(_, let divisor?) = reduction, divisor == 0 {
            throw .spec("divisor_override", "divisor must be not zero")
        }
    }
}

/// The shape checks every pooling kind shares.
enum PoolingShapes {
    /// The input must have `dimensions` spatial dimensions.
    static func requireRank(_ dimensions: Int, of input: TensorShape, for kind: String) throws(ConvMatrixError) {
        guard input.spatial.count == dimensions else {
            let expected = ["CxL", "CxHxW", "CxDxHxW"][dimensions - 1]
            throw .shape("input", "\(kind) expects a shape \(expected), got \(input)")
        }
    }

    /// PyTorch's "Output size is too small" when a length is below 1, then the size
    /// limit every tensor of a layer has (``requireOutputFits(_:field:)``), both on `kernel_size`.
    static func requireOutputLengths(_ lengths: [Int], of input: TensorShape) throws(ConvMatrixError) {
        guard lengths.allSatisfy({ $0 >= 1 }) else {
            let shown = TensorShape(channels: input.channels, spatial: lengths).extents.map(String.init).joined(separator: "x")
            throw .spec("kernel_size", "Given input size: (\(input)). Calculated output size: (\(shown)). Output size is too small")
        }
        try requireOutputFits([input.channels] + lengths, field: "kernel_size")
    }

    /// The output may hold at most ``ConvolutionSpec/largestCount`` units, as every tensor of a layer.
    static func requireOutputFits(_ extents: [Int], field: String) throws(ConvMatrixError) {
        guard saturatingProduct(extents) <= ConvolutionSpec.largestCount else {
            let shown = extents.map(String.init).joined(separator: "x")
            throw .spec(field, "the output \(shown) would have more than \(ConvolutionSpec.largestCount) units")
        }
    }

    /// A sliding window's canonical arguments: `kernel_size=` always, `stride=` where
    /// it differs from the kernel size, `padding=` where it is not zero.
    static func windowArguments(kernelSize: [Int], stride: [Int], padding: [Int]) -> [String] {
        var arguments = ["kernel_size=\(compact(kernelSize))"]
        if stride != kernelSize { arguments.append("stride=\(compact(stride))") }
        if padding.contains(where: { $0 != 0 }) { arguments.append("padding=\(compact(padding))") }
        return arguments
    }

    /// `3` when every entry is 3, else `(3, 5)`: how a canonical spec writes a per-dimension value.
    static func compact(_ values: [Int]) -> String {
        if let first = values.first, values.allSatisfy({ $0 == first }) { return "\(first)" }
        return "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
