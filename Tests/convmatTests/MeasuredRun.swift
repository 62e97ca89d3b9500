import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the `convmat` binary and measures its peak resident memory with wait4(2),
/// so that a test can hold the size guard to what the process really used.
enum MeasuredRun {
    struct Result {
        let status: Int32
        let stderr: String
        /// ru_maxrss: the peak resident set, in bytes.
        let peakBytes: Int
    }

    /// Runs `convmat arguments` with stdout to /dev/null and stderr captured.
    static func run(_ arguments: [String]) throws -> Result {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-peak-\(UUID().uuidString).txt").path
        defer { unlink(errorFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([CLI.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "COLUMNS")
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.binary.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        let exited = status & 0x7f == 0
        return Result(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            stderr: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "",
            peakBytes: Int(usage.ru_maxrss) * 1024)
    }
}
