/// The JSON document of `convmat invert --format json`, version 1 (docs/json.md).
///
/// Every documented key is always present; vectors are flat in torch's
/// `.flatten()` order of (C, *spatial), the order of Wᵀ's rows and columns.
public struct InversionReport: Encodable, Sendable {
    public static let version = 1

    /// Where x came from: drawn from SplitMix64(seed), or the user's .npy file.
    public struct InputSource: Encodable, Sendable, Equatable {
        public let seed: UInt64?
        public let path: String?

        public static func random(seed: UInt64) -> InputSource { InputSource(seed: seed, path: nil) }
        public static func file(_ path: String) -> InputSource { InputSource(seed: nil, path: path) }

        /// `uniform in ±1, seed 1` or the path.
        public var text: String { path ?? "uniform in ±1, seed \(seed ?? 0)" }

        enum Key: String, CodingKey { case source, seed, path }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(path == nil ? "random" : "file", forKey: .source)
            try c.encodeNullable(seed, forKey: .seed)
            try c.encodeNullable(path, forKey: .path)
        }
    }

    public let layer: any Layer
    public let inversion: Inversion
    public let weightSource: WeightSource
    public let inputSource: InputSource
    /// The amplitude of the uniform noise added to y (0 for none).
    public let noiseAmplitude: Double

    public init(layer: any Layer, inversion: Inversion, weightSource: WeightSource, inputSource: InputSource, noiseAmplitude: Double) {
        self.layer = layer
        self.inversion = inversion
        self.weightSource = weightSource
        self.inputSource = inputSource
        self.noiseAmplitude = noiseAmplitude
    }

    /// Rough bytes of the encoded document, for the size guard: about 24 bytes a
    /// number, the null-space basis (at most n × n) dominating.
    public static func estimatedBytes(_ layer: any Layer) -> Int {
        let (m, n) = (layer.output.count, layer.input.count)
        return saturatingProduct(24, saturatingSum(saturatingProduct(n, n), saturatingProduct(6, max(m, n))))
    }

    enum Key: String, CodingKey {
        case version, spec, input_shape, output_shape, rows, cols, weight, x_source, noise
        case rcond, rank, nullity, rank_deficient, singular_values, lambda
        case x, y, minimum_norm_solution, tikhonov_solution, minimum_norm_error, tikhonov_error
        case lost_norm, residual, null_space_basis
    }

    enum ErrorKey: String, CodingKey { case norm, relative, max_abs }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encode(layer.specDescription, forKey: .spec)
        try c.encode(layer.input.extents, forKey: .input_shape)
        try c.encode(layer.output.extents, forKey: .output_shape)
        try c.encode(layer.output.count, forKey: .rows)
        try c.encode(layer.input.count, forKey: .cols)
        try c.encode(weightSource, forKey: .weight)
        try c.encode(inputSource, forKey: .x_source)
        try c.encode(noiseAmplitude, forKey: .noise)
        try c.encode(inversion.rcond, forKey: .rcond)
        try c.encode(inversion.rank, forKey: .rank)
        try c.encode(inversion.nullity, forKey: .nullity)
        try c.encode(inversion.rank < inversion.singularValues.count, forKey: .rank_deficient)
        try c.encode(inversion.singularValues, forKey: .singular_values)
        try c.encode(inversion.lambda, forKey: .lambda)
        try c.encode(inversion.x, forKey: .x)
        try c.encode(inversion.y, forKey: .y)
        try c.encode(inversion.minimumNorm, forKey: .minimum_norm_solution)
        try c.encode(inversion.tikhonov, forKey: .tikhonov_solution)
        for (error, key) in [(inversion.minimumNormError, Key.minimum_norm_error), (inversion.tikhonovError, .tikhonov_error)] {
            var e = c.nestedContainer(keyedBy: ErrorKey.self, forKey: key)
            try e.encode(error.norm, forKey: .norm)
            try e.encode(error.relative, forKey: .relative)
            try e.encode(error.largestEntry, forKey: .max_abs)
        }
        try c.encode(inversion.lostNorm, forKey: .lost_norm)
        try c.encode(inversion.residual, forKey: .residual)
        try c.encode(inversion.nullSpaceBasis, forKey: .null_space_basis)
    }
}
