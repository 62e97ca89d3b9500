/// The naive max pooling reference, written from PyTorch's formula with plain
/// loops over the kernel taps, sharing no index code with the matrix form
/// (``MaxPooling/argmaxUnits(of:)``):
///
///     y_{j,i} = max_{m ∈ [0, k)} x̃_{j, i·s − p + m·d},    x̃ = −∞ outside [0, L)
///
/// Along each dimension the taps on the input solve 0 ≤ i·s − p + m·d ≤ L − 1:
///
///     m ∈ [⌈(p − i·s)/d⌉, ⌊(L − 1 + p − i·s)/d⌋] ∩ [0, k)
///
/// and only those are visited: a −∞ tap never beats a real one, and every window
/// holds one (the layer refuses the others), so the maximum is the same, and the
/// loops cost the window's real taps rather than ∏k (a kernel of 2²⁰ per
/// dimension on a small input). The taps are scanned in row-major order and a
/// tap replaces the best only when strictly greater (`val > maxval`, as
/// PyTorch's CPU kernel), so a tie keeps the first maximum. Forward of the
/// Jacobian and its adjoint read these arg-maxes
/// (``MaxPooling/referenceForward(x:weight:bias:)``).
enum ReferenceMaxPooling {
    /// One window's maximum and the flat input unit (over all maps) holding it.
    typealias Maximum = (value: Double, unit: Int)

    /// Every output unit's window maximum of x, in output order.
    static func windowMaxima(_ layer: MaxPooling, x: [Double]) -> [Maximum] {
        let spatial = layer.input.spatial
        let inMap = spatial.reduce(1, *)
        let outMap = layer.output.spatial.reduce(1, *)
        var maxima: [Maximum] = []
        for j in 0..<layer.input.channels {
            for i in 0..<outMap {
                let position = ReferenceIndexing.digits(of: i, extents: layer.output.spatial)
                var first: [Int] = [], counts: [Int] = []
                for d in spatial.indices {
                    let start = position[d] * layer.stride[d] - layer.padding[d]
                    let low = max(0, ceilingDivide(-start, layer.dilation[d]))
                    let high = min(layer.kernelSize[d] - 1, floorDivide(spatial[d] - 1 - start, layer.dilation[d]))
                    first.append(low)
                    counts.append(max(0, high - low + 1))
                }
                var best = -Double.infinity
                var unit = -1
                for t in 0..<counts.reduce(1, *) {
                    let tap = ReferenceIndexing.digits(of: t, extents: counts)
                    var offset = 0
                    for d in spatial.indices {
                        let coordinate = position[d] * layer.stride[d] - layer.padding[d] + (first[d] + tap[d]) * layer.dilation[d]
                        offset = offset * spatial[d] + coordinate
                    }
                    if x[j * inMap + offset] > best {
                        best = x[j * inMap + offset]
                        unit = j * inMap + offset
                    }
                }
                precondition(unit >= 0, "window \(i) of map \(j) reads only padding")
                maxima.append((best, unit))
            }
        }
        return maxima
    }

    /// ⌊a / b⌋ for b > 0.
    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// ⌈a / b⌉ for b > 0.
    private static func ceilingDivide(_ a: Int, _ b: Int) -> Int {
        -floorDivide(-a, b)
    }

}
