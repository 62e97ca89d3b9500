/// SplitMix64 (Steele, Lea and Flood, 2014), the generator behind every seeded draw.
///
/// Named and written out here because seeded output is pinned in golden files: the
/// same seed gives the same weights on every machine and every Swift version,
/// which `SystemRandomNumberGenerator` does not promise.
///
///     state ← state + 0x9E3779B97F4A7C15
///     z ← (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9
///     z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB
///     next = z ⊕ (z ≫ 31)
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A double uniform in [−bound, bound).
    public mutating func nextSymmetric(bound: Double) -> Double {
        (2 * nextUnit() - 1) * bound
    }

    /// An integer uniform in `range`, by rejection so that every value is equally likely.
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        // The span in two's complement, so that even Int.min...Int.max cannot overflow;
        // a span of 0 means all 2⁶⁴ values.
        let span = UInt64(bitPattern: Int64(range.upperBound)) &- UInt64(bitPattern: Int64(range.lowerBound)) &+ 1
        guard span != 0 else { return Int(Int64(bitPattern: next())) }
        let limit = UInt64.max - UInt64.max % span
        var draw = next()
        while draw >= limit { draw = next() }
        return Int(Int64(bitPattern: UInt64(bitPattern: Int64(range.lowerBound)) &+ draw % span))
    }
}
