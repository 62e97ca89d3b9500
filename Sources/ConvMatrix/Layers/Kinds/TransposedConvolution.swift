/// A ConvTranspose1d, ConvTranspose2d or ConvTranspose3d layer on a given input
/// shape, as a weight-sharing matrix: the transpose of a convolution's.
///
/// Input unit (i, q) scatters into output map o through tap t (PyTorch's
/// semantics, weight w of shape (in, out/groups, *k), group g of i):
///
///     y[o, q·s − p + t·d] += w[i, o − g·(out/groups), t] · x[i, q]       (positions inside the output)
///     y[o, ·]             += b[o]
///     output length       =  (n − 1)·s − 2p + d·(k − 1) + output_padding + 1   per dimension
///
/// Its matching convolution is Conv(out, in, k, s, p, d, groups), mapping this
/// layer's output back to its input; its weight (in, out/groups, *k) has this
/// layer's layout, and
///
///     Wᵀ_transposed = (first n rows of Wᵀ_conv on the transposed output size)ᵀ
///
/// which is all of Wᵀ_conv when output_padding < stride: the convolution reads
/// n + ⌊output_padding / s⌋ positions per dimension. So parameter p is named as
/// that convolution names it, v_{ij}^t with i this layer's input map and j its
/// output map, and block (j, i) of this Wᵀ holds v_{ij}: the literal transpose.
///
/// Notes: forward y = Wᵀx + b; backward δx = W δy, which is the matching
/// convolution's forward pass (a gather: δx[i, q] = Σ_{o, t} w[i, o, t]·δy[o, q·s − p + t·d]);
/// the weight gradient is the tied reduction of δy xᵀ. Every entry is one
/// weight or zero, every coefficient 1: integer inputs give exact results.
/// Shapes: x (in, *n), y (out, *output length), w (in, out/groups, *k), b (out).
///
///     let layer = try LayerRegistry.layer(parsing: "ConvTranspose1d(1, 1, 3, stride=2)", input: TensorShape(channels: 1, spatial: [3]))
///     layer.output   // 1x7
public struct TransposedConvolution: Sendable {
    public let spec: TransposedConvolutionSpec
    /// x: (in_channels, *n).
    public let input: TensorShape
    /// y: (out_channels, *output length).
    public let output: TensorShape

    /// Binds `spec` to `input`.
    ///
    /// - Throws: ``ConvMatrixError``: `.spec` for an inadmissible spec or a padding
    ///   that leaves no output ("Output size is too small" in PyTorch, on field
    ///   `padding`); `.shape` when the input's rank or channels disagree with the
    ///   spec, or the output would have more than ``ConvolutionSpec/largestCount`` units.
    public init(_ spec: TransposedConvolutionSpec, input: TensorShape) throws(ConvMatrixError) {
        try spec.validate()
        guard input.spatial.count == spec.spatialDimensions else {
            let expected = ["CxL", "CxHxW", "CxDxHxW"][spec.spatialDimensions - 1]
            throw .shape("input", "\(spec.typeName) expects a shape \(expected), got \(input)")
        }
        guard input.channels == spec.inChannels else {
            throw .shape("input", "\(input) has \(input.channels) channel\(input.channels == 1 ? "" : "s") but in_channels is \(spec.inChannels)")
        }
        var lengths: [Int] = []
        for d in 0..<spec.spatialDimensions {
            let length = Self.outputLength(
                inputLength: input.spatial[d], kernelSize: spec.kernelSize[d], stride: spec.stride[d], padding: spec.padding[d],
                outputPadding: spec.outputPadding[d], dilation: spec.dilation[d])
            guard length >= 1 else {
                throw .spec(
                    "padding",
                    "padding \(spec.padding[d]) leaves an output of length \(length) along dimension \(d + 1) for an input of \(input.spatial[d]); the output size is too small, as PyTorch says"
                )
            }
            lengths.append(length)
        }
        let output = TensorShape(channels: spec.outChannels, spatial: lengths)
        guard saturatingProduct(output.extents) <= ConvolutionSpec.largestCount else {
            throw .shape("input", "\(input) gives an output \(output) of more than \(ConvolutionSpec.largestCount) units")
        }
        self.spec = spec
        self.input = input
        self.output = output
    }

