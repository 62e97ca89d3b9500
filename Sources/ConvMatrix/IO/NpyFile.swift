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
/// A read accepts only a regular file, and finds out without blocking: the file
/// is opened with `O_NONBLOCK`, so that a FIFO with no writer cannot hang the
/// open, checked with `fstat`, and only then switched back to blocking reads.
/// Writes are ``AtomicFile``'s.
///
///     try NpyFile.replace("out/w.npy", with: bytes)
///     let back = try NpyFile.bytes(at: "out/w.npy")   // == bytes
enum NpyFile {
    /// Every byte of the regular file at `path`.
    ///
    ///     let bytes = try NpyFile.bytes(at: "w.npy", field: "weight")
    ///
    /// - Throws: `.file(field, "the path is empty")` for an empty path, else
    ///   `.file(path, "cannot read: …")` if the file is missing, unreadable or
    ///   not a regular file (a directory, a FIFO, a device, a socket).
    static func bytes(at path: String, field: String = "path") throws(ConvMatrixError) -> [UInt8] {
        guard !path.isEmpty else { throw .emptyPath(field) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path, "cannot read: \(SystemCall.reason())") }
        defer { _ = close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .file(path, "cannot read: \(SystemCall.reason())")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            let what = status.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "not a regular file"
            throw .file(path, "cannot read: \(what)")
        }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
            throw .file(path, "cannot read: \(SystemCall.reason())")
        }
        return try readAll(descriptor, sizeHint: Int(status.st_size), path: path)
    }

    /// Replaces the file at `path` with `bytes`, atomically (``AtomicFile/write(_:to:field:)``).
    ///
    ///     try NpyFile.replace("/tmp/x.bin", with: [1, 2, 3])
    static func replace(_ path: String, with bytes: [UInt8]) throws(ConvMatrixError) {
        try AtomicFile.write(bytes, to: path)
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
                throw .file(path, "cannot read: \(SystemCall.reason())")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

extension ConvMatrixError {
    /// An empty path names no file, so the error names what the file was for
    /// (`weight`, `output`, …) instead.
    static func emptyPath(_ field: String) -> Self {
        Self(.file, field: field, reason: "the path is empty")
    }
}
