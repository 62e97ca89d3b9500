/// The naive max pooling reference, written from PyTorch's formula with plain
/// loops over every kernel tap and −∞ padding, sharing no index code with the
/// matrix form (``MaxPooling/argmaxUnits(of:)``):
///
///     y_{j,i} = max_{m ∈ [0, k)} x̃_{j, i·s − p + m·d},    x̃ = −∞ outside [0, L)
///
/// The taps are scanned in row-major order and a tap replaces the best only when
/// strictly greater (`val > maxval`, as PyTorch's CPU kernel), so a tie keeps
/// the first maximum. Forward of the Jacobian and its adjoint read these arg-maxes
/// (``MaxPooling/referenceForward(x:weight:bias:)``).
enum ReferenceMaxPooling {
    /// One window's maximum and the flat input unit (over all maps) holding it.
    typealias Maximum = (value: Double, unit: Int)

    /// Every output unit's window maximum of x, in output order.
    static func windowMaxima(_ layer: MaxPooling, x: [Double]) -> [Maximum] {
        let spatial = layer.input.spatial
        let inMap = spatial.reduce(1, *)
        let outMap = layer.output.spatial.reduce(1, *)
        let taps = layer.kernelSize.reduce(1, *)
        var maxima: [Maximum] = []
        for j in 0..<layer.input.channels {
            for i in 0..<outMap {
                let position = digits(of: i, extents: layer.output.spatial)
                var best = -Double.infinity
                var unit = -1
                for m in 0..<taps {
                    let tap = digits(of: m, extents: layer.kernelSize)
                    var offset = 0
                    var real = true
                    for d in spatial.indices {
                        let coordinate = position[d] * layer.stride[d] - layer.padding[d] + tap[d] * layer.dilation[d]
                        if coordinate < 0 || coordinate >= spatial[d] { real = false }
                        offset = offset * spatial[d] + coordinate
                    }
                    let value = real ? x[j * inMap + offset] : -Double.infinity
                    if value > best {
                        best = value
                        unit = j * inMap + offset
                    }
                }
                precondition(unit >= 0, "window \(i) of map \(j) reads only padding")
                maxima.append((best, unit))
            }
        }
        return maxima
    }

    /// The row-major digits of `flat` in a box of `extents` (the last one fastest).
    private static func digits(of flat: Int, extents: [Int]) -> [Int] {
        var rest = flat
        var result = Array(repeating: 0, count: extents.count)
        for d in extents.indices.reversed() {
            result[d] = rest % extents[d]
            rest /= extents[d]
        }
        return result
    }
}
