/// The naive sliding-window convolution: the independent oracle every matrix is checked against.
///
/// Written straight from the slides' formulas with plain loops over output units,
/// maps and taps. It shares no index arithmetic with the rest of the library
/// (padding amounts, output sizes and flat offsets are computed again in this
/// folder), uses no BLAS, and is generic over ``ReferenceScalar`` so that the same
/// loops run on `Double` or on a symbolic scalar.
///
/// The semantics are PyTorch's `Conv1d/2d/3d`: a cross-correlation, as on the
/// slides (z_t = Σ_s w_s · x_{t+s}), of the extended input x̃ (see
/// ``extendedInput(spec:input:x:)``):
///
///     y[j, o] = b[j] + Σ_{i ∈ group(j)} Σ_s w[j, i − g·(C/G), s] · x̃[i, o·stride + s·dilation]
///
/// with g = ⌊j / (out/groups)⌋ the group of output map j and s running over every
/// tap of the kernel. Tensors are flat arrays in C order, exactly torch's
/// `.flatten()`: the input x is (C, *spatial), the output y is (out, *outSpatial),
/// the weight w is (out, in/groups, *kernel) and the bias b is (out).
///
/// LeCun 1989's extensions: with a connection table, output map j reads the input
/// maps of its list C_j instead of its group, with the kernels w[π(j, i), s] of the
/// weight (pairs, *kernel); with `bias='untied'`, b[j] becomes b[j, o], one per
/// output unit, of shape (out, *outSpatial).
///
/// ```
/// // Conv1d(1, 1, 3, bias=False) with the smoothing kernel [1, 2, 1]:
/// let spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1,
///                            kernelSize: [3], bias: false)
/// ReferenceConvolution.forward(spec: spec, input: TensorShape(channels: 1, spatial: [5]),
///                              x: [1, 2, 3, 5, 8], weight: [1, 2, 1], bias: nil)
/// // [8.0, 13.0, 21.0]
/// ```
///
/// Notes: without bias and with a zero-like padding mode (zeros, circular,
/// reflect, replicate), forward is a linear map y = Wᵀx, and
/// ``inputGradient(spec:input:outputGradient:weight:)`` is its adjoint δx = W δy:
///
///     ⟨Wᵀx, δy⟩ = ⟨x, W δy⟩
///
/// For a fixed input, forward is linear in the weight too, and
/// ``weightGradient(spec:input:x:outputGradient:)`` is that map's adjoint. Shapes:
/// x (C, *n), x̃ (C, *(n + before + after)), y and δy (out, *o), w (out, C/G, *k).
///
/// The caller validates the spec and the input shape; array lengths that disagree
/// with them are broken invariants and trap with the lengths in the message.
public enum ReferenceConvolution {
    /// The output shape (out_channels, o per dimension), o = ⌊(n + before + after − d·(k−1) − 1) / s⌋ + 1.
    public static func outputShape(spec: ConvolutionSpec, input: TensorShape) -> TensorShape {
        TensorShape(channels: spec.outChannels, spatial: ReferenceGeometry(spec: spec, input: input).outputSize)
    }

    /// The layer's output y = Wᵀx + b, by the sliding window.
    ///
    ///     y[j, o] = b[j] + Σ_{i ∈ group(j)} Σ_s w[j, i_local, s] · x̃[i, o·stride + s·dilation]
    ///
    /// - Parameters:
    ///   - spec: The layer (its `bias` flag is ignored: pass `bias` or nil).
    ///   - input: The shape (C, *spatial) of `x`.
    ///   - x: The input, `input.count` values in C order.
    ///   - weight: `spec.weightParameterCount` values in the layout (out, in/groups, *kernel).
    ///   - bias: One value per output map, or nil for none.
    /// - Returns: y, `outputShape(spec:input:).count` values in C order.
    /// - Complexity: O(out · ∏o · in/groups · ∏k) products.
    public static func forward<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, x: [S], weight: [S], bias: [S]?
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let extended = extend(x, input: input, geometry: geometry, mode: spec.paddingMode)
        let w = kernelTensor(weight, geometry: geometry)
        let b = bias.map { biasTensor($0, geometry: geometry) }
        var y = ReferenceTensor(channels: spec.outChannels, spatial: geometry.outputSize, repeating: S.zero)
        for j in 0..<spec.outChannels {
            for o in referencePositions(geometry.outputSize) {
                let bjo = b.map { geometry.untiedBias ? $0[j, o] : $0[j, []] } ?? .zero
                y[j, o] = outputUnit(j: j, o: o, extended: extended, weight: w, bias: bjo, geometry: geometry)
            }
        }
        return y.values
    }

    /// The bias as a tensor: (out, *o) when untied, b[j, o]; (out) otherwise, b[j, []].
    private static func biasTensor<S>(_ bias: [S], geometry: ReferenceGeometry) -> ReferenceTensor<S> {
        ReferenceTensor(channels: geometry.outChannels, spatial: geometry.untiedBias ? geometry.outputSize : [], values: bias)
    }

    /// One output unit: b[j] + Σ_{i ∈ group(j)} Σ_s w[j, i_local, s] · x̃[i, o·stride + s·dilation].
    static func outputUnit<S: ReferenceScalar>(
        j: Int, o: [Int], extended: ReferenceTensor<S>, weight: ReferenceTensor<S>, bias: S,
        geometry: ReferenceGeometry
    ) -> S {
        var sum = bias
        for (iLocal, i) in geometry.inputMaps(ofOutputMap: j).enumerated() {
            let kernel = geometry.kernelChannel(outputMap: j, localInputMap: iLocal)
            for s in geometry.taps {
                sum = sum + weight[kernel, s] * extended[i, geometry.extendedPosition(output: o, tap: s)]
            }
        }
        return sum
    }

    /// Wraps a flat weight (out, in/groups, *kernel) or (pairs, *kernel) as a tensor
    /// whose channel is ``ReferenceGeometry/kernelChannel(outputMap:localInputMap:)``.
    static func kernelTensor<S>(_ weight: [S], geometry: ReferenceGeometry) -> ReferenceTensor<S> {
        ReferenceTensor(
            channels: geometry.kernelCount, spatial: geometry.kernelSize,
            values: weight)
    }
}
