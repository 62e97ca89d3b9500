import ConvMatrix
import Foundation
import Testing

/// `--output` by what the path names, file flags given odd paths, and SIGTERM during a write.
@Suite struct OutputFileTests {
    static let slide = ["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]

    static func scratchDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    static func contents(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    static func fileType(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    static func expectOneLineError(_ result: CLI.Result, containing text: String) {
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("convmat: error: \(text)"), "stderr: \(result.stderr)")
    }

    @Test func symbolicLinkIsFollowedAndTheTargetKeepsItsMode() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/target.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.txt", withDestinationPath: "target.txt")

        let result = try CLI.run(Self.slide + ["--output", directory + "/link.txt"])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(try Self.fileType(directory + "/link.txt") == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == (try CLI.run(Self.slide).stdout))
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        #expect(try Self.contents(directory) == ["link.txt", "target.txt"])
    }

    @Test func devNullIsWrittenAndStaysADevice() throws {
        let result = try CLI.run(Self.slide + ["--output", "/dev/null"])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(try Self.fileType("/dev/null") == .typeCharacterSpecial)
    }

    @Test func devStdoutReachesStdout() throws {
        let result = try CLI.run(Self.slide + ["--output", "/dev/stdout"])
        #expect(result.status == 0)
        #expect(result.stdout == (try CLI.run(Self.slide).stdout))
    }

    @Test func devStdoutAppendsWhereTheShellAppends() throws {
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let log = scratch + "/log.txt"
        try Data("first\n".utf8).write(to: URL(fileURLWithPath: log))
        let script = #"log=$1; shift; "$0" "$@" --output /dev/stdout >> "$log""#
        let child = try CleanChild("/bin/sh", ["-c", script, CLI.binary.path, log] + Self.slide)
        #expect(child.status(waiting: true) == 0)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "first\n" + (try CLI.run(Self.slide).stdout))
    }

    @Test func devFullIsOneLine() throws {
        Self.expectOneLineError(try CLI.run(Self.slide + ["--output", "/dev/full"]), containing: "output: '/dev/full': cannot write: No space left on device")
        #expect(try Self.fileType("/dev/full") == .typeCharacterSpecial)
    }

    @Test func directoryIsRefusedByName() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        Self.expectOneLineError(try CLI.run(Self.slide + ["--output", directory]), containing: "output: '\(directory)': cannot replace: it is a directory")
        #expect(try Self.contents(directory) == [])
    }

    @Test func socketIsRefusedByName() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/socket"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        Self.expectOneLineError(try CLI.run(Self.slide + ["--output", path]), containing: "output: '\(path)': cannot replace: it is a socket")
        #expect(try Self.fileType(path) == .typeSocket)
    }

    @Test func twoHundredFiftyCharacterNameIsWritten() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = String(repeating: "x", count: 246) + ".txt"
        let result = try CLI.run(Self.slide + ["--output", directory + "/" + name])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try Self.contents(directory) == [name])
        #expect(try String(contentsOfFile: directory + "/" + name, encoding: .utf8) == (try CLI.run(Self.slide).stdout))
    }

    static let fileFlags: [(flag: String, arguments: [String])] = [
        ("weight", ["show", "Conv1d(2, 3, 3, bias=False)", "--input", "2x6", "--weight"]),
        ("bias", ["show", "Conv1d(1, 1, 3)", "--input", "1x4", "--weight", "WEIGHT", "--bias"]),
        ("x", ["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--x"]),
        ("output", ["show", "Conv1d(1, 1, 3)", "--input", "1x4", "--output"]),
    ]

    /// A valid weight (1, 1, 3) for the `--bias` cases, which read the weight first.
    static func weightFile(in directory: String) throws -> String {
        let path = directory + "/w.npy"
        try NpyWriter.write(NpyWriter.float64([1, 2, 1], shape: [1, 1, 3]), to: path)
        return path
    }

    @Test(arguments: fileFlags)
    func emptyPathNamesTheFlag(flag: String, arguments: [String]) throws {
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let weight = try Self.weightFile(in: scratch)
        let result = try CLI.run(arguments.map { $0 == "WEIGHT" ? weight : $0 } + [""])
        Self.expectOneLineError(result, containing: "\(flag): the path is empty")
    }

    @Test(.timeLimit(.minutes(1)), arguments: fileFlags.filter { $0.flag != "output" })
    func fifoInputIsRefusedPromptly(flag: String, arguments: [String]) throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/fifo.npy"
        try #require(mkfifo(fifo, 0o600) == 0)
        let result = try CLI.run(arguments.map { $0 == "WEIGHT" ? try Self.weightFile(in: directory) : $0 } + [fifo])
        Self.expectOneLineError(result, containing: "\(flag): '\(fifo)': cannot read: not a regular file")
    }
}