    /// (n − 1)·s − 2p + d·(k − 1) + output_padding + 1: PyTorch's output length.
    public static func outputLength(inputLength n: Int, kernelSize k: Int, stride s: Int, padding p: Int, outputPadding a: Int, dilation d: Int) -> Int {
        (n - 1) * s - 2 * p + d * (k - 1) + a + 1
    }

    /// The name of weight parameter p, the flat index into (in, out/groups, *k):
    /// v_{ij}^t as the matching convolution names its weight (out_conv = i, in_conv = j).
    public func parameterName(_ p: Int) -> ParameterName {
        let taps = spec.tapsPerKernel
        let perGroup = spec.outChannelsPerGroup
        let i = p / (perGroup * taps)
        let localOutput = (p / taps) % perGroup
        let group = i / spec.inChannelsPerGroup
        let tap = RowMajor(spec.kernelSize).index(p % taps)
        return ParameterName(outputMap: i + 1, inputMap: group * perGroup + localOutput + 1, tap: tap.map { $0 + 1 })
    }

    /// Per dimension and per tap t: the input positions q whose landing
    /// q·s − p + t·d lies inside the output, with that landing.
    func landings(dimension d: Int) -> [[(input: Int, output: Int)]] {
        let length = output.spatial[d]
        return (0..<spec.kernelSize[d]).map { t in
            (0..<input.spatial[d]).compactMap { q in
                let landing = q * spec.stride[d] - spec.padding[d] + t * spec.dilation[d]
                return (0..<length).contains(landing) ? (q, landing) : nil
            }
        }
    }

    /// Terms of Wᵀ, counted in O(Σ k) without building them:
    ///
    ///     terms = in · out/groups · ∏_d Σ_t #{q < n : 0 ≤ q·s − p + t·d < length}
    ///     #{…}  = max(0, min(n − 1, ⌊(length − 1 + p − t·d) / s⌋) − max(0, ⌈(p − t·d) / s⌉) + 1)
    public var termCount: Int {
        let perDimension = (0..<spec.spatialDimensions).map { d in
            (0..<spec.kernelSize[d]).reduce(0) { sum, t in
                let shift = spec.padding[d] - t * spec.dilation[d], s = spec.stride[d]
                let first = max(0, -Self.floorDivision(-shift, s)), last = min(input.spatial[d] - 1, Self.floorDivision(output.spatial[d] - 1 + shift, s))
                return sum + max(0, last - first + 1)
            }
        }
        return saturatingProduct([spec.inChannels, spec.outChannelsPerGroup] + perDimension)
    }

    /// ⌊a / b⌋ for b > 0.
    private static func floorDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// The terms of Wᵀ: (output unit, input unit, parameter) for every landing of every tap.
    func terms() -> [Term] {
        let inputMap = RowMajor(input.spatial), outputMap = RowMajor(output.spatial)
        let perDimension = (0..<spec.spatialDimensions).map(landings(dimension:))
        let taps = RowMajor(spec.kernelSize)
        var terms: [Term] = []
        terms.reserveCapacity(termCount)
        for (tapIndex, tap) in taps.allIndices.enumerated() {
            var offsets: [(input: Int, output: Int)] = [(0, 0)]
            for d in 0..<spec.spatialDimensions {
                offsets = offsets.flatMap { base in
                    perDimension[d][tap[d]].map { (base.input + $0.input * inputMap.strides[d], base.output + $0.output * outputMap.strides[d]) }
                }
            }
            for i in 0..<spec.inChannels {
                let group = i / spec.inChannelsPerGroup
                for localOutput in 0..<spec.outChannelsPerGroup {
                    let o = group * spec.outChannelsPerGroup + localOutput
                    let parameter = (i * spec.outChannelsPerGroup + localOutput) * taps.count + tapIndex
                    for offset in offsets {
                        terms.append(Term(row: o * output.mapSize + offset.output, column: i * input.mapSize + offset.input, parameter: parameter))
                    }
                }
            }
        }
        return terms
    }

    /// Wᵀ as a tied matrix: output maps as row blocks, input maps as column blocks.
    public func tiedMatrix() -> TiedMatrix {
        TiedMatrix(
            rows: output.count, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: (0..<saturatingProduct(spec.weightShape)).map(parameterName), terms: terms())
    }
}
