/// Random layer configurations for property tests and `convmat check --random`:
/// every registered kind (convolutions, transposed convolutions, Linear,
/// Flatten, Identity, the sliding and adaptive poolings, GlobalSumPool, max
/// pooling and the activations; an input-dependent kind is checked at x drawn from the run's data seed), 1-D,
/// 2-D and 3-D, every option over its edge cases, sizes capped so that a
/// thousand checks run in seconds.
///
/// A draw is a spec STRING and an input shape string, bound through
/// ``LayerRegistry/layer(parsing:input:)`` so that the parser and each kind's
/// validation are part of what is exercised; a draw the registry refuses is
/// skipped and the next one drawn.
public enum RandomLayerDraw {
    /// One configuration as the user would write it: a spec string and an input shape.
    public struct Configuration: Sendable, Equatable {
        public let spec: String
        public let input: String
    }

    /// The kind families, each with its weight in the draw: the convolution,
    /// with the most options, is drawn most often.
    enum Family: CaseIterable {
        case convolution, transposed, linear, flatten, identity, averagePool, sumPool, adaptivePool, globalSumPool, activation, maxPool

        var weight: Int {
            switch self {
            case .convolution: 6
            case .transposed, .averagePool, .maxPool: 4
            case .sumPool, .adaptivePool, .linear, .activation: 2
            case .flatten, .identity, .globalSumPool: 1
            }
        }
    }

    /// Draws configurations of any kind until the registry admits one, and returns
    /// it with its bound layer.
    public static func next(_ g: inout SplitMix64) -> (configuration: Configuration, layer: any Layer) {
        while true {
            let candidate = draw(&g)
            if let shape = try? TensorShape(parsing: candidate.input),
                let layer = try? LayerRegistry.layer(parsing: candidate.spec, input: shape)
            {
                return (candidate, layer)
            }
        }
    }

    /// Draws convolutions only (`Conv1d/2d/3d`) until one is admissible: the
    /// property tests that need a ``Convolution``.
    public static func nextConvolution(_ g: inout SplitMix64) -> (configuration: Configuration, layer: Convolution) {
        while true {
            let candidate = drawConvolution(&g)
            if let spec = try? ConvolutionSpec(parsing: candidate.spec),
                let shape = try? TensorShape(parsing: candidate.input),
                let layer = try? Convolution(spec, input: shape)
            {
                return (candidate, layer)
            }
        }
    }

    /// One candidate of a seeded family, possibly inadmissible.
    static func draw(_ g: inout SplitMix64) -> Configuration {
        switch family(&g) {
        case .convolution: drawConvolution(&g)
        case .transposed: drawTransposed(&g)
        case .linear: drawLinear(&g)
        case .flatten: drawFlatten(&g)
        case .identity: Configuration(spec: "Identity()", input: shape(&g, channels: 1...3, rank: 0...3))
        case .averagePool: drawSlidingPool(&g, average: true)
        case .sumPool: drawSlidingPool(&g, average: false)
        case .adaptivePool: drawAdaptivePool(&g)
        case .globalSumPool: Configuration(spec: "GlobalSumPool()", input: shape(&g, channels: 1...3, rank: 0...3))
        case .activation: drawActivation(&g)
        case .maxPool: drawMaxPool(&g)
        }
    }

    /// A family with probability proportional to its weight.
    private static func family(_ g: inout SplitMix64) -> Family {
        var ticket = g.nextInt(in: 0...(Family.allCases.map(\.weight).reduce(0, +) - 1))
        for family in Family.allCases {
            if ticket < family.weight { return family }
            ticket -= family.weight
        }
        preconditionFailure("the ticket is below the total weight")
    }

    /// The largest extent drawn per spatial rank (index 1, 2, 3), so that a
    /// layer has at most a few hundred units.
    static let maximumExtent = [0, 9, 6, 4]

    /// An int or a tuple of `count` draws from `range`.
    static func tuple(_ g: inout SplitMix64, _ count: Int, _ range: ClosedRange<Int>) -> String {
        written((0..<count).map { _ in g.nextInt(in: range) })
    }

    /// `values` as an int (one value) or a tuple.
    static func written(_ values: [Int]) -> String {
        values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// `C` or `CxH…`: channels from `channels`, a spatial rank from `rank`, each
    /// extent up to ``maximumExtent`` for that rank.
    static func shape(_ g: inout SplitMix64, channels: ClosedRange<Int>, rank: ClosedRange<Int>) -> String {
        let dims = g.nextInt(in: rank)
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maximumExtent[dims]) }
        return shapeText([g.nextInt(in: channels)] + extents)
    }

    /// Extents joined as the `--input` option writes them: `2x6`.
    static func shapeText(_ extents: [Int]) -> String {
        extents.map(String.init).joined(separator: "x")
    }
}
