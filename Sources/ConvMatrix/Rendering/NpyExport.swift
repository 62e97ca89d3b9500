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
    public static func bytes(_ what: What, of m: MaterialisedConvolution) -> [UInt8] {
        switch what {
        case .matrix:
            return NpyWriter.float64(m.matrix.rowMajor, shape: [m.matrix.rows, m.matrix.columns])
        case .tie:
            return NpyWriter.int64(m.tied.tieIndices, shape: [m.tied.rows, m.tied.columns])
        case .valid:
            let valid = m.layer.validTiedMatrix().dense(parameters: m.weights.weight)
            return NpyWriter.float64(valid.rowMajor, shape: [valid.rows, valid.columns])
        case .padding:
            let p = m.layer.padding.denseMatrix()
            return NpyWriter.float64(p.rowMajor, shape: [p.rows, p.columns])
        }
    }
}
