/// The slides' two gradient identities for a few units or parameters only: what
/// the sparse path's check samples on a layer too large for whole reference passes
/// (AlexNet's conv1: 154,587 inputs, 34,848 weights).
extension ReferenceConvolution {
    /// ∂E/∂x[r] for each flat input unit r of `units` (C order: r = i·∏n + position),
    /// the same sum as ``inputGradient(spec:input:outputGradient:weight:)`` read
    /// backwards from one input unit:
    ///
    ///     ∂E/∂x[i, u] = Σ_{e copies u} Σ_{j reads i} Σ_{s, o : o·stride + s·dilation = e} w[j, i_local, s] · δz[j, o]
    ///
    /// Each dimension is solved on its own: the extended coordinates e_d that copy
    /// u_d (one inside; more under circular, reflect or replicate padding), and for
    /// each e_d the pairs (s_d, o_d) with o_d·stride + s_d·dilation = e_d.
    ///
    /// - Complexity: O(|units| · readers · the (e, s, o) triples of one unit).
    public static func inputGradient<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, outputGradient: [S], weight: [S], units: [Int]
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let delta = ReferenceTensor(channels: spec.outChannels, spatial: geometry.outputSize, values: outputGradient)
        let w = kernelTensor(weight, geometry: geometry)
        let dimensions = geometry.inputSize.indices
        let copies = dimensions.map { d in copiers(dimension: d, geometry: geometry, mode: spec.paddingMode) }
        let windows = dimensions.map { d in windowPairs(dimension: d, geometry: geometry) }
        let readers = (0..<geometry.inChannels).map { geometry.readers(ofInputMap: $0) }
        let mapSize = geometry.inputSize.reduce(1, *)
        return units.map { r in
            let (i, u) = (r / mapSize, ReferenceIndexing.digits(of: r % mapSize, extents: geometry.inputSize))
            var sum = S.zero
            for e in cartesian(dimensions.map { copies[$0][u[$0]] }) {
                for pairs in cartesian(dimensions.map { windows[$0][e[$0]] }) {
                    let (s, o) = (pairs.map(\.tap), pairs.map(\.output))
                    for (j, iLocal) in readers[i] {
                        sum = sum + w[geometry.kernelChannel(outputMap: j, localInputMap: iLocal), s] * delta[j, o]
                    }
                }
            }
            return sum
        }
    }

    /// ∂E/∂w[p] for each flat weight index p of `parameters` (layout (out, in/groups, *kernel)):
    ///
    ///     ∂E/∂w[j, i_local, s] = Σ_o δz[j, o] · x̃[i, o·stride + s·dilation]
    ///
    /// as ``weightGradient(spec:input:x:outputGradient:)``, one parameter at a time.
    ///
    /// - Complexity: O(extended input + |parameters| · output positions).
    public static func weightGradient<S: ReferenceScalar>(
        spec: ConvolutionSpec, input: TensorShape, x: [S], outputGradient: [S], parameters: [Int]
    ) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let extended = extend(x, input: input, geometry: geometry, mode: spec.paddingMode)
        let delta = ReferenceTensor(channels: spec.outChannels, spatial: geometry.outputSize, values: outputGradient)
        var kernels: [(outputMap: Int, inputMap: Int)] = Array(repeating: (0, 0), count: geometry.kernelCount)
        for j in 0..<spec.outChannels {
            for (iLocal, i) in geometry.inputMaps(ofOutputMap: j).enumerated() {
                kernels[geometry.kernelChannel(outputMap: j, localInputMap: iLocal)] = (j, i)
            }
        }
        let tapCount = geometry.kernelSize.reduce(1, *)
        let outputPositions = referencePositions(geometry.outputSize)
        return parameters.map { p in
            let (j, i) = kernels[p / tapCount]
            let s = ReferenceIndexing.digits(of: p % tapCount, extents: geometry.kernelSize)
            return outputPositions.reduce(S.zero) { sum, o in
                sum + delta[j, o] * extended[i, geometry.extendedPosition(output: o, tap: s)]
            }
        }
    }

    /// For each input coordinate u of dimension d, the extended coordinates that copy it.
    private static func copiers(dimension d: Int, geometry: ReferenceGeometry, mode: PaddingMode) -> [[Int]] {
        var copies = Array(repeating: [Int](), count: geometry.inputSize[d])
        for e in 0..<geometry.extendedSize[d] {
            if let u = sourceCoordinate(e - geometry.before[d], size: geometry.inputSize[d], mode: mode) { copies[u].append(e) }
        }
        return copies
    }

    /// For each extended coordinate e of dimension d, every (tap s, output o) with o·stride + s·dilation = e.
    private static func windowPairs(dimension d: Int, geometry: ReferenceGeometry) -> [[(tap: Int, output: Int)]] {
        var pairs = Array(repeating: [(tap: Int, output: Int)](), count: geometry.extendedSize[d])
        for o in 0..<geometry.outputSize[d] {
            for s in 0..<geometry.kernelSize[d] { pairs[o * geometry.stride[d] + s * geometry.dilation[d]].append((s, o)) }
        }
        return pairs
    }

    /// Every choice of one element from each list, the last list fastest.
    private static func cartesian<T>(_ lists: [[T]]) -> [[T]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }
}
