import Foundation
import Testing

@testable import ConvMatrix

/// Where `AtomicFile.write` puts its bytes, by what the path names (docs/printing.md, "Where --output writes").
@Suite struct AtomicFileTests {
    static let content: [UInt8] = Array("new content\n".utf8)

    static func type(of path: String, followingLinks: Bool = false) -> mode_t? {
        SystemCall.status(of: path, followingLinks: followingLinks).map { $0.st_mode & S_IFMT }
    }

    static func mode(of path: String) -> mode_t? {
        SystemCall.status(of: path, followingLinks: true).map { $0.st_mode & 0o7777 }
    }

    static func bytes(of path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func symbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let directory = try NpyScratchDirectory()
        let target = directory.path + "/target.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link.txt", withDestinationPath: "target.txt")

        try AtomicFile.write(Self.content, to: directory.path + "/link.txt")
        #expect(Self.type(of: directory.path + "/link.txt") == S_IFLNK)
        #expect(try Self.bytes(of: target) == Self.content)
        #expect(try directory.contents() == ["link.txt", "target.txt"])
    }

    @Test func linkIntoAnotherDirectoryPutsTheTemporaryBesideTheTarget() throws {
        let directory = try NpyScratchDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/real", withIntermediateDirectories: false)
        try Data("old".utf8).write(to: URL(fileURLWithPath: directory.path + "/real/w.npy"))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/w.npy", withDestinationPath: "real/w.npy")

        try AtomicFile.write(Self.content, to: directory.path + "/w.npy")
        #expect(try Self.bytes(of: directory.path + "/real/w.npy") == Self.content)
        #expect(Self.type(of: directory.path + "/w.npy") == S_IFLNK)
    }

    @Test func danglingLinkCreatesItsTarget() throws {
        let directory = try NpyScratchDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link", withDestinationPath: "made.txt")
        try AtomicFile.write(Self.content, to: directory.path + "/link")
        #expect(try Self.bytes(of: directory.path + "/made.txt") == Self.content)
        #expect(Self.type(of: directory.path + "/link") == S_IFLNK)
    }

    @Test(arguments: [0o600, 0o640, 0o755] as [mode_t])
    func existingFileKeepsItsMode(mode: mode_t) throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/keep.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode) == 0)
        try AtomicFile.write(Self.content, to: path)
        #expect(Self.mode(of: path) == mode)
        #expect(try Self.bytes(of: path) == Self.content)
    }

    @Test(.enabled(if: getuid() == 0, "only root may give a file to another owner"))
    func existingFileKeepsItsOwner() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/owned.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try #require(chown(path, 65534, 65534) == 0)
        try AtomicFile.write(Self.content, to: path)
        let status = try #require(SystemCall.status(of: path, followingLinks: false))
        #expect(status.st_uid == 65534 && status.st_gid == 65534)
    }

    @Test func newFileGetsTheModeOpenGivesUnderTheUmask() throws {
        let directory = try NpyScratchDirectory()
        let reference = open(directory.path + "/reference", O_WRONLY | O_CREAT | O_EXCL, 0o644 as mode_t)
        #expect(reference >= 0)
        close(reference)
        try AtomicFile.write(Self.content, to: directory.path + "/new.txt")
        #expect(Self.mode(of: directory.path + "/new.txt") == Self.mode(of: directory.path + "/reference"))
    }

    @Test func characterDeviceIsWrittenInPlace() throws {
        try AtomicFile.write(Self.content, to: "/dev/null")
        #expect(Self.type(of: "/dev/null") == S_IFCHR)
    }

    @Test func fullDeviceFailsWithTheSystemsReason() throws {
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted("/dev/full")): cannot write: No space left on device")) {
            try AtomicFile.write(Self.content, to: "/dev/full")
        }
        #expect(Self.type(of: "/dev/full") == S_IFCHR)
    }

    @Test(.timeLimit(.minutes(1)))
    func fifoIsWrittenInPlace() async throws {
        let directory = try NpyScratchDirectory()
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        try AtomicFile.write(Self.content, to: fifo)
        #expect([UInt8](await reader.value) == Self.content)
        #expect(Self.type(of: fifo) == S_IFIFO)
        #expect(try directory.contents() == ["pipe"])
    }

    @Test(arguments: ["/dev/fd/", "/proc/self/fd/"])
    func descriptorLinkWritesTheOpenDescriptor(prefix: String) throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        try AtomicFile.write(Self.content, to: prefix + String(ends[1]))
        var received = [UInt8](repeating: 0, count: Self.content.count)
        #expect(read(ends[0], &received, received.count) == Self.content.count)
        #expect(received == Self.content)
    }

    @Test func descriptorLinkToAClosedDescriptorFails() throws {
        let directory = try NpyScratchDirectory()
        let descriptor = open(directory.path, O_RDONLY)
        close(descriptor)
        let path = "/dev/fd/\(descriptor)"
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(path)): cannot write: Bad file descriptor")) {
            try AtomicFile.write(Self.content, to: path)
        }
    }

    @Test func directoryIsRefused() throws {
        let directory = try NpyScratchDirectory()
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(directory.path)): cannot replace: it is a directory")) {
            try AtomicFile.write(Self.content, to: directory.path)
        }
        #expect(try directory.contents() == [])
    }

    @Test func socketIsRefused() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/socket"
        let socket = try UnixSocket(boundAt: path)
        defer { socket.close() }
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(path)): cannot replace: it is a socket")) {
            try AtomicFile.write(Self.content, to: path)
        }
        #expect(Self.type(of: path) == S_IFSOCK)
        #expect(try directory.contents() == ["socket"])
    }

    @Test(arguments: [250, 255])
    func longestNamesFitWithTheirTemporary(length: Int) throws {
        let directory = try NpyScratchDirectory()
        let name = String(repeating: "n", count: length)
        try AtomicFile.write(Self.content, to: directory.path + "/" + name)
        try AtomicFile.write(Self.content, to: directory.path + "/" + name)
        #expect(try directory.contents() == [name])
    }

    @Test func emptyPathNamesTheField() throws {
        #expect(throws: ConvMatrixError(.file, field: "output", reason: "the path is empty")) {
            try AtomicFile.write(Self.content, to: "", field: "output")
        }
        #expect(throws: ConvMatrixError(.file, field: "weight", reason: "the path is empty")) {
            try NpyArray(contentsOf: "", field: "weight")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func readingAFifoWithoutWriterIsRefusedAtOnce() throws {
        let directory = try NpyScratchDirectory()
        let fifo = directory.path + "/w.npy"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(fifo)): cannot read: not a regular file")) {
            try NpyArray(contentsOf: fifo)
        }
    }

    @Test func readingADeviceIsRefused() throws {
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted("/dev/zero")): cannot read: not a regular file")) {
            try NpyArray(contentsOf: "/dev/zero")
        }
    }

    @Test func writeLeavesNoRegisteredTemporary() throws {
        let directory = try NpyScratchDirectory()
        try AtomicFile.write(Self.content, to: directory.path + "/x.txt")
        #expect(TemporaryFiles.registeredPaths.allSatisfy { !$0.hasPrefix(directory.path) })
        #expect(throws: ConvMatrixError.self) { try AtomicFile.write(Self.content, to: directory.path + "/missing/x.txt") }
        #expect(TemporaryFiles.registeredPaths.allSatisfy { !$0.hasPrefix(directory.path) })
    }

    /// The registry is shared by the whole process: these two take its slots, so they run one at a time.
    @Suite(.serialized) struct Registry {
        @Test func registeredPathIsListedUntilUnregistered() throws {
            let path = "/nonexistent/.convmat-\(UUID().uuidString)"
            let registration = try #require(TemporaryFiles.register(path))
            #expect(TemporaryFiles.registeredPaths.contains(path))
            TemporaryFiles.unregister(registration)
            #expect(!TemporaryFiles.registeredPaths.contains(path))
        }

        @Test func writeWorksWithEverySlotTaken() throws {
            var taken: [TemporaryFiles.Registration] = []
            while taken.count < TemporaryFiles.slotCount, let registration = TemporaryFiles.register("/nonexistent/slot") {
                taken.append(registration)
            }
            defer { taken.forEach(TemporaryFiles.unregister) }
            let directory = try NpyScratchDirectory()
            try AtomicFile.write(AtomicFileTests.content, to: directory.path + "/x.txt")
            #expect(try AtomicFileTests.bytes(of: directory.path + "/x.txt") == AtomicFileTests.content)
        }
    }
}

/// A listening-free Unix socket bound at a path, so that the path names a socket.
struct UnixSocket {
    let descriptor: Int32

    init(boundAt path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
    }

    func close() { _ = Glibc.close(descriptor) }
}
