#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system-call loops the file code shares.
enum SystemCall {
    /// The text of the current `errno`, e.g. "No such file or directory".
    static func reason() -> String {
        String(cString: strerror(errno))
    }

    /// Writes all of `bytes` to `descriptor`, resuming after partial writes,
    /// `EINTR` and `EAGAIN`.
    ///
    /// - Throws: `.file(path, "cannot write: …")` with the reason of the failed write.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(ConvMatrixError) {
        guard let failure = DescriptorWriter.writeAll(bytes, to: descriptor) else { return }
        throw .file(path, "cannot write: \(String(cString: strerror(failure)))")
    }

    /// `stat` or `lstat` of `path`, or nil with `errno` set.
    static func status(of path: String, followingLinks: Bool) -> stat? {
        var status = stat()
        let result = followingLinks ? stat(path, &status) : lstat(path, &status)
        return result == 0 ? status : nil
    }
}

/// The one write(2) loop of the package, for files and for the CLI's stdout and stderr.
public enum DescriptorWriter {
    /// Writes every byte of `bytes` to `descriptor`, resuming after `EINTR`, `EAGAIN`
    /// (a descriptor left non-blocking: it waits until the descriptor takes more)
    /// and partial writes; returns the `errno` of a failed write, or nil when all was written.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                return errno
            }
            if count == 0 { return EIO }
            written += count
        }
        return nil
    }
}
