import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the `convmat` binary under GNU time and reads its peak resident memory
/// (`%M`), so that a test can hold the size guard to what the process really used.
///
/// Not wait4(2) on a direct child: the kernel carries the spawning process's
/// high-water mark into the child's ru_maxrss at exec, so a child of the test
/// runner would report the runner's size. GNU time forks from its own small
/// image and reports the grandchild's peak alone.
enum MeasuredRun {
    struct Result {
        let status: Int32
        let stderr: String
        /// ru_maxrss: the peak resident set, in bytes.
        let peakBytes: Int
    }

    static let time = "/usr/bin/time"

    /// Runs `convmat arguments` with stdout to /dev/null and stderr captured.
    static func run(_ arguments: [String]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-peak-\(UUID().uuidString)").path
        let errorFile = scratch + ".stderr", usageFile = scratch + ".rss"
        defer {
            unlink(errorFile)
            unlink(usageFile)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([time, "-o", usageFile, "-f", "%M", CLI.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "COLUMNS")
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, time, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while wait4(pid, &status, 0, nil) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        let exited = status & 0x7f == 0
        return Result(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            stderr: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "",
            peakBytes: Self.peakKilobytes(in: usageFile) * 1024)
    }

    /// The last line of GNU time's `-f %M` output: kilobytes (0 when it wrote none).
    private static func peakKilobytes(in file: String) -> Int {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
    }
}
