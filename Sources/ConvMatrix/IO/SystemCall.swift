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
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                // A descriptor left non-blocking (an inherited stdout): wait until it takes more.
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                throw .file(path, "cannot write: \(reason())")
            }
            if count == 0 { throw .file(path, "cannot write: \(String(cString: strerror(EIO)))") }
            written += count
        }
    }

    /// `stat` or `lstat` of `path`, or nil with `errno` set.
    static func status(of path: String, followingLinks: Bool) -> stat? {
        var status = stat()
        let result = followingLinks ? stat(path, &status) : lstat(path, &status)
        return result == 0 ? status : nil
    }
}
