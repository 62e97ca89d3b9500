/// A Conv1d, Conv2d or Conv3d layer on a given input shape, as a weight-sharing matrix.
///
/// One N-dimensional geometry serves all three. The layer is the 'valid'
/// convolution of the extended input composed with its padding operator,
///
///     y = Wᵀ x + o + b,      Wᵀ = Wᵀ_valid · P,      o = Wᵀ_valid (c·b_border)
///
/// where o is nonzero only for `padding_mode='constant'` with c ≠ 0.
///
///     let layer = try Convolution(ConvolutionSpec(parsing: "Conv1d(2, 3, kernel_size=3, bias=False)"),
///                                 input: TensorShape(parsing: "2x6"))
///     let w = layer.tiedMatrix()       // 12×12, 72 terms, 18 parameters
///
/// Notes: forward is y = Wᵀx, backward δx = W δy (the same matrix, transposed);
/// the weight gradient is the tied reduction of δy xᵀ. Shapes: x has
/// in_channels·∏spatial units, y has out_channels·∏output spatial.
public struct Convolution: Sendable {
    public let geometry: ConvolutionGeometry
    /// P: the input to the extended input.
    public let padding: PaddingOperator
    /// The first kernel of each output map in the weight, and one past the last
    /// (``ConvolutionSpec/firstPairs``): output map j owns kernels firstPairs[j] ..< firstPairs[j+1].
    let firstPairs: [Int]

    /// Binds `spec` to `input`.
    ///
    /// - Throws: ``ConvMatrixError`` when the spec is inadmissible or does not fit the input.
    public init(_ spec: ConvolutionSpec, input: TensorShape) throws(ConvMatrixError) {
        geometry = try ConvolutionGeometry(spec: spec, input: input)
        padding = PaddingOperator(geometry: geometry)
        firstPairs = spec.firstPairs
    }

    public var spec: ConvolutionSpec { geometry.spec }
    public var input: TensorShape { geometry.input }
    public var output: TensorShape { geometry.output }

    /// The name v_{ji}^{t} of weight parameter p, with p the flat index into the
    /// weight (out, in/groups, *kernel), or (pairs, *kernel) with `connections`, in
    /// row-major order; j and i are the real output and input maps, 1-based.
    ///
    ///     kernel π = ⌊p / ∏k⌋,   j = the map with firstPairs[j] ≤ π < firstPairs[j+1],
    ///     i = C_j[π − firstPairs[j]]   (or g·(in/groups) + π − firstPairs[j])
    public func parameterName(_ p: Int) -> ParameterName {
        let taps = spec.tapsPerKernel
        let pair = p / taps
        let j = outputMap(ofPair: pair)
        let local = pair - firstPairs[j]
        let i = spec.connections?[j][local] ?? (j / spec.outChannelsPerGroup) * spec.inChannelsPerGroup + local
        let tap = RowMajor(spec.kernelSize).index(p % taps)
        return ParameterName(outputMap: j + 1, inputMap: i + 1, tap: tap.map { $0 + 1 })
    }

    /// The output map owning kernel `pair`: a binary search of ``firstPairs``.
    private func outputMap(ofPair pair: Int) -> Int {
        var (low, high) = (0, spec.outChannels - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if firstPairs[middle] <= pair { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The names of all weight parameters, in the weight's flat order.
    public var parameterNames: [ParameterName] {
        (0..<spec.weightParameterCount).map(parameterName)
    }
}
