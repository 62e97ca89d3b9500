import Foundation
import Testing

@testable import ConvMatrix

@Suite struct NpyFileTests {
    @Test func writeIntoMissingDirectoryThrowsAndLeavesNothing() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/missing/w.npy"
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(path)): cannot write: No such file or directory")) {
            try NpyWriter.write(NpyWriter.float64([1], shape: [1]), to: path)
        }
        #expect(try directory.contents() == [])
    }

    @Test func failedRenameRemovesTemporaryFile() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/taken"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try Data([1]).write(to: URL(fileURLWithPath: path + "/inside"))

        let error = try #require(throws: ConvMatrixError.self) {
            try NpyWriter.write(NpyWriter.float64([1], shape: [1]), to: path)
        }
        #expect(error.kind == .file && error.field == "path")
        #expect(error.reason.hasPrefix("\(EchoedText.quoted(path)): cannot replace: "))
        #expect(try directory.contents() == ["taken"])
    }

    @Test func writeReplacesExistingFileWhole() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/w.npy"
        try NpyWriter.write(NpyWriter.float64(Array(repeating: 9, count: 100), shape: [10, 10]), to: path)
        try NpyWriter.write(NpyWriter.float64([1, 2], shape: [2]), to: path)

        #expect(try NpyArray(contentsOf: path) == NpyArray(shape: [2], values: [1, 2]))
        #expect(try directory.contents() == ["w.npy"])
    }

    @Test func writesThroughDotComponent() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/./nested.npy"
        try NpyWriter.write(NpyWriter.int64([4, 5, 6], shape: [3]), to: path)
        #expect(try NpyArray(contentsOf: path).values == [4, 5, 6])
        #expect(try directory.contents() == ["nested.npy"])
    }

    @Test func writtenFileIsReadableAndWritableByOwner() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/w.npy"
        try NpyWriter.write(NpyWriter.float64([1], shape: [1]), to: path)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions.map { $0 & 0o600 } == 0o600)
    }
}
