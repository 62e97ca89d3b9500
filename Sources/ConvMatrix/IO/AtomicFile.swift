/// Writing a file so that an error never leaves it half-written.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it
    /// over `path`; on any failure the temporary file is removed.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.file`, naming the path.
    public static func write(_ bytes: [UInt8], to path: String) throws(ConvMatrixError) {
        try NpyFile.replace(path, with: bytes)
    }
}
