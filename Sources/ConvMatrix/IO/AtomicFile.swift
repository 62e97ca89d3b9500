#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing a file so that an error never leaves it half-written.
///
/// What the path names decides how (``OutputTarget``): a regular file, or the
/// target of a symbolic link to one, is replaced atomically, so a reader sees
/// either the old file or the complete new one; a device or FIFO is written in
/// place; `/dev/stdout` and other links to an open descriptor write that
/// descriptor; a directory, socket or block device is refused.
///
///     try AtomicFile.write(Array("hello\n".utf8), to: "out/hello.txt", field: "output")
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    ///
    /// A file is replaced through a temporary file beside it (see
    /// ``TemporaryFiles``): written, given the old file's mode and owner (a new
    /// file gets 0644 less the umask), flushed, then renamed over it; on any
    /// failure the temporary file is removed. A character device or FIFO, such as
    /// `/dev/null`, is opened and written directly; `/dev/stdout`, `/dev/fd/N`
    /// and `/proc/self/fd/N` write the open descriptor itself.
    ///
    /// `field` names what the file is for (e.g. `output`): it is the error's
    /// field, and the reason starts with the quoted path.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.file`: "the path is empty",
    ///   "cannot replace: it is a directory" (or a socket, or a block device),
    ///   "cannot write: …" or "cannot replace: …" with the system's reason.
    public static func write(_ bytes: [UInt8], to path: String, field: String = "path") throws(ConvMatrixError) {
        try write(to: path, field: field) { (emit: ChunkWriter) throws(ConvMatrixError) in try emit(bytes) }
    }

    /// Writes one chunk of a streamed file.
    public typealias ChunkWriter = ([UInt8]) throws(ConvMatrixError) -> Void

    /// Writes what `produce` emits, chunk by chunk, to `path`, with the same
    /// guarantees as ``write(_:to:field:)``: a regular file appears whole or not
    /// at all, however many chunks it took (a document larger than memory, such as
    /// the terms of AlexNet's conv1, is never held whole). An error `produce`
    /// throws removes the temporary file and is thrown as it is.
    public static func write(
        to path: String, field: String = "path", producing produce: (ChunkWriter) throws(ConvMatrixError) -> Void
    ) throws(ConvMatrixError) {
        do {
            try writeResolving(to: path, field: field, produce)
        } catch {
            throw error.naming(field, forPath: path)
        }
    }

    private static func writeResolving(
        to path: String, field: String, _ produce: (ChunkWriter) throws(ConvMatrixError) -> Void
    ) throws(ConvMatrixError) {
        guard !path.isEmpty else { throw .emptyPath(field) }
        let target = try OutputTarget(resolving: path)
        switch target.kind {
        case .stream:
            try writeInPlace(produce, to: target.path, reportedAs: path)
        case .descriptor(let number):
            try produce { (chunk: [UInt8]) throws(ConvMatrixError) in try SystemCall.writeAll(chunk, to: number, path: path) }
        case .newFile:
            try replace(target.path, with: produce, keeping: nil, reportedAs: path)
        case .existingFile(let mode, let owner, let group):
            try replace(target.path, with: produce, keeping: (mode, owner, group), reportedAs: path)
        }
    }

    /// Writes a device or FIFO through a plain `open`, no temporary file.
    private static func writeInPlace(
        _ produce: (ChunkWriter) throws(ConvMatrixError) -> Void, to target: String, reportedAs path: String
    ) throws(ConvMatrixError) {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path, "cannot write: \(SystemCall.reason())") }
        defer { _ = close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .file(path, "cannot write: \(SystemCall.reason())") }
        let type = status.st_mode & S_IFMT
        guard type == S_IFCHR || type == S_IFIFO else {
            throw .file(path, "cannot write: it was replaced while being opened")
        }
        try produce { (chunk: [UInt8]) throws(ConvMatrixError) in try SystemCall.writeAll(chunk, to: descriptor, path: path) }
    }

    /// Replaces the regular file `target` (or creates it) through a temporary file.
    ///
    /// The temporary file of an existing target starts as 0600 and takes the
    /// target's owner and mode only once its content is written, so the new
    /// content is never readable by more people than the old.
    private static func replace(
        _ target: String, with produce: (ChunkWriter) throws(ConvMatrixError) -> Void, keeping old: (mode: mode_t, owner: uid_t, group: gid_t)?,
        reportedAs path: String
    ) throws(ConvMatrixError) {
        let temporary = try TemporaryFile(beside: target, mode: old == nil ? 0o644 : 0o600, reportedAs: path)
        do throws(ConvMatrixError) {
            try produce { (chunk: [UInt8]) throws(ConvMatrixError) in try SystemCall.writeAll(chunk, to: temporary.descriptor, path: path) }
            if let old {
                // Only a privileged process may give a file away; others keep their own.
                _ = fchown(temporary.descriptor, old.owner, old.group)
                guard fchmod(temporary.descriptor, old.mode) == 0 else {
                    throw .file(path, "cannot write: \(SystemCall.reason())")
                }
            }
            guard fsync(temporary.descriptor) == 0 else { throw .file(path, "cannot write: \(SystemCall.reason())") }
        } catch {
            temporary.remove()
            throw error
        }
        try temporary.commit(over: target, reportedAs: path)
    }
}
