/// What the sparse path's check compares against the naive reference: every unit
/// and parameter of a layer up to a limit each, and above it a seeded sample.
///
/// The sparse passes themselves run on the whole layer; only the reference, whose
/// plain loops cost a layer's taps per pass, is sampled, and every check's note
/// says on how many of how many it ran.
struct SparseCheckSample {
    /// Output units the forward and offset checks compare, at most.
    static let outputUnitLimit = 16_384
    /// Input units the input-gradient and adjoint checks compare, at most.
    static let inputUnitLimit = 16_384
    /// Weights the weight-gradient check compares, at most.
    static let parameterLimit = 4_096

    let outputUnits: [Int]
    let inputUnits: [Int]
    let parameters: [Int]

    init(layer: any Layer, seed: UInt64) {
        outputUnits = Self.draw(layer.output.count, limit: Self.outputUnitLimit, seed: seed ^ 0xF0D)
        inputUnits = Self.draw(layer.input.count, limit: Self.inputUnitLimit, seed: seed ^ 0x1A9)
        parameters = Self.draw(layer.weightParameterCount, limit: Self.parameterLimit, seed: seed ^ 0x3E7)
    }

    /// "every one of the N output units", or "a seeded sample of n of N output units".
    func scope(_ set: KeyPath<SparseCheckSample, [Int]>, of count: Int, _ noun: String) -> String {
        let drawn = self[keyPath: set].count
        return drawn == count
            ? "all \(NumberFormat.count(count)) \(noun)"
            : "a seeded sample of \(NumberFormat.count(drawn)) of \(NumberFormat.count(count)) \(noun)"
    }

    /// Every index below `count`, or `limit` distinct ones drawn from the seed, ascending.
    static func draw(_ count: Int, limit: Int, seed: UInt64) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        var random = SplitMix64(seed: seed)
        var sample = Set<Int>()
        while sample.count < limit { sample.insert(random.nextInt(in: 0...(count - 1))) }
        return sample.sorted()
    }
}
