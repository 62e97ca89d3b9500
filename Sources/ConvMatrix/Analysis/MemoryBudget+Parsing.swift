extension MemoryBudget {
    /// Parses a size such as `512M`, `2G`, `1.5GiB` or `1000000` (bytes); K, M, G
    /// and T are powers of 1024, with or without a trailing `iB` or `B`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `field`.
    public init(parsing text: String, field: String = "max-memory") throws(ConvMatrixError) {
        let units: [(String, Double)] = [
            ("TIB", 0x1p40), ("GIB", 0x1p30), ("MIB", 0x1p20), ("KIB", 0x1p10),
            ("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10),
            ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10), ("B", 1),
        ]
        let upper = text.uppercased()
        let (number, scale) = units.first { upper.hasSuffix($0.0) }.map { (String(upper.dropLast($0.0.count)), $0.1) } ?? (upper, 1)
        guard let value = Double(number), value.isFinite, value > 0, value * scale >= 1, value * scale < 0x1p62 else {
            throw ConvMatrixError(.budget, field: field, reason: "'\(text)' is not a size of at least one byte, like 512M, 2G or 1000000 (bytes)")
        }
        self.init(limitBytes: Int(value * scale))
    }
}
