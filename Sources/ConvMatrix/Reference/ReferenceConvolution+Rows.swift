/// The sliding-window sum for a few output units only: what a check samples on a
/// layer too large for a whole formal pass.
extension ReferenceConvolution {
    /// y[r] for each flat output unit r of `units` (C order: r = j·∏o + position),
    /// by the same sum as ``forward(spec:input:x:weight:bias:)``:
    ///
    ///     y[j, o] = Σ_{i ∈ group(j)} Σ_s w[j, i_local, s] · x̃[i, o·stride + s·dilation]
    ///
    /// plus b[j] (b[j, o] when untied) when `bias` is given, the sum starting from it as there.
    /// The input is extended once; each unit then costs its fan-in.
    ///
    /// - Complexity: O(extended input + |units| · in/groups · ∏k).
    public static func forward<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, x: [S], weight: [S], bias: [S]? = nil, units: [Int]
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let extended = extend(x, input: input, geometry: geometry, mode: spec.paddingMode)
        let w = kernelTensor(weight, geometry: geometry)
        let b = bias.map { ReferenceTensor(channels: geometry.outChannels, spatial: geometry.untiedBias ? geometry.outputSize : [], values: $0) }
        let mapSize = geometry.outputSize.reduce(1, *)
        return units.map { r in
            let (j, o) = (r / mapSize, ReferenceIndexing.digits(of: r % mapSize, extents: geometry.outputSize))
            let bjo = b.map { geometry.untiedBias ? $0[j, o] : $0[j, []] } ?? .zero
            return outputUnit(j: j, o: o, extended: extended, weight: w, bias: bjo, geometry: geometry)
        }
    }
}
