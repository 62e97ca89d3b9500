/// The draws of the two convolution families: `ConvNd` with every padding form
/// and mode, groups, connection tables and untied biases, and `ConvTransposeNd`
/// with output padding below max(stride, dilation).
extension RandomLayerDraw {
    /// One `Conv1d/2d/3d` candidate: today's draw of kernel, stride, padding form,
    /// dilation, groups and padding mode, plus LeCun's extensions, a connection
    /// table (groups = 1 only) and `bias='untied'`.
    static func drawConvolution(_ g: inout SplitMix64) -> Configuration {
        let dims = g.nextInt(in: 1...3)
        let groups = [1, 1, 2, 3][g.nextInt(in: 0...3)]
        let inChannels = groups * g.nextInt(in: 1...2)
        let outChannels = groups * g.nextInt(in: 1...2)
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maximumExtent[dims]) }
        var arguments = ["\(inChannels)", "\(outChannels)", "kernel_size=\(tuple(&g, dims, 1...3))"]
        let strided = g.nextInt(in: 0...2) == 0
        if strided { arguments.append("stride=\(tuple(&g, dims, 1...3))") }
        switch g.nextInt(in: 0...5) {
        case 0: arguments.append("padding='full'")
        case 1 where !strided: arguments.append("padding='same'")
        case 2: arguments.append("padding=\(tuple(&g, dims, 0...2))")
        case 3:
            let pairs = (0..<dims).map { _ in "(\(g.nextInt(in: 0...2)), \(g.nextInt(in: 0...2)))" }
            arguments.append("padding=(" + pairs.joined(separator: ", ") + (dims == 1 ? ",)" : ")"))
        default: break
        }
        if g.nextInt(in: 0...2) == 0 { arguments.append("dilation=\(tuple(&g, dims, 1...2))") }
        if groups > 1 { arguments.append("groups=\(groups)") }
        switch g.nextInt(in: 0...5) {
        case 0, 1, 2: arguments.append("bias=False")
        case 3: arguments.append("bias='untied'")
        default: break
        }
        let modes = ["zeros", "zeros", "circular", "reflect", "replicate", "constant"]
        let mode = modes[g.nextInt(in: 0...(modes.count - 1))]
        if mode == "constant" {
            arguments.append("padding_mode='constant', padding_value=\(Double(g.nextInt(in: -3...3)))")
        } else if mode != "zeros" {
            arguments.append("padding_mode='\(mode)'")
        }
        if groups == 1, g.nextInt(in: 0...3) == 0 {
            arguments.append("connections=" + connectionTable(&g, inputs: inChannels, outputs: outChannels))
        }
        return Configuration(spec: "Conv\(dims)d(" + arguments.joined(separator: ", ") + ")", input: shapeText([inChannels] + extents))
    }

    /// `[[…], …]`: per output map a nonempty ascending subset of 0..<inputs.
    static func connectionTable(_ g: inout SplitMix64, inputs: Int, outputs: Int) -> String {
        let lists = (0..<outputs).map { _ -> String in
            var maps = (0..<inputs).filter { _ in g.nextInt(in: 0...1) == 0 }
            if maps.isEmpty { maps = [g.nextInt(in: 0...(inputs - 1))] }
            return "[" + maps.map(String.init).joined(separator: ", ") + "]"
        }
        return "[" + lists.joined(separator: ", ") + "]"
    }

    /// One `ConvTranspose1d/2d/3d` candidate: kernel, stride, padding, an output
    /// padding below max(stride, dilation) along each dimension, groups, bias and
    /// dilation, in torch's positional order for the leading three.
    static func drawTransposed(_ g: inout SplitMix64) -> Configuration {
        let dims = g.nextInt(in: 1...3)
        let groups = [1, 1, 2][g.nextInt(in: 0...2)]
        let inChannels = groups * g.nextInt(in: 1...2)
        let outChannels = groups * g.nextInt(in: 1...2)
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maximumExtent[dims] - 1) }
        let stride = (0..<dims).map { _ in g.nextInt(in: 0...1) == 0 ? 1 : g.nextInt(in: 2...3) }
        let dilation = (0..<dims).map { _ in g.nextInt(in: 0...2) == 0 ? 2 : 1 }
        var arguments = ["\(inChannels)", "\(outChannels)", "kernel_size=\(tuple(&g, dims, 1...3))"]
        if stride.contains(where: { $0 != 1 }) { arguments.append("stride=\(written(stride))") }
        if g.nextInt(in: 0...1) == 0 { arguments.append("padding=\(tuple(&g, dims, 0...2))") }
        if g.nextInt(in: 0...1) == 0 {
            let outputPadding = (0..<dims).map { d in g.nextInt(in: 0...(max(stride[d], dilation[d]) - 1)) }
            arguments.append("output_padding=\(written(outputPadding))")
        }
        if groups > 1 { arguments.append("groups=\(groups)") }
        if g.nextInt(in: 0...1) == 0 { arguments.append("bias=False") }
        if dilation.contains(2) { arguments.append("dilation=\(written(dilation))") }
        return Configuration(
            spec: "ConvTranspose\(dims)d(" + arguments.joined(separator: ", ") + ")", input: shapeText([inChannels] + extents))
    }
}
