#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh, registered temporary file beside a destination, for ``AtomicFile``.
///
/// Its name is `.convmat-` and 16 random hex digits (25 bytes), whatever the
/// destination's name, so it fits NAME_MAX (255) even beside a 255-byte name;
/// it is created with `O_EXCL`, and a name that is taken is retried with new
/// digits. It is registered in ``TemporaryFiles`` before it exists, so that a
/// signal at any moment finds it, and unregistered once it is renamed or gone.
///
///     let temporary = try TemporaryFile(beside: "out/x.txt", mode: 0o600, reportedAs: "out/x.txt")
///     // temporary.path == "out/.convmat-3f9c0e51d2a7b864"
struct TemporaryFile {
    let path: String
    let descriptor: Int32
    private let registration: TemporaryFiles.Registration?

    static let prefix = ".convmat-"
    static let attempts = 100

    /// Creates the file with permission bits `mode` (less the umask).
    ///
    /// - Throws: `.file(reportedAs, "cannot write: …")` when it cannot be created.
    init(beside target: String, mode: mode_t, reportedAs field: String) throws(ConvMatrixError) {
        let directory = OutputTarget.directoryPrefix(of: target)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<Self.attempts {
            let candidate = directory + Self.prefix + Self.hexDigits(generator.next())
            let registration = TemporaryFiles.register(candidate)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, mode)
            if descriptor >= 0 {
                (path, self.descriptor, self.registration) = (candidate, descriptor, registration)
                return
            }
            let failure = errno
            registration.map(TemporaryFiles.unregister)
            guard failure == EEXIST else { throw .file(field, "cannot write: \(String(cString: strerror(failure)))") }
        }
        throw .file(field, "cannot write: \(String(cString: strerror(EEXIST)))")
    }

    /// Closes the file and renames it over `target`; on failure the file is removed.
    ///
    /// - Throws: `.file(field, "cannot write: …")` if closing fails (the data may
    ///   not have reached the disk), `"cannot replace: …"` if the rename fails.
    func commit(over target: String, reportedAs field: String) throws(ConvMatrixError) {
        defer { registration.map(TemporaryFiles.unregister) }
        guard close(descriptor) == 0 else {
            let reason = SystemCall.reason()
            _ = unlink(path)
            throw .file(field, "cannot write: \(reason)")
        }
        guard rename(path, target) == 0 else {
            let reason = SystemCall.reason()
            _ = unlink(path)
            throw .file(field, "cannot replace: \(reason)")
        }
    }

    /// Closes and removes the file, after a failure.
    func remove() {
        _ = close(descriptor)
        _ = unlink(path)
        registration.map(TemporaryFiles.unregister)
    }

    /// `value` as exactly 16 lower-case hex digits.
    private static func hexDigits(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
