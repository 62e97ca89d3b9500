/// The draw of the max poolings (MaxPool1d/2d/3d), for `check --random`.
extension RandomLayerDraw {
    /// `MaxPoolNd`: kernel 1…3, a stride (often the default, the kernel), padding
    /// ≤ k/2, dilation 1…2, ceil_mode, the kernel positional or by keyword; draws
    /// the registry refuses (an output too small, a window of padding only) are
    /// skipped. The point x is the layer's own, drawn from the check's seed.
    static func drawMaxPool(_ g: inout SplitMix64) -> Configuration {
        let dims = g.nextInt(in: 1...3)
        let channels = g.nextInt(in: 1...2)
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maximumExtent[dims]) }
        let kernel = (0..<dims).map { _ in g.nextInt(in: 1...3) }
        var arguments = [g.nextInt(in: 0...1) == 0 ? written(kernel) : "kernel_size=\(written(kernel))"]
        if g.nextInt(in: 0...1) == 0 { arguments.append("stride=\(tuple(&g, dims, 1...3))") }
        if g.nextInt(in: 0...1) == 0 {
            arguments.append("padding=\(written(kernel.map { g.nextInt(in: 0...($0 / 2)) }))")
        }
        if g.nextInt(in: 0...2) == 0 { arguments.append("dilation=\(tuple(&g, dims, 1...2))") }
        if g.nextInt(in: 0...2) == 0 { arguments.append("ceil_mode=True") }
        return Configuration(spec: "MaxPool\(dims)d(" + arguments.joined(separator: ", ") + ")", input: shapeText([channels] + extents))
    }
}
