/// Random layer configurations for property tests and `convmat check --random`:
/// 1-D, 2-D and 3-D, every option and padding mode, sizes capped so that a
/// thousand checks run in seconds.
public enum RandomLayerDraw {
    /// One configuration as the user would write it: a spec string and an input shape.
    public struct Configuration: Sendable, Equatable {
        public let spec: String
        public let input: String
    }

    /// Draws configurations until one is admissible (the kernel fits, pads are within
    /// their mode's limits), and returns it with its bound layer.
    public static func next(_ g: inout SplitMix64) -> (configuration: Configuration, layer: Convolution) {
        while true {
            let candidate = draw(&g)
            if let spec = try? ConvolutionSpec(parsing: candidate.spec),
                let shape = try? TensorShape(parsing: candidate.input),
                let layer = try? Convolution(spec, input: shape)
            {
                return (candidate, layer)
            }
        }
    }

    /// One candidate, possibly inadmissible, written as strings so that the parser
    /// is part of what is exercised.
    static func draw(_ g: inout SplitMix64) -> Configuration {
        let dims = g.nextInt(in: 1...3)
        let groups = [1, 1, 2, 3][g.nextInt(in: 0...3)]
        let inChannels = groups * g.nextInt(in: 1...2)
        let outChannels = groups * g.nextInt(in: 1...2)
        let maxExtent = [0, 9, 6, 4][dims]
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maxExtent) }
        var arguments = ["\(inChannels)", "\(outChannels)", "kernel_size=\(tuple(&g, dims, 1...3))"]
        let strided = g.nextInt(in: 0...2) == 0
        if strided { arguments.append("stride=\(tuple(&g, dims, 1...3))") }
        switch g.nextInt(in: 0...5) {
        case 0: arguments.append("padding='full'")
        case 1 where !strided: arguments.append("padding='same'")
        case 2: arguments.append("padding=\(tuple(&g, dims, 0...2))")
        case 3:
            arguments.append(
                "padding=(" + (0..<dims).map { _ in "(\(g.nextInt(in: 0...2)), \(g.nextInt(in: 0...2)))" }.joined(separator: ", ") + (dims == 1 ? ",)" : ")"))
        default: break
        }
        if g.nextInt(in: 0...2) == 0 { arguments.append("dilation=\(tuple(&g, dims, 1...2))") }
        if groups > 1 { arguments.append("groups=\(groups)") }
        if g.nextInt(in: 0...1) == 0 { arguments.append("bias=False") }
        let modes = ["zeros", "zeros", "circular", "reflect", "replicate", "constant"]
        let mode = modes[g.nextInt(in: 0...(modes.count - 1))]
        if mode == "constant" {
            arguments.append("padding_mode='constant', padding_value=\(Double(g.nextInt(in: -3...3)))")
        } else if mode != "zeros" {
            arguments.append("padding_mode='\(mode)'")
        }
        return Configuration(
            spec: "Conv\(dims)d(" + arguments.joined(separator: ", ") + ")",
            input: ([inChannels] + extents).map(String.init).joined(separator: "x"))
    }

    /// An int or a tuple of `count` draws from `range`.
    private static func tuple(_ g: inout SplitMix64, _ count: Int, _ range: ClosedRange<Int>) -> String {
        let values = (0..<count).map { _ in g.nextInt(in: range) }
        return values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
