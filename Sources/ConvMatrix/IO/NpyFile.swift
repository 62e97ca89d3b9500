#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and atomic whole-file writes, with failures as one-line
/// `.file` errors that carry the operating system's reason.
///
/// A write goes to a fresh temporary file in the destination's directory, is
/// flushed to disk, and is then renamed over the destination, so a reader sees
/// either the old file or the complete new one. On any failure the temporary
/// file is removed; no half-written file is ever left behind.
///
///     try NpyFile.replace("out/w.npy", with: bytes)
///     let back = try NpyFile.bytes(at: "out/w.npy")   // == bytes
enum NpyFile {
    /// Every byte of the regular file at `path`.
    ///
    ///     let bytes = try NpyFile.bytes(at: "w.npy")
    ///
    /// - Throws: `.file(path, "cannot read: …")` if the file is missing,
    ///   unreadable or not a regular file.
    static func bytes(at path: String) throws(ConvMatrixError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path, "cannot read: \(systemReason())") }
        defer { _ = close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .file(path, "cannot read: \(systemReason())")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            let what = status.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "not a regular file"
            throw .file(path, "cannot read: \(what)")
        }
        return try readAll(descriptor, sizeHint: Int(status.st_size), path: path)
    }

    /// Replaces the file at `path` with `bytes`, atomically.
    ///
    ///     try NpyFile.replace("/tmp/x.bin", with: [1, 2, 3])
    ///
    /// - Throws: `.file(path, "cannot write: …")` when the temporary file cannot be
    ///   created, written or flushed, or `"cannot replace: …"` when the rename fails;
    ///   the temporary file is gone in every case.
    static func replace(_ path: String, with bytes: [UInt8]) throws(ConvMatrixError) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .file(path, "cannot write: \(systemReason())") }
        do throws(ConvMatrixError) {
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw .file(path, "cannot write: \(systemReason())") }
        } catch {
            _ = close(descriptor)
            _ = unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = systemReason()
            _ = unlink(temporary)
            throw .file(path, "cannot write: \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = systemReason()
            _ = unlink(temporary)
            throw .file(path, "cannot replace: \(reason)")
        }
    }

    /// Reads from `descriptor` until end of file.
    private static func readAll(
        _ descriptor: Int32, sizeHint: Int, path: String
    ) throws(ConvMatrixError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .file(path, "cannot read: \(systemReason())")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes all of `bytes` to `descriptor`, resuming after partial writes.
    private static func writeAll(
        _ bytes: [UInt8], to descriptor: Int32, path: String
    ) throws(ConvMatrixError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .file(path, "cannot write: \(systemReason())")
            }
            written += count
        }
    }

    /// A fresh hidden name next to `path`: `dir/.name.tmp-<random hex>`.
    private static func temporaryPath(for path: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = String(generator.next() as UInt64, radix: 16)
        guard let slash = path.lastIndex(of: "/") else { return ".\(path).tmp-\(suffix)" }
        let directory = path[...slash]
        let name = path[path.index(after: slash)...]
        return "\(directory).\(name).tmp-\(suffix)"
    }

    /// The text of the current `errno`, e.g. "No such file or directory".
    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}
