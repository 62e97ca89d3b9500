/// Backpropagation through the reference convolution, from the slides' two identities:
///
///     ∂E/∂x = [∂E/∂z ∗ w]    (a full convolution of the output gradient with the kernel)
///     ∂E/∂w = [∂E/∂z ⋆ x]    (a cross-correlation of the input with the output gradient)
///
/// The transposed convolution handles stride and dilation: the output gradient is
/// dilated by the stride (stride − 1 zeros between its entries) and the kernel by
/// the dilation. Padding is undone last, by folding ∂E/∂x̃ back onto x.
extension ReferenceConvolution {
    /// The input gradient ∂E/∂x from the output gradient δz = ∂E/∂y.
    ///
    /// Let P[j] be δz[j] dilated by the stride and padded by d·(k−1) zeros on both
    /// sides (per dimension), so P[j, o·stride + d·(k−1)] = δz[j, o] and P is 0
    /// elsewhere. The full convolution with the kernel is a cross-correlation of P
    /// with the flipped, dilated kernel:
    ///
    ///     ∂E/∂x̃[i, e] = Σ_{j ∈ group(i)} Σ_t w[j, i_local, k−1−t] · P[j, e + t·dilation]
    ///                  = Σ_{j ∈ group(i)} Σ_{o, s : o·stride + s·dilation = e} w[j, i_local, s] · δz[j, o]
    ///     ∂E/∂x[i, u]  = Σ_{e copies u} ∂E/∂x̃[i, e]
    ///
    /// Extended units past the last window (left over by the floor in the output
    /// size) get gradient 0. Folding back drops the border of zeros and constant
    /// padding, and adds a circular, reflected or replicated border unit's gradient
    /// into the input unit it copies.
    ///
    /// Notes: for zero-like padding modes this is the adjoint of `forward` without
    /// bias, ⟨Wᵀx, δy⟩ = ⟨x, W δy⟩. For constant padding forward is affine and
    /// this is the gradient of its linear part.
    ///
    /// - Parameters:
    ///   - spec: The layer.
    ///   - input: The shape (C, *spatial) of the layer's input.
    ///   - outputGradient: δz, `outputShape(spec:input:).count` values in C order.
    ///   - weight: `spec.weightParameterCount` values in the layout (out, in/groups, *kernel).
    /// - Returns: ∂E/∂x, `input.count` values in C order.
    public static func inputGradient<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, outputGradient: [S], weight: [S]
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let delta = ReferenceTensor(channels: spec.outChannels, spatial: geometry.outputSize, values: outputGradient)
        let padded = dilatedAndPadded(delta, geometry: geometry)
        let extendedGradient = fullConvolution(padded, weight: kernelTensor(weight, geometry: geometry), geometry: geometry)
        return foldBack(extendedGradient, geometry: geometry, mode: spec.paddingMode).values
    }

    /// P: δz with stride − 1 zeros between entries and d·(k−1) zeros on both sides.
    ///
    ///     size             = (o − 1)·stride + 1 + 2·d·(k−1)   per dimension
    ///     P[j, o·stride + d·(k−1)] = δz[j, o],   0 elsewhere
    private static func dilatedAndPadded<S: ReferenceScalar>(
        _ delta: ReferenceTensor<S>, geometry: ReferenceGeometry
    ) -> ReferenceTensor<S> {
        let reach = geometry.kernelReach
        let size = delta.spatial.indices.map { d in (delta.spatial[d] - 1) * geometry.stride[d] + 1 + 2 * reach[d] }
        var padded = ReferenceTensor(channels: delta.channels, spatial: size, repeating: S.zero)
        for j in 0..<delta.channels {
            for o in referencePositions(delta.spatial) {
                let q = o.indices.map { d in o[d] * geometry.stride[d] + reach[d] }
                padded[j, q] = delta[j, o]
            }
        }
        return padded
    }

    /// ∂E/∂x̃: the cross-correlation of P with the flipped, dilated kernel, summed over
    /// the output maps of each input map's group, placed on the extended input.
    ///
    ///     full size    = size(P) − d·(k−1) = (o − 1)·stride + 1 + d·(k−1) ≤ ñ
    ///     ∂E/∂x̃[i, e] = Σ_{j ∈ group(i)} Σ_t w[j, i_local, k−1−t] · P[j, e + t·dilation]
    private static func fullConvolution<S: ReferenceScalar>(
        _ padded: ReferenceTensor<S>, weight: ReferenceTensor<S>, geometry: ReferenceGeometry
    ) -> ReferenceTensor<S> {
        let reach = geometry.kernelReach
        let fullSize = padded.spatial.indices.map { d in padded.spatial[d] - reach[d] }
        // Tap t of the flipped kernel holds tap k−1−t of w.
        let flippedTaps = geometry.taps.map { t in
            (t, t.indices.map { d in geometry.kernelSize[d] - 1 - t[d] })
        }
        var gradient = ReferenceTensor(channels: geometry.inChannels, spatial: geometry.extendedSize, repeating: S.zero)
        for i in 0..<geometry.inChannels {
            let readers = geometry.readers(ofInputMap: i)
            for e in referencePositions(fullSize) {
                var sum = S.zero
                for (j, iLocal) in readers {
                    let kernel = geometry.kernelChannel(outputMap: j, localInputMap: iLocal)
                    for (t, flipped) in flippedTaps {
                        var q = e
                        for d in q.indices { q[d] += t[d] * geometry.dilation[d] }
                        sum = sum + weight[kernel, flipped] * padded[j, q]
                    }
                }
                gradient[i, e] = sum
            }
        }
        return gradient
    }

    /// The weight gradient ∂E/∂w: the cross-correlation of x̃ with δz dilated by the stride.
    ///
    ///     ∂E/∂w[j, i_local, s] = Σ_o δz[j, o] · x̃[i, o·stride + s·dilation],   i = g·(in/groups) + i_local
    ///
    /// The zeros the stride inserts into δz contribute nothing, so the sum runs over
    /// the output units o only.
    ///
    /// Notes: for a fixed input, forward without bias is linear in w, and this is
    /// its adjoint: ⟨y(w), δy⟩ = ⟨w, ∂E/∂w(δy)⟩.
    ///
    /// - Parameters:
    ///   - spec: The layer.
    ///   - input: The shape (C, *spatial) of `x`.
    ///   - x: The layer's input, `input.count` values in C order.
    ///   - outputGradient: δz, `outputShape(spec:input:).count` values in C order.
    /// - Returns: ∂E/∂w, `spec.weightParameterCount` values in the layout (out, in/groups, *kernel).
    public static func weightGradient<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, x: [S], outputGradient: [S]
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let extended = extend(x, input: input, geometry: geometry, mode: spec.paddingMode)
        let delta = ReferenceTensor(channels: spec.outChannels, spatial: geometry.outputSize, values: outputGradient)
        var gradient = ReferenceTensor(channels: geometry.kernelCount, spatial: geometry.kernelSize, repeating: S.zero)
        let outputPositions = referencePositions(geometry.outputSize)
        for j in 0..<spec.outChannels {
            for (iLocal, i) in geometry.inputMaps(ofOutputMap: j).enumerated() {
                let kernel = geometry.kernelChannel(outputMap: j, localInputMap: iLocal)
                for s in geometry.taps {
                    var sum = S.zero
                    for o in outputPositions {
                        sum = sum + delta[j, o] * extended[i, geometry.extendedPosition(output: o, tap: s)]
                    }
                    gradient[kernel, s] = sum
                }
            }
        }
        return gradient.values
    }

    /// The bias gradient ∂E/∂b[j] = Σ_o δz[j, o]; for `bias='untied'`,
    /// ∂E/∂b[j, o] = δz[j, o].
    ///
    /// - Returns: One value per output map, or per output unit when untied.
    public static func biasGradient<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, outputGradient: [S]
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let delta = ReferenceTensor(channels: spec.outChannels, spatial: geometry.outputSize, values: outputGradient)
        let outputPositions = referencePositions(geometry.outputSize)
        if geometry.untiedBias {
            var gradient: [S] = []
            for j in 0..<spec.outChannels { for o in outputPositions { gradient.append(delta[j, o]) } }
            return gradient
        }
        return (0..<spec.outChannels).map { j in
            outputPositions.reduce(S.zero) { sum, o in sum + delta[j, o] }
        }
    }
}
