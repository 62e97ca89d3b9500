/// The colours of the sharing style: hue is the block, lightness the tap.
///
/// A parameter v_{ji}^{t} sits in block (j, i) of Wᵀ. The blocks that hold
/// parameters, taken row-major, get hues a golden angle (≈ 137.5°) apart, so
/// that neighbouring blocks differ clearly however many there are, and no two
/// blocks share a hue. Within a block the tap sets the lightness, from 28 %
/// for the first tap to 74 % for the last (row-major over the kernel), so
/// every entry that holds v_p alone has exactly v_p's colour and a band of Wᵀ
/// is visibly one kernel sliding along the diagonal.
///
/// Binned cells keep their block's hue and take a lightness from the share of
/// nonzero entries they cover: the fuller, the darker.
struct SvgSharingPalette: Sendable {
    /// Block (j, i), 1-based as in v_{ji}.
    struct Block: Hashable, Comparable, Sendable {
        let outputMap: Int
        let inputMap: Int

        static func < (a: Block, b: Block) -> Bool {
            (a.outputMap, a.inputMap) < (b.outputMap, b.inputMap)
        }
    }

    static let goldenAngle = 137.50776
    static let firstHue = 205.0
    static let saturation = 0.72
    static let darkest = 0.28
    static let lightest = 0.74
    /// The lightness of a binned cell whose entries are all nonzero, and of an almost empty one.
    static let fullDensity = 0.34
    static let emptyDensity = 0.93

    /// The blocks that hold parameters, row-major.
    let blocks: [Block]
    /// Kernel extents, the largest tap index along each dimension.
    let kernel: [Int]
    private let hueOfBlock: [Block: Double]
    private let blockOfParameter: [Block]
    /// The colour of each parameter v_p.
    let parameterColours: [SvgColour]

    init(parameters: [ParameterName]) {
        blockOfParameter = parameters.map { Block(outputMap: $0.outputMap, inputMap: $0.inputMap) }
        blocks = Set(blockOfParameter).sorted()
        var hues: [Block: Double] = [:]
        for (k, block) in blocks.enumerated() {
            hues[block] = Self.firstHue + Double(k) * Self.goldenAngle
        }
        hueOfBlock = hues
        let dimensions = parameters.map(\.tap.count).max() ?? 0
        let kernel = (0..<dimensions).map { d in parameters.map { $0.tap.count > d ? $0.tap[d] : 1 }.max() ?? 1 }
        self.kernel = kernel
        let taps = kernel.reduce(1, *)
        parameterColours = parameters.map { name in
            let block = Block(outputMap: name.outputMap, inputMap: name.inputMap)
            let flat = zip(name.tap, kernel).reduce(0) { $0 * $1.1 + ($1.0 - 1) }
            return Self.tapColour(hue: hues[block] ?? 0, tap: flat, of: taps)
        }
    }

    /// Taps per kernel: ∏ kernel extents.
    var tapCount: Int { kernel.reduce(1, *) }

    /// The block of parameter p.
    func block(ofParameter p: Int) -> Block { blockOfParameter[p] }

    /// The hue of `block` in degrees.
    func hue(of block: Block) -> Double { hueOfBlock[block] ?? 0 }

    /// The colour of tap `tap` (0-based, row-major over the kernel) in `block`.
    func colour(of block: Block, tap: Int) -> SvgColour {
        Self.tapColour(hue: hue(of: block), tap: tap, of: tapCount)
    }

    /// A binned cell of `block` in which a share `density` ∈ (0, 1] of the entries is nonzero.
    func colour(of block: Block, density: Double) -> SvgColour {
        let level = SvgColour.densityLevel(density)
        let lightness = Self.emptyDensity + (Self.fullDensity - Self.emptyDensity) * level
        return .hsl(hue: hue(of: block), saturation: Self.saturation, lightness: lightness)
    }

    /// Lightness runs from `darkest` (first tap) to `lightest` (last), evenly.
    private static func tapColour(hue: Double, tap: Int, of taps: Int) -> SvgColour {
        let fraction = taps > 1 ? Double(tap) / Double(taps - 1) : 0.5
        return .hsl(hue: hue, saturation: saturation, lightness: darkest + (lightest - darkest) * fraction)
    }
}
