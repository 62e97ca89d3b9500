/// A layer's kernels v_{ji} as a grid for pictures: one row per output map j,
/// one kernel per input map i that j reads, each kernel its taps t in C order.
///
///     Conv:            v_{ji}^t = weight[j, i − g·in/groups, t]       (i in j's group g)
///     connections:     row j holds the kernels of the input maps C_j, in C_j's order
///     ConvTranspose:   v_{ji}^t = weight[i, j − g·out/groups, t]     (PyTorch's (in, out/groups, *k))
///
/// so that every layout reads as the slides' v_{ji}: row = output map, column =
/// input map (1-based in the labels).
public struct KernelGrid: Sendable, Equatable {
    /// One kernel: the input map it reads (0-based) and its taps, flat in C order.
    public struct Kernel: Sendable, Equatable {
        public let inputMap: Int
        public let taps: [Double]
    }

    /// The kernel's extents: (k), (k₁, k₂) or (k₁, k₂, k₃).
    public let kernelSize: [Int]
    /// rows[j]: output map j's kernels.
    public let rows: [[Kernel]]

    /// The kernels of `layer` with `weight` in its PyTorch layout.
    ///
    /// - Throws: ``ConvMatrixError`` `.shape` for a layer without kernels (Linear,
    ///   pooling, activations) or a weight of the wrong size.
    public init(layer: any Layer, weight: [Double]) throws(ConvMatrixError) {
        guard weight.count == layer.weightParameterCount else {
            throw .shape("weight", "\(weight.count) values for a weight of \(layer.weightParameterCount)")
        }
        if let convolution = layer as? Convolution {
            let spec = convolution.spec
            self.init(kernelSize: spec.kernelSize, rows: Self.convolutionRows(spec, weight: weight))
        } else if let transposed = layer as? TransposedConvolution {
            let spec = transposed.spec
            self.init(kernelSize: spec.kernelSize, rows: Self.transposedRows(spec, weight: weight))
        } else {
            throw .shape("view", "\(layer.specDescription) has no kernels: --view kernels draws a convolution's or a transposed convolution's")
        }
    }

    init(kernelSize: [Int], rows: [[Kernel]]) {
        self.kernelSize = kernelSize
        self.rows = rows
    }

    /// The largest |tap|, for a colour scale symmetric around 0.
    public var largestMagnitude: Double { rows.joined().flatMap(\.taps).map(abs).max() ?? 0 }

    /// weight = (out, in/groups, *k), or (Σ_j |C_j|, *k) with connections.
    private static func convolutionRows(_ spec: ConvolutionSpec, weight: [Double]) -> [[Kernel]] {
        let taps = spec.tapsPerKernel
        var next = 0
        return (0..<spec.outChannels).map { j in
            let group = j / spec.outChannelsPerGroup
            let maps = spec.connections?[j] ?? Array((group * spec.inChannelsPerGroup)..<((group + 1) * spec.inChannelsPerGroup))
            return maps.map { i in
                defer { next += 1 }
                return Kernel(inputMap: i, taps: Array(weight[(next * taps)..<((next + 1) * taps)]))
            }
        }
    }

    /// weight = (in, out/groups, *k): kernel (j, i) is weight[i, j − g·out/groups].
    private static func transposedRows(_ spec: TransposedConvolutionSpec, weight: [Double]) -> [[Kernel]] {
        let taps = spec.kernelSize.reduce(1, *)
        let (outPerGroup, inPerGroup) = (spec.outChannels / spec.groups, spec.inChannels / spec.groups)
        return (0..<spec.outChannels).map { j in
            let g = j / outPerGroup
            return ((g * inPerGroup)..<((g + 1) * inPerGroup)).map { i in
                let start = (i * outPerGroup + j - g * outPerGroup) * taps
                return Kernel(inputMap: i, taps: Array(weight[start..<(start + taps)]))
            }
        }
    }
}
