import Testing

@testable import ConvMatrix

@Suite struct NpyWriterTests {
    /// Fixture from NumPy 2.4.6: the first 128 bytes of
    /// `np.save(f, np.zeros((3, 4)))`, i.e. the preamble `\x93NUMPY\x01\x00`, the
    /// header length 118 (0x76) as little-endian UInt16, the dict, 58 spaces and
    /// a newline.
    static let numpyHeader3x4: [UInt8] =
        [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00]
        + Array("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }".utf8)
        + Array(repeating: 0x20, count: 58) + [0x0A]

    @Test func headerMatchesNumPyByteForByte() {
        let bytes = NpyWriter.float64(Array(repeating: 0, count: 12), shape: [3, 4])
        #expect(Self.numpyHeader3x4.count == 128)
        #expect(Array(bytes.prefix(128)) == Self.numpyHeader3x4)
        #expect(bytes.count == 128 + 12 * 8)
        #expect(bytes[128...].allSatisfy { $0 == 0 })
    }

    /// Fixtures from NumPy 2.4.6 (`numpy.lib._format_impl._write_array_header`):
    /// the dict text, the number of spaces after it and the total header size.
    /// The spaces include NumPy's spare room for the first axis to grow to 21
    /// digits. The all-ones shape of 36 axes ends exactly on a 64-byte boundary
    /// before padding, where NumPy still adds 64 spaces.
    static let numpyHeaders: [(descr: String, shape: [Int], dict: String, spaces: Int, total: Int)] = [
        ("<f8", [], "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 62, 128),
        ("<f8", [5], "{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }", 60, 128),
        ("<f8", [2, 3, 4, 5], "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, 4, 5), }", 52, 128),
        ("<f8", [123_456_789, 2], "{'descr': '<f8', 'fortran_order': False, 'shape': (123456789, 2), }", 50, 128),
        ("<i8", [3, 2], "{'descr': '<i8', 'fortran_order': False, 'shape': (3, 2), }", 58, 128),
        (
            "<f8", Array(repeating: 1, count: 36),
            "{'descr': '<f8', 'fortran_order': False, 'shape': ("
                + Array(repeating: "1", count: 36).joined(separator: ", ") + "), }", 84, 256
        ),
    ]

    @Test(arguments: numpyHeaders.indices)
    func headerMatchesNumPy(case index: Int) {
        let fixture = Self.numpyHeaders[index]
        let headerLength = fixture.total - 10
        let expected: [UInt8] =
            [0x93] + Array("NUMPY".utf8) + [1, 0]
            + [UInt8(headerLength & 0xFF), UInt8(headerLength >> 8)]
            + Array(fixture.dict.utf8) + Array(repeating: 0x20, count: fixture.spaces) + [0x0A]
        let header = NpyWriter.header(
            descr: fixture.descr, shape: fixture.shape, count: fixture.shape.reduce(1, *), itemSize: 8)
        #expect(header == expected)
        #expect(expected.count == fixture.total)
    }

    @Test func int64WritesLittleEndianData() {
        let bytes = NpyWriter.int64([1, -2], shape: [2])
        let one: [UInt8] = [0x01, 0, 0, 0, 0, 0, 0, 0]
        let minusTwo: [UInt8] = [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(Array(bytes.suffix(16)) == one + minusTwo)
        #expect(String(decoding: bytes[10..<25], as: UTF8.self) == "{'descr': '<i8'")
    }
}
