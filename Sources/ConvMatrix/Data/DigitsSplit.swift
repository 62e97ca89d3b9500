/// A fixed, seeded split of the digits into a training and a test set.
///
/// The indices 0…1796 are shuffled by Fisher–Yates with SplitMix64(``seed``)
/// (for k from n − 1 down to 1, swap k with a uniform j in 0…k); the first
/// ``trainingCount`` shuffled indices are the training set, the other 500 the test
/// set, each kept in shuffled order. The split does not depend on a training
/// run's `--seed`: every run is measured on the same 500 test digits.
///
///     let split = DigitsSplit.standard
///     split.training.count   // 1297
///     split.test.count       // 500
public struct DigitsSplit: Sendable {
    /// The split's seed: the year of the paper.
    public static let seed: UInt64 = 1989
    /// Training images; the remaining 500 are the test set.
    public static let trainingCount = 1297

    /// One set: prepared inputs (``DigitsPreparation``) and their labels.
    public struct Part: Sendable {
        /// Which images of ``Digits`` the set holds, in order.
        public let indices: [Int]
        /// Each image's 256 inputs in [−1, 1].
        public let inputs: [[Double]]
        public let labels: [Int]

        public var count: Int { labels.count }

        /// The first `count` samples (all of them if there are fewer): a short run's subset.
        public func prefix(_ count: Int) -> Part {
            Part(indices: Array(indices.prefix(count)), inputs: Array(inputs.prefix(count)), labels: Array(labels.prefix(count)))
        }
    }

    public let training: Part
    public let test: Part

    /// The split of the shipped digits.
    public static let standard = DigitsSplit(Digits.shipped)

    /// `digits` split by ``seed`` into ``trainingCount`` and the rest.
    public init(_ digits: Digits) {
        let order = Self.shuffled(count: digits.count, seed: Self.seed)
        let cut = min(Self.trainingCount, order.count)
        training = Self.set(digits, Array(order[..<cut]))
        test = Self.set(digits, Array(order[cut...]))
    }

    /// 0…count − 1 in Fisher–Yates order from SplitMix64(seed).
    public static func shuffled(count: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<count)
        var random = SplitMix64(seed: seed)
        shuffle(&order, with: &random)
        return order
    }

    /// Fisher–Yates: for k from n − 1 down to 1, swap k with a uniform j in 0…k.
    public static func shuffle(_ values: inout [Int], with random: inout SplitMix64) {
        for k in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(k, random.nextInt(in: 0...k))
        }
    }

    private static func set(_ digits: Digits, _ indices: [Int]) -> Part {
        Part(indices: indices, inputs: indices.map { DigitsPreparation.input(digits.images[$0]) }, labels: indices.map { digits.labels[$0] })
    }
}
