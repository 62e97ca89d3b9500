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

    /// Binds `spec` to `input`.
    ///
    /// - Throws: ``ConvMatrixError`` when the spec is inadmissible or does not fit the input.
    public init(_ spec: ConvolutionSpec, input: TensorShape) throws(ConvMatrixError) {
        geometry = try ConvolutionGeometry(spec: spec, input: input)
        padding = PaddingOperator(geometry: geometry)
    }

    public var spec: ConvolutionSpec { geometry.spec }
    public var input: TensorShape { geometry.input }
    public var output: TensorShape { geometry.output }

    /// The output map of an output unit: its bias parameter when the layer has a bias.
    public func outputMap(ofRow row: Int) -> Int { row / output.mapSize }

    /// The name v_{ji}^{t} of weight parameter p, with p the flat index into the
    /// weight (out, in/groups, *kernel) in row-major order.
    public func parameterName(_ p: Int) -> ParameterName {
        let taps = spec.tapsPerKernel
        let perGroup = spec.inChannelsPerGroup
        let j = p / (perGroup * taps)
        let localInput = (p / taps) % perGroup
        let group = j / spec.outChannelsPerGroup
        let tap = RowMajor(spec.kernelSize).index(p % taps)
        return ParameterName(
            outputMap: j + 1, inputMap: group * perGroup + localInput + 1, tap: tap.map { $0 + 1 })
    }

    /// The names of all weight parameters, in the weight's flat order.
    public var parameterNames: [ParameterName] {
        (0..<spec.weightParameterCount).map(parameterName)
    }
}
