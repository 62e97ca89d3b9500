/// Where a report's weights came from, so that its numbers can be reproduced.
///
/// JSON: `{"kernel": [number] or null, "path": string or null, "seed": int or null,
/// "source": "random" | "integers" | "file" | "kernel"}`.
public struct WeightSource: Encodable, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// PyTorch's default initialisation drawn from SplitMix64(seed).
        case random
        /// Integers ±1, ±2, ±3 drawn from SplitMix64(seed).
        case integers
        /// The user's .npy file.
        case file
        /// Values given on the command line (`--kernel`).
        case kernel
    }

    public let kind: Kind
    public let seed: UInt64?
    public let path: String?
    public let kernel: [Double]?

    public static func random(seed: UInt64) -> WeightSource {
        WeightSource(kind: .random, seed: seed, path: nil, kernel: nil)
    }

    public static func integers(seed: UInt64) -> WeightSource {
        WeightSource(kind: .integers, seed: seed, path: nil, kernel: nil)
    }

    public static func file(_ path: String) -> WeightSource {
        WeightSource(kind: .file, seed: nil, path: path, kernel: nil)
    }

    public static func kernel(_ values: [Double]) -> WeightSource {
        WeightSource(kind: .kernel, seed: nil, path: nil, kernel: values)
    }

    /// `random (PyTorch's default initialisation), seed 0`, `w.npy`, `kernel 0.25, 0.5, 0.25`.
    public var text: String {
        switch kind {
        case .random: "random (PyTorch's default initialisation), seed \(seed ?? 0)"
        case .integers: "integers ±1, ±2, ±3, seed \(seed ?? 0)"
        case .file: path ?? ""
        case .kernel: "kernel " + (kernel ?? []).map { NumberFormat.significant($0) }.joined(separator: ", ")
        }
    }

    enum Key: String, CodingKey {
        case source, seed, path, kernel
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind.rawValue, forKey: .source)
        try c.encodeNullable(seed, forKey: .seed)
        try c.encodeNullable(path, forKey: .path)
        try c.encodeNullable(kernel, forKey: .kernel)
    }
}
