import Foundation
import Testing

/// stdout or stderr closed, full or a broken pipe: an exit status and at most one line, never a trap.
@Suite struct StreamFailureTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `script` in /bin/sh with the binary as $0 and `arguments` as "$@".
    static func shell(_ script: String, _ arguments: [String]) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let child = try CleanChild("/bin/sh", ["-c", script, CLI.binary.path] + arguments, stdout: directory + "/out", stderr: directory + "/err")
        let status = try #require(child.status(waiting: true))
        return Outcome(
            status: CleanChild.shellStatus(status),
            stdout: try String(contentsOfFile: directory + "/out", encoding: .utf8),
            stderr: try String(contentsOfFile: directory + "/err", encoding: .utf8))
    }

    static let commands: [[String]] = [
        ["show", "Conv1d(2, 3, 3)", "--input", "2x6"],
        ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--format", "npy"],
        ["check", "Conv1d(2, 3, 3)", "--input", "2x6"],
        ["spectrum", "Conv1d(1, 1, 3)", "--input", "1x8"],
        ["invert", "Conv1d(1, 1, 3)", "--input", "1x8"],
        ["demo", "slide"],
        ["show", "--help"],
    ]

    static func expectNoTrap(_ outcome: Outcome) {
        #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("Stack dump"), "stderr: \(outcome.stderr)")
    }

    @Test(arguments: commands)
    func closedStdoutIsExitTwoWithOneLine(arguments: [String]) throws {
        let outcome = try Self.shell(#""$0" "$@" >&-"#, arguments)
        Self.expectNoTrap(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "convmat: error: stdout: cannot write: Bad file descriptor\n")
    }

    @Test(arguments: commands)
    func fullStdoutIsExitTwoWithOneLine(arguments: [String]) throws {
        let outcome = try Self.shell(#""$0" "$@" >/dev/full"#, arguments)
        Self.expectNoTrap(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "convmat: error: stdout: cannot write: No space left on device\n")
    }

    @Test(arguments: ["trap '' PIPE; ", ""])
    func brokenPipeEndsBySigpipeInSilence(prelude: String) throws {
        // The status of convmat itself, not of head, goes to the script's stdout through fd 3.
        let script = prelude + #"exec 3>&1; { "$0" "$@"; echo $? >&3; } | head -c1 >/dev/null"#
        let outcome = try Self.shell(script, ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "141\n")
        #expect(outcome.stderr.isEmpty, "stderr: \(outcome.stderr)")
    }

    @Test func closedStderrKeepsTheStatusOfBadInput() throws {
        let outcome = try Self.shell(#""$0" "$@" 2>&-"#, ["show", "Conv1d(1, 1, 5)", "--input", "1x4"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
    }

    @Test func fullStderrKeepsTheStatusOfBadInput() throws {
        let outcome = try Self.shell(#""$0" "$@" 2>/dev/full"#, ["show", "Conv1d(1, 1, 5)", "--input", "1x4"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
    }

    @Test func bothClosedIsStillExitTwo() throws {
        let outcome = try Self.shell(#""$0" "$@" >&- 2>&-"#, ["show", "Conv1d(2, 3, 3)", "--input", "2x6"])
        #expect(outcome.status == 2)
    }

    @Test func closedStdoutDoesNotCaptureOutputFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let outcome = try Self.shell(#""$0" "$@" >&- 2>&-"#, ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--output", directory + "/x.txt"])
        #expect(outcome.status == 0)
        let plain = try CLI.run(["show", "Conv1d(2, 3, 3)", "--input", "2x6"]).stdout
        #expect(try String(contentsOfFile: directory + "/x.txt", encoding: .utf8) == plain)
    }
}
