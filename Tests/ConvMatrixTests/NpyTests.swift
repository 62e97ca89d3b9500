import Foundation
import Testing

@testable import ConvMatrix

/// Builders for hand-made `.npy` bytes, shared by the Npy*Tests suites.
enum NpyBytes {
    /// A `.npy` file with the header dict written verbatim (not padded to 64),
    /// the given version, and `payload` as data.
    static func file(dict: String, version: (UInt8, UInt8) = (1, 0), payload: [UInt8]) -> [UInt8] {
        let header = Array((dict + "\n").utf8)
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version.0, version.1]
        let lengthSize = version.0 == 1 ? 2 : 4
        for shift in stride(from: 0, to: 8 * lengthSize, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: header.count >> shift))
        }
        return bytes + header + payload
    }

    /// A `.npy` file with the usual dict for `descr`, `shape` and order.
    static func file(
        descr: String, shape: String, fortran: Bool = false, version: (UInt8, UInt8) = (1, 0),
        payload: [UInt8]
    ) -> [UInt8] {
        let order = fortran ? "True" : "False"
        return file(
            dict: "{'descr': '\(descr)', 'fortran_order': \(order), 'shape': \(shape), }",
            version: version, payload: payload)
    }

    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    static func f8(_ values: [Double], bigEndian big: Bool = false) -> [UInt8] {
        values.flatMap { big ? bigEndian($0.bitPattern) : littleEndian($0.bitPattern) }
    }

    static func f4(_ values: [Float], bigEndian big: Bool = false) -> [UInt8] {
        values.flatMap { big ? bigEndian($0.bitPattern) : littleEndian($0.bitPattern) }
    }

    static func i8(_ values: [Int64], bigEndian big: Bool = false) -> [UInt8] {
        values.flatMap { big ? bigEndian($0) : littleEndian($0) }
    }

    static func i4(_ values: [Int32], bigEndian big: Bool = false) -> [UInt8] {
        values.flatMap { big ? bigEndian($0) : littleEndian($0) }
    }

    /// The error reading `bytes` throws, or nil if it reads.
    static func error(reading bytes: [UInt8], path: String = "w.npy") -> ConvMatrixError? {
        do {
            _ = try NpyArray(data: Data(bytes), path: path)
            return nil
        } catch {
            return error
        }
    }
}

/// A fresh empty directory under the system temporary directory.
struct NpyScratchDirectory: ~Copyable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("NpyTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct NpyRoundTripTests {
    @Test(arguments: [[], [5], [3, 4], [2, 3, 4, 5]] as [[Int]])
    func float64RoundTrips(shape: [Int]) throws {
        var generator = SplitMix64(seed: 0x5EED + UInt64(shape.count))
        let values = (0..<shape.reduce(1, *)).map { _ in generator.nextSymmetric(bound: 10) }
        let bytes = NpyWriter.float64(values, shape: shape)

        let dataOffset = bytes.count - 8 * values.count
        #expect(dataOffset % 64 == 0)
        #expect(bytes[dataOffset - 1] == UInt8(ascii: "\n"))
        let array = try NpyArray(data: Data(bytes), path: "round-trip.npy")
        #expect(array == NpyArray(shape: shape, values: values))
    }

    @Test func float64KeepsEveryBit() throws {
        let values = [0.0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1 / 3, .pi]
        let array = try NpyArray(data: Data(NpyWriter.float64(values, shape: [6])), path: "bits.npy")
        #expect(array.values.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func int64RoundTrips() throws {
        let values = [-3, 0, 7, 1 << 40, -(1 << 52)]
        let bytes = NpyWriter.int64(values, shape: [5])
        let array = try NpyArray(data: Data(bytes), path: "ints.npy")
        #expect(array == NpyArray(shape: [5], values: values.map(Double.init)))
    }

    @Test func emptyArrayRoundTrips() throws {
        let bytes = NpyWriter.float64([], shape: [0, 3])
        let array = try NpyArray(data: Data(bytes), path: "empty.npy")
        #expect(array == NpyArray(shape: [0, 3], values: []))
    }

    @Test func thousandsOfAxesSwitchToVersion2LikeNumPy() throws {
        let shape = Array(repeating: 1, count: 22_000)
        let bytes = NpyWriter.float64([2.5], shape: shape)
        #expect(Array(bytes[6..<8]) == [2, 0])
        #expect((bytes.count - 8) % 64 == 0)
        let array = try NpyArray(data: Data(bytes), path: "many-axes.npy")
        #expect(array == NpyArray(shape: shape, values: [2.5]))
    }

    @Test func fileRoundTrips() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/weight.npy"
        var generator = SplitMix64(seed: 7)
        let values = (0..<18).map { _ in generator.nextSymmetric(bound: 1) }

        try NpyWriter.write(NpyWriter.float64(values, shape: [3, 2, 3]), to: path)
        #expect(try NpyArray(contentsOf: path) == NpyArray(shape: [3, 2, 3], values: values))
        #expect(try directory.contents() == ["weight.npy"])
    }
}
