import Foundation
import Testing

/// The progress line: on a terminal (a pseudo-terminal through script(1)) it is
/// rewritten in place and cleared at the end; off a terminal nothing is written.
@Suite struct ProgressLineTests {
    /// What `arguments` print on a pseudo-terminal (stdout and stderr together), with NO_COLOR set or not.
    static func onTerminal(_ arguments: String, noColour: Bool) throws -> (status: Int32, text: String) {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", "\(CLI.binary.path) \(arguments)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColour ? "1" : nil
        process.environment = environment
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func checkRandomRewritesOneLineAndClearsIt() throws {
        let (status, text) = try Self.onTerminal("check --random 20 --seed 3", noColour: false)
        #expect(status == 0)
        #expect(text.contains("\rcheck --random: checked 10 of 20, 0 failed\u{1b}[K"))
        #expect(text.contains("\rcheck --random: checked 20 of 20, 0 failed\u{1b}[K\r\u{1b}[K"), "cleared before the summary")
        #expect(text.contains("20 passed"))
    }

    @Test func noColourPadsInsteadOfErasing() throws {
        let (status, text) = try Self.onTerminal("check --random 20 --seed 3", noColour: true)
        #expect(status == 0)
        #expect(text.contains("\rcheck --random: checked 20 of 20, 0 failed"))
        #expect(!text.contains("\u{1b}["), "no ANSI sequence with NO_COLOR")
    }

    @Test func offATerminalNothingIsWritten() throws {
        let result = try CLI.run(["check", "--random", "20", "--seed", "3"])
        #expect(result.status == 0 && result.stderr.isEmpty)
    }
}
