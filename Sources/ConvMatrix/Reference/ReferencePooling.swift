/// The naive pooling references, written from PyTorch's formulas with plain loops
/// over the padded window, and sharing no index code with the matrix form
/// (``PoolingAxis``, ``PoolingLayer/matrixForm()``).
///
///     sliding:  y_{j,i} = κ_i · Σ_{m ∈ [0, k)} x̃_{j, i·s − p + m},   x̃ = 0 outside [0, L)
///     adaptive: y_{j,i} = (1 / |box|) · Σ_{u ∈ box(i)} x_{j,u},   box_d = [⌊i·L/o⌋, ⌈(i+1)·L/o⌉)
///     global:   y_j     = Σ_u x_{j,u}
///
/// The window's sum is formed left to right from zero, then multiplied once by κ
/// (through ``ReferenceScalar/init(paddingValue:)``, the protocol's one way to
/// make a constant). The input gradients are the adjoints: each δy_{j,i}·κ_i
/// scattered over its window.
enum ReferencePooling {
    /// One output unit's window: the flat input offsets (within a map) it reads, and κ.
    private typealias Window = (units: [Int], coefficient: Double)

    static func slidingForward<S: ReferenceScalar>(_ layer: SlidingPooling, x: [S]) -> [S] {
        forward(input: layer.input, output: layer.output, x: x) { slidingWindow(layer, $0) }
    }

    static func slidingInputGradient(_ layer: SlidingPooling, outputGradient dy: [Double]) -> [Double] {
        inputGradient(input: layer.input, output: layer.output, dy: dy) { slidingWindow(layer, $0) }
    }

    static func adaptiveForward<S: ReferenceScalar>(_ layer: AdaptivePooling, x: [S]) -> [S] {
        forward(input: layer.input, output: layer.output, x: x) { adaptiveWindow(layer, $0) }
    }

    static func adaptiveInputGradient(_ layer: AdaptivePooling, outputGradient dy: [Double]) -> [Double] {
        inputGradient(input: layer.input, output: layer.output, dy: dy) { adaptiveWindow(layer, $0) }
    }

    /// y_j = Σ_u x_{j,u}.
    static func globalSumForward<S: ReferenceScalar>(channels: Int, mapSize: Int, x: [S]) -> [S] {
        var y: [S] = []
        for j in 0..<channels {
            var sum = S.zero
            for u in 0..<mapSize { sum = sum + x[j * mapSize + u] }
            y.append(sum)
        }
        return y
    }

    /// δx_{j,u} = δy_j.
    static func globalSumInputGradient(mapSize: Int, outputGradient dy: [Double]) -> [Double] {
        var dx: [Double] = []
        for gradient in dy {
            for _ in 0..<mapSize { dx.append(gradient) }
        }
        return dx
    }

    /// y_{j,i} = κ_i · Σ_{u ∈ window(i)} x_{j,u} on every map.
    private static func forward<S: ReferenceScalar>(
        input: TensorShape, output: TensorShape, x: [S], window: (_ position: [Int]) -> Window
    ) -> [S] {
        var y = Array(repeating: S.zero, count: output.count)
        for i in 0..<output.mapSize {
            let (units, coefficient) = window(ReferenceIndexing.digits(of: i, extents: output.spatial))
            for j in 0..<input.channels {
                var sum = S.zero
                for u in units { sum = sum + x[j * input.mapSize + u] }
                y[j * output.mapSize + i] = S(paddingValue: coefficient) * sum
            }
        }
        return y
    }

    /// δx_{j,u} = Σ_{i : u ∈ window(i)} κ_i · δy_{j,i} on every map.
    private static func inputGradient(
        input: TensorShape, output: TensorShape, dy: [Double], window: (_ position: [Int]) -> Window
    ) -> [Double] {
        var dx = Array(repeating: 0.0, count: input.count)
        for i in 0..<output.mapSize {
            let (units, coefficient) = window(ReferenceIndexing.digits(of: i, extents: output.spatial))
            for j in 0..<input.channels {
                for u in units { dx[j * input.mapSize + u] += coefficient * dy[j * output.mapSize + i] }
            }
        }
        return dx
    }

    /// Every kernel tap m of output position i at padded position i·s − p + m; the
    /// real ones are read, and the divisor counts taps before L + p (or real taps).
    private static func slidingWindow(_ layer: SlidingPooling, _ position: [Int]) -> Window {
        let spatial = layer.input.spatial
        var units: [Int] = []
        var paddedCount = 0
        for m in 0..<layer.kernelSize.reduce(1, *) {
            let tap = ReferenceIndexing.digits(of: m, extents: layer.kernelSize)
            var offset = 0, real = true, insidePadding = true
            for d in spatial.indices {
                let coordinate = position[d] * layer.stride[d] - layer.padding[d] + tap[d]
                if coordinate >= spatial[d] + layer.padding[d] { insidePadding = false }
                if coordinate < 0 || coordinate >= spatial[d] { real = false }
                offset = offset * spatial[d] + coordinate
            }
            if insidePadding { paddedCount += 1 }
            if real { units.append(offset) }
        }
        switch layer.reduction {
        case .sum: return (units, 1)
        case .average(_, let divisor?): return (units, 1 / Double(divisor))
        case .average(let countIncludePad, nil): return (units, 1 / Double(countIncludePad ? paddedCount : units.count))
        }
    }

    /// The box [⌊i·L/o⌋, ⌈(i+1)·L/o⌉) along every dimension, averaged.
    private static func adaptiveWindow(_ layer: AdaptivePooling, _ position: [Int]) -> Window {
        let spatial = layer.input.spatial, outputs = layer.output.spatial
        var units = [0]
        for d in spatial.indices {
            let first = Int((Double(position[d] * spatial[d]) / Double(outputs[d])).rounded(.down))
            let last = Int((Double((position[d] + 1) * spatial[d]) / Double(outputs[d])).rounded(.up))
            units = units.flatMap { base in (first..<last).map { base * spatial[d] + $0 } }
        }
        return (units, 1 / Double(units.count))
    }

}
