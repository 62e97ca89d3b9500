/// The draws of the kinds without a sliding kernel of weights: Linear, Flatten,
/// the sliding poolings (AvgPool, SumPool), the adaptive average pooling and the activations.
/// Identity and GlobalSumPool take no arguments; only their input is drawn.
extension RandomLayerDraw {
    /// `Linear(in, out)` on a vector (`--input in`) or on (…, in) with one to
    /// three leading extents, sometimes without a bias.
    static func drawLinear(_ g: inout SplitMix64) -> Configuration {
        let inFeatures = g.nextInt(in: 1...6)
        let outFeatures = g.nextInt(in: 1...5)
        let leading = (0..<g.nextInt(in: 0...3)).map { _ in g.nextInt(in: 1...3) }
        let bias = g.nextInt(in: 0...2) == 0 ? ", bias=False" : ""
        return Configuration(spec: "Linear(\(inFeatures), \(outFeatures)\(bias))", input: shapeText(leading + [inFeatures]))
    }

    /// `Flatten(start_dim, end_dim)` with dimensions counted as PyTorch counts them
    /// on (N, C, *spatial), negative ones from the end, positional or keyword or
    /// left at their defaults; draws that start at the batch or after the end are
    /// refused by the registry and skipped.
    static func drawFlatten(_ g: inout SplitMix64) -> Configuration {
        let input = shape(&g, channels: 1...3, rank: 0...3)
        let rank = input.split(separator: "x").count + 1
        let start = g.nextInt(in: -rank...(rank - 1))
        let end = g.nextInt(in: -rank...(rank - 1))
        let arguments: String
        switch g.nextInt(in: 0...4) {
        case 0: arguments = ""
        case 1: arguments = "\(start)"
        case 2: arguments = "\(start), \(end)"
        case 3: arguments = "end_dim=\(end)"
        default: arguments = "start_dim=\(start), end_dim=\(end)"
        }
        return Configuration(spec: "Flatten(\(arguments))", input: input)
    }

    /// `AvgPoolNd` or `SumPoolNd`: kernel 1…3, a stride (often the default, the
    /// kernel), padding ≤ k/2, ceil_mode, and for AvgPool count_include_pad and
    /// (2d and 3d) a nonzero divisor_override, negative ones included.
    static func drawSlidingPool(_ g: inout SplitMix64, average: Bool) -> Configuration {
        let dims = g.nextInt(in: 1...3)
        let channels = g.nextInt(in: 1...2)
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maximumExtent[dims]) }
        let kernel = (0..<dims).map { _ in g.nextInt(in: 1...3) }
        var arguments = [g.nextInt(in: 0...1) == 0 ? written(kernel) : "kernel_size=\(written(kernel))"]
        if g.nextInt(in: 0...1) == 0 { arguments.append("stride=\(tuple(&g, dims, 1...3))") }
        if g.nextInt(in: 0...1) == 0 {
            arguments.append("padding=\(written(kernel.map { g.nextInt(in: 0...($0 / 2)) }))")
        }
        if g.nextInt(in: 0...2) == 0 { arguments.append("ceil_mode=True") }
        if average, g.nextInt(in: 0...2) == 0 { arguments.append("count_include_pad=False") }
        if average, dims > 1, g.nextInt(in: 0...3) == 0 {
            arguments.append("divisor_override=\([1, 2, 3, 4, -2][g.nextInt(in: 0...4)])")
        }
        let name = (average ? "AvgPool" : "SumPool") + "\(dims)d"
        return Configuration(spec: name + "(" + arguments.joined(separator: ", ") + ")", input: shapeText([channels] + extents))
    }

    /// `AdaptiveAvgPoolNd(output_size)`: per dimension an o in 1…L+2 (so L is
    /// often not divisible by o, and o may exceed L), or `None` (2d and 3d),
    /// written as an int when all entries agree.
    static func drawAdaptivePool(_ g: inout SplitMix64) -> Configuration {
        let dims = g.nextInt(in: 1...3)
        let channels = g.nextInt(in: 1...2)
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maximumExtent[dims]) }
        let sizes = extents.map { extent -> String in
            dims > 1 && g.nextInt(in: 0...4) == 0 ? "None" : "\(g.nextInt(in: 1...(extent + 2)))"
        }
        let outputSize = Set(sizes).count == 1 && sizes[0] != "None" ? sizes[0] : "(" + sizes.joined(separator: ", ") + (dims == 1 ? ",)" : ")")
        let argument = g.nextInt(in: 0...1) == 0 ? outputSize : "output_size=\(outputSize)"
        return Configuration(spec: "AdaptiveAvgPool\(dims)d(\(argument))", input: shapeText([channels] + extents))
    }

    /// `ReLU()` (sometimes `inplace=True`), `Tanh()`, `Sigmoid()` or `ScaledTanh()` on any shape of rank 0…3.
    static func drawActivation(_ g: inout SplitMix64) -> Configuration {
        let function = Activation.Function.allCases[g.nextInt(in: 0...(Activation.Function.allCases.count - 1))]
        let arguments = function == .relu && g.nextInt(in: 0...3) == 0 ? "inplace=True" : ""
        return Configuration(spec: "\(function.rawValue)(\(arguments))", input: shape(&g, channels: 1...3, rank: 0...3))
    }
}
