/// What `convmat show --format npy` writes: one matrix of a layer as NumPy's .npy
/// format 1.0 (little-endian, C order), so that `numpy.load` opens it.
public enum NpyExport {
    /// The matrix to write.
    public enum What: String, CaseIterable, Sendable {
        /// The numeric Wᵀ, float64, (output units, input units).
        case matrix
        /// The tie of each entry of Wᵀ, int64: the parameter index, −1 for a
        /// structural zero, −2 for an entry that sums several parameters.
        case tie
        /// The numeric Wᵀ_valid, float64, (output units, extended units).
        case valid
        /// P, float64, (extended units, input units).
        case padding
    }

    /// The .npy bytes of `what` for the materialised layer `m`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.option` on field `what` for `valid`
    ///   or `padding` of a layer that is not a convolution (it has no P).
    public static func bytes(_ what: What, of m: MaterialisedLayer) throws(ConvMatrixError) -> [UInt8] {
        switch what {
        case .matrix:
            return NpyWriter.float64(m.matrix.rowMajor, shape: [m.matrix.rows, m.matrix.columns])
        case .tie:
            return NpyWriter.int64(m.tied.tieIndices, shape: [m.tied.rows, m.tied.columns])
        case .valid:
            let layer = try convolution(of: m, for: what)
            let valid = layer.validTiedMatrix().dense(parameters: m.weights.weight)
            return NpyWriter.float64(valid.rowMajor, shape: [valid.rows, valid.columns])
        case .padding:
            let p = try convolution(of: m, for: what).padding.denseMatrix()
            return NpyWriter.float64(p.rowMajor, shape: [p.rows, p.columns])
        }
    }

    private static func convolution(of m: MaterialisedLayer, for what: What) throws(ConvMatrixError) -> Convolution {
        guard let layer = m.convolution else {
            throw ConvMatrixError(
                .option, field: "what", reason: "--what \(what.rawValue) is a convolution's padding factorisation; \(m.layer.kind) has none")
        }
        return layer
    }
}
