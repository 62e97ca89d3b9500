import Foundation
import Testing

/// SIGTERM or SIGINT while `--output` is being written leaves neither a temporary file nor half a file.
@Suite struct SignalCleanupTests {
    /// Layers whose text output takes a moment to write (about 10 MB, then 60 MB).
    static let layers = [["Conv2d(4, 12, 5)", "4x14x14"], ["Conv2d(4, 12, 5)", "4x20x20"]]

    static func temporaries(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(".convmat-") }
    }

    /// One run: start the write, stop the process as soon as its temporary file
    /// appears, send `signal` and let it go on. Returns whether the signal came
    /// while the temporary file existed, and the shell's view of the status.
    static func interruptedWrite(layer: [String], into directory: String, by signal: Int32) throws -> (caught: Bool, status: Int32) {
        let arguments = ["show", layer[0], "--input", layer[1], "--format", "text", "--output", directory + "/x.txt"]
        let child = try CleanChild(CLI.binary.path, arguments)
        var caught = false
        while !caught {
            if let status = child.status(waiting: false) { return (false, CleanChild.shellStatus(status)) }
            guard !temporaries(in: directory).isEmpty else {
                usleep(200)
                continue
            }
            kill(child.pid, SIGSTOP)
            // SIGSTOP takes effect asynchronously; wait until the child is stopped (or gone).
            var status: Int32 = 0
            let stopped = waitpid(child.pid, &status, WUNTRACED)
            if stopped == child.pid, status & 0xff != 0x7f { return (false, CleanChild.shellStatus(status)) }
            caught = !temporaries(in: directory).isEmpty
            if caught { kill(child.pid, signal) }
            kill(child.pid, SIGCONT)
        }
        return (caught, CleanChild.shellStatus(try #require(child.status(waiting: true))))
    }

    @Test(.timeLimit(.minutes(5)), arguments: [SIGTERM, SIGINT])
    func signalRemovesTheTemporaryFile(signal: Int32) throws {
        let attempts = [Self.layers[0], Self.layers[0], Self.layers[0], Self.layers[1]]
        for layer in attempts {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let (caught, status) = try Self.interruptedWrite(layer: layer, into: directory, by: signal)
            #expect(Self.temporaries(in: directory).isEmpty)
            if caught {
                #expect(status == 128 + signal)
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
                return
            }
            // The write finished before the signal: then the file is whole.
            #expect(status == 0)
            let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/x.txt"))
            let whole = try CLI.run(["show", layer[0], "--input", layer[1], "--format", "text"]).stdout
            #expect(written == Data(whole.utf8))
        }
    }
}
