/// The naive transposed convolution: PyTorch's `ConvTranspose1d/2d/3d` as a
/// scatter loop, the oracle ``TransposedConvolution``'s matrix is checked against.
///
/// Written from the formula with plain loops over input units, maps and taps;
/// it computes its own output size and flat offsets (``ReferenceTensor``) and
/// calls neither the library's geometry nor the convolution reference:
///
///     y[o, q·s − p + t·d] += w[i, o − g·(out/groups), t] · x[i, q]    for every q, t with the position inside y
///     y[o, ·]             starts at b[o]
///     output length       =  (n − 1)·s − 2p + d·(k − 1) + output_padding + 1
///
/// with g = ⌊i / (in/groups)⌋ the group of input map i, o running over that
/// group's output maps. The adjoint in x is a gather over the same landings,
///
///     δx[i, q] = Σ_{o ∈ group(i)} Σ_t w[i, o_local, t] · δy[o, q·s − p + t·d]
///
/// and the adjoint in w is δw[i, o_local, t] = Σ_q δy[o, q·s − p + t·d] · x[i, q].
/// Shapes: x (in, *n), y and δy (out, *output length), w (in, out/groups, *k), b (out).
public enum ReferenceTransposedConvolution {
    /// The output y = Wᵀx + b, by scattering every input unit through every tap.
    public static func forward<S: ReferenceScalar>(
        spec: TransposedConvolutionSpec, input: TensorShape, x: [S], weight: [S], bias: [S]?
    ) -> [S] {
        let sizes = Sizes(spec: spec, input: input)
        let xs = ReferenceTensor(channels: spec.inChannels, spatial: input.spatial, values: x)
        let w = ReferenceTensor(channels: spec.inChannels * sizes.outPerGroup, spatial: spec.kernelSize, values: weight)
        var y = ReferenceTensor(channels: spec.outChannels, spatial: sizes.output, repeating: S.zero)
        if let bias {
            precondition(bias.count == spec.outChannels, "forward: \(bias.count) bias values for \(spec.outChannels) output maps")
            for o in 0..<spec.outChannels {
                for position in referencePositions(sizes.output) { y[o, position] = bias[o] }
            }
        }
        for i in 0..<spec.inChannels {
            for oLocal in 0..<sizes.outPerGroup {
                let o = sizes.group(ofInputMap: i) * sizes.outPerGroup + oLocal
                for t in sizes.taps {
                    for q in referencePositions(input.spatial) {
                        guard let landing = sizes.landing(q: q, t: t) else { continue }
                        y[o, landing] = y[o, landing] + w[i * sizes.outPerGroup + oLocal, t] * xs[i, q]
                    }
                }
            }
        }
        return y.values
    }

    /// δx = W δy: every input unit gathers the output gradient where it landed.
    public static func inputGradient(spec: TransposedConvolutionSpec, input: TensorShape, outputGradient dy: [Double], weight: [Double]) -> [Double] {
        let sizes = Sizes(spec: spec, input: input)
        let g = ReferenceTensor(channels: spec.outChannels, spatial: sizes.output, values: dy)
        let w = ReferenceTensor(channels: spec.inChannels * sizes.outPerGroup, spatial: spec.kernelSize, values: weight)
        var dx = ReferenceTensor(channels: spec.inChannels, spatial: input.spatial, repeating: 0.0)
        for i in 0..<spec.inChannels {
            for q in referencePositions(input.spatial) {
                var sum = 0.0
                for oLocal in 0..<sizes.outPerGroup {
                    let o = sizes.group(ofInputMap: i) * sizes.outPerGroup + oLocal
                    for t in sizes.taps {
                        guard let landing = sizes.landing(q: q, t: t) else { continue }
                        sum += w[i * sizes.outPerGroup + oLocal, t] * g[o, landing]
                    }
                }
                dx[i, q] = sum
            }
        }
        return dx.values
    }

    /// ∂E/∂w[i, o_local, t] = Σ_q δy[o, q·s − p + t·d] · x[i, q].
    public static func weightGradient(spec: TransposedConvolutionSpec, input: TensorShape, x: [Double], outputGradient dy: [Double]) -> [Double] {
        let sizes = Sizes(spec: spec, input: input)
        let xs = ReferenceTensor(channels: spec.inChannels, spatial: input.spatial, values: x)
        let g = ReferenceTensor(channels: spec.outChannels, spatial: sizes.output, values: dy)
        var dw = ReferenceTensor(channels: spec.inChannels * sizes.outPerGroup, spatial: spec.kernelSize, repeating: 0.0)
        for i in 0..<spec.inChannels {
            for oLocal in 0..<sizes.outPerGroup {
                let o = sizes.group(ofInputMap: i) * sizes.outPerGroup + oLocal
                for t in sizes.taps {
                    var sum = 0.0
                    for q in referencePositions(input.spatial) {
                        guard let landing = sizes.landing(q: q, t: t) else { continue }
                        sum += g[o, landing] * xs[i, q]
                    }
                    dw[i * sizes.outPerGroup + oLocal, t] = sum
                }
            }
        }
        return dw.values
    }

    /// The sizes of one reference transposed convolution, from the formula alone.
    struct Sizes {
        let spec: TransposedConvolutionSpec
        /// (n − 1)·s − 2p + d·(k − 1) + output_padding + 1 per dimension.
        let output: [Int]
        /// Every tap t, in C order.
        let taps: [[Int]]

        init(spec: TransposedConvolutionSpec, input: TensorShape) {
            precondition(
                input.channels == spec.inChannels && input.spatial.count == spec.spatialDimensions,
                "ReferenceTransposedConvolution: input \(input) does not fit \(spec.typeName) with \(spec.inChannels) input channel(s)")
            self.spec = spec
            output = input.spatial.indices.map { d in
                (input.spatial[d] - 1) * spec.stride[d] - 2 * spec.padding[d] + spec.dilation[d] * (spec.kernelSize[d] - 1)
                    + spec.outputPadding[d] + 1
            }
            taps = referencePositions(spec.kernelSize)
        }

        var outPerGroup: Int { spec.outChannels / spec.groups }

        /// g = ⌊i / (in/groups)⌋.
        func group(ofInputMap i: Int) -> Int { i / (spec.inChannels / spec.groups) }

        /// q·s − p + t·d per dimension, or nil when it falls outside the output.
        func landing(q: [Int], t: [Int]) -> [Int]? {
            var position: [Int] = []
            for d in q.indices {
                let p = q[d] * spec.stride[d] - spec.padding[d] + t[d] * spec.dilation[d]
                guard p >= 0 && p < output[d] else { return nil }
                position.append(p)
            }
            return position
        }
    }
}
