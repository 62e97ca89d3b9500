#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path given for output names, and so how ``AtomicFile`` writes it.
///
/// The rules, decided before a byte is written:
/// - a regular file, or a symbolic link to one, is replaced atomically: the
///   link stays a link and its target gets the new content, through a
///   temporary file beside the *target*; the target keeps its mode and,
///   where the process may, its owner;
/// - a missing name (or the missing target of a dangling link) becomes a new
///   regular file, 0644 less the umask;
/// - a character device or a FIFO (`/dev/null`, a named pipe) is opened and
///   written directly, with no temporary file;
/// - a link to one of this process's open descriptors (`/dev/stdout`,
///   `/dev/fd/N`, `/proc/self/fd/N`) is that descriptor, written as it is,
///   whatever it is: a shell's `>>` keeps appending, a socket works;
/// - a directory, a socket or a block device is refused.
///
///     try OutputTarget(resolving: "out.txt").kind   // .newFile, if out.txt is absent
struct OutputTarget: Equatable {
    enum Kind: Equatable {
        /// No file yet: create it with the default mode.
        case newFile
        /// A regular file to replace, keeping its permission bits and owner.
        case existingFile(mode: mode_t, owner: uid_t, group: gid_t)
        /// A device or FIFO to write in place.
        case stream
        /// An open descriptor of this process, to write without opening anything.
        case descriptor(Int32)
    }

    /// The path to write: the user's, or where its symbolic links lead.
    let path: String
    let kind: Kind

    /// Longest chain of symbolic links followed, as the kernel's own limit.
    static let linkLimit = 40

    /// Classifies `path` (already known to be non-empty).
    ///
    /// - Throws: `.file(path, "cannot replace: it is a directory")` (or a socket,
    ///   or a block device), or `.file(path, "cannot write: …")` when the path
    ///   cannot be examined, e.g. a component is not a directory.
    init(resolving path: String) throws(ConvMatrixError) {
        if let number = Self.descriptorLinked(by: path) {
            self.init(path: path, kind: .descriptor(number))
        } else if let status = SystemCall.status(of: path, followingLinks: true) {
            try self.init(existing: path, status: status)
        } else if errno == ENOENT {
            self.init(path: try Self.missingTarget(of: path), kind: .newFile)
        } else {
            throw .file(path, "cannot write: \(SystemCall.reason())")
        }
    }

    init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// An existing object, by the type of what `path` finally names.
    private init(existing path: String, status: stat) throws(ConvMatrixError) {
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            let kind = Kind.existingFile(mode: status.st_mode & 0o7777, owner: status.st_uid, group: status.st_gid)
            self.init(path: try Self.regularTarget(of: path), kind: kind)
        case S_IFCHR, S_IFIFO:
            self.init(path: path, kind: .stream)
        case S_IFDIR: throw .file(path, "cannot replace: it is a directory")
        case S_IFSOCK: throw .file(path, "cannot replace: it is a socket")
        case S_IFBLK: throw .file(path, "cannot replace: it is a block device")
        default: throw .file(path, "cannot replace: not a regular file")
        }
    }

    /// The file a path to an existing regular file names: the path itself, or,
    /// through symbolic links, the real path of their target.
    private static func regularTarget(of path: String) throws(ConvMatrixError) -> String {
        guard let own = SystemCall.status(of: path, followingLinks: false) else {
            throw .file(path, "cannot write: \(SystemCall.reason())")
        }
        guard own.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realPath(path) else { throw .file(path, "cannot write: \(SystemCall.reason())") }
        return resolved
    }

    /// Where a new file for `path` goes: `path`, or the missing end of its
    /// chain of dangling symbolic links.
    private static func missingTarget(of path: String) throws(ConvMatrixError) -> String {
        var current = path
        for _ in 0..<linkLimit {
            guard let status = SystemCall.status(of: current, followingLinks: false) else {
                guard errno == ENOENT else { throw .file(path, "cannot write: \(SystemCall.reason())") }
                return current
            }
            guard status.st_mode & S_IFMT == S_IFLNK else { return current }
            current = try linkTarget(of: current, reportedAs: path)
        }
        throw .file(path, "cannot write: \(String(cString: strerror(ELOOP)))")
    }

    /// What the symbolic link `link` points to, relative targets taken from its directory.
    private static func linkTarget(of link: String, reportedAs path: String) throws(ConvMatrixError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw .file(path, "cannot write: \(SystemCall.reason())") }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return directoryPrefix(of: link) + target
    }

    /// The descriptor N if `path`, or a symbolic link on its way, is this
    /// process's `/proc/PID/fd/N` (which `/dev/stdout` and `/dev/fd/N` lead to).
    ///
    /// Found before anything else, since these links are magic: `stat`
    /// describes the open file (a pipe, a socket) and `readlink` gives names
    /// such as `pipe:[4711]` that are no path.
    private static func descriptorLinked(by path: String) -> Int32? {
        let descriptorDirectory = "/proc/\(getpid())/fd"
        var current = path
        for _ in 0..<linkLimit {
            if let number = Int32(current.split(separator: "/").last ?? ""), number >= 0,
                realPath(directoryPrefix(of: current).isEmpty ? "." : directoryPrefix(of: current)) == descriptorDirectory
            {
                return number
            }
            guard let status = SystemCall.status(of: current, followingLinks: false), status.st_mode & S_IFMT == S_IFLNK,
                let next = try? linkTarget(of: current, reportedAs: path)
            else { return nil }
            current = next
        }
        return nil
    }

    /// `realpath(3)` of `path`, or nil.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` up to and including its last slash; "" for a bare name.
    static func directoryPrefix(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}
