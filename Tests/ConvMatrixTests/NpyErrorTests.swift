import Foundation
import Testing

@testable import ConvMatrix

@Suite struct NpyErrorTests {
    /// The error reading `bytes` as "w.npy", checked to be a one-line `.file` error on that path.
    private func error(_ bytes: [UInt8]) throws -> ConvMatrixError {
        let error = try #require(NpyBytes.error(reading: bytes, path: "w.npy"))
        #expect(error.kind == .file)
        #expect(error.field == "w.npy")
        #expect(!error.reason.contains("\n") && !error.reason.contains("\r"))
        return error
    }

    private let six = NpyBytes.f8([1, 2, 3, 4, 5, 6])

    @Test func rejectsWrongMagic() throws {
        var bytes = NpyWriter.float64([1], shape: [1])
        bytes[1] = UInt8(ascii: "X")
        let reason = try error(bytes).reason
        #expect(reason == "not a .npy file: it starts with b'\\x93XUMPY' instead of b'\\x93NUMPY'")
    }

    @Test func rejectsTextFile() throws {
        #expect(try error(Array("hello\nworld".utf8)).reason.hasPrefix("not a .npy file: it starts with b'hello\\n'"))
    }

    @Test func rejectsEmptyFile() throws {
        #expect(try error([]).reason == "not a .npy file: it is empty")
    }

    @Test func rejectsTruncatedPreamble() throws {
        let bytes = Array(NpyWriter.float64([1], shape: [1]).prefix(9))
        #expect(try error(bytes).reason.hasPrefix("truncated: the file ends after 9 bytes"))
    }

    @Test func rejectsTruncatedHeader() throws {
        let bytes = Array(NpyWriter.float64([1], shape: [1]).prefix(60))
        #expect(try error(bytes).reason == "truncated: the header declares 118 bytes but only 50 follow the preamble")
    }

    @Test func rejectsUnknownVersion() throws {
        var bytes = NpyWriter.float64([1], shape: [1])
        bytes[6] = 4
        #expect(try error(bytes).reason == "unsupported .npy format version 4.0; accepted: 1.0, 2.0, 3.0")
    }

    @Test func rejectsTruncatedData() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "(3,)", payload: NpyBytes.f8([1, 2]))
        #expect(try error(bytes).reason == "truncated: expected 24 bytes of data, found 16")
    }

    @Test func rejectsExtraData() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "(3,)", payload: NpyBytes.f8([1, 2, 3, 4]))
        #expect(try error(bytes).reason == "expected 24 bytes of data, found 32: 8 extra bytes after the array")
    }

    @Test(arguments: [
        ("<c16", "unsupported dtype '<c16' (complex)"),
        ("|b1", "unsupported dtype '|b1' (bool)"),
        ("|O", "unsupported dtype '|O' (Python object)"),
        ("<U5", "unsupported dtype '<U5' (string)"),
        ("<u4", "unsupported dtype '<u4' (unsigned integer)"),
        ("<f2", "unsupported dtype '<f2' (float)"),
        ("|f8", "unsupported dtype '|f8' (float)"),
        ("<f16", "unsupported dtype '<f16' (float)"),
        ("float64", "unsupported dtype 'float64'"),
    ])
    func rejectsUnsupportedDtype(descr: String, start: String) throws {
        let bytes = NpyBytes.file(descr: descr, shape: "(1,)", payload: [0, 0, 0, 0, 0, 0, 0, 0])
        let reason = try error(bytes).reason
        #expect(reason.hasPrefix(start + "; accepted: '<f8', '<f4', '<i8', '<i4'"))
    }

    @Test func rejectsStructuredDtype() throws {
        let dict = "{'descr': [('x', '<f8'), ('y', '<i4')], 'fortran_order': False, 'shape': (1,), }"
        let reason = try error(NpyBytes.file(dict: dict, payload: Array(repeating: 0, count: 12))).reason
        #expect(reason.hasPrefix("unsupported structured dtype (a list of fields); accepted: '<f8'"))
    }

    @Test func namesTheFirstNaN() throws {
        let values = [0, 1, 2, 3, 4, .nan, .infinity, 7]
        let bytes = NpyBytes.file(descr: "<f8", shape: "(2, 4)", payload: NpyBytes.f8(values))
        #expect(try error(bytes).reason == "value nan at flat index 5, index (1, 1), is not finite; every value must be finite")
    }

    @Test func namesInfinityInFloat32() throws {
        let bytes = NpyBytes.file(descr: "<f4", shape: "(3,)", payload: NpyBytes.f4([1, -.infinity, 3]))
        #expect(try error(bytes).reason.hasPrefix("value -inf at flat index 1, index (1,), is not finite"))
    }

    @Test func namesNaNOfFortranArrayInCOrder() throws {
        // Stored position 1 of a Fortran-order (2, 3) array is element (1, 0), C flat index 3.
        let bytes = NpyBytes.file(
            descr: "<f8", shape: "(2, 3)", fortran: true, payload: NpyBytes.f8([0, .nan, 1, 4, 2, 5]))
        #expect(try error(bytes).reason.hasPrefix("value nan at flat index 3, index (1, 0),"))
    }

    @Test func namesNaNOfScalar() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "()", payload: NpyBytes.f8([.nan]))
        #expect(try error(bytes).reason.hasPrefix("value nan at flat index 0, index (),"))
    }

    @Test(
        arguments: [
            ("{'descr': '<f8', 'fortran_order': False}", "header dict has no key 'shape'"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), 'x': 1}", "header dict has unexpected key 'x'"),
            ("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (6,)}", "header dict has key 'descr' twice"),
            ("{'descr': '<f8', 'fortran_order': 0, 'shape': (6,)}", "header 'fortran_order' is not True or False"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': 6}", "header 'shape' is not a tuple"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (6)}", "header 'shape' is not a tuple"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (-6,)}", "header 'shape' must hold non-negative integers"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (6.0,)}", "header is not a valid Python literal: unexpected '.' in an integer"),
            ("{'descr': 8, 'fortran_order': False, 'shape': (6,)}", "header 'descr' is not a dtype string"),
            ("('descr', '<f8')", "header is not a Python dict"),
            ("{'descr': '<f8' 'fortran_order': False, 'shape': (6,)}", "header is not a valid Python literal: unexpected '\\'' where ',' or '}' was expected"),
            ("{'descr': '<f8, 'fortran_order': False, 'shape': (6,)}", "header is not a valid Python literal: unexpected 'f' where ',' or '}' was expected"),
            ("{'descr': '<f8', 'fortran_order': false, 'shape': (6,)}", "header is not a valid Python literal: unexpected name 'false'"),
            (
                "{'descr': '<f8', 'fortran_order': False, 'shape': (6,)",
                "header is not a valid Python literal: unexpected end of header where ',' or '}' was expected"
            ),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (6,)} x", "header is not a valid Python literal: unexpected 'x' after the literal"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "header is not a valid Python literal: integer too large"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}", "shape (4294967296, 4294967296) is too large"),
            ("{'descr': '\u{1}\n', 'fortran_order': False, 'shape': (6,)}", "header is not a valid Python literal: unterminated string"),
            ("{'descr': '\u{1}\u{e9}', 'fortran_order': False, 'shape': (6,)}", "unsupported dtype '\\x01\\xe9'"),
        ] as [(String, String)])
    func rejectsMalformedHeader(dict: String, start: String) throws {
        let reason = try error(NpyBytes.file(dict: dict, payload: six)).reason
        #expect(reason.hasPrefix(start), "\(reason)")
    }

    @Test func rejectsDeepNestingWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let dict = "{'descr': \(deep), 'fortran_order': False, 'shape': (6,)}"
        #expect(try error(NpyBytes.file(dict: dict, payload: six)).reason.contains("nested too deeply"))
    }

    @Test func rejectsMissingFile() throws {
        let directory = try NpyScratchDirectory()
        let path = directory.path + "/absent.npy"
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(path)): cannot read: No such file or directory")) {
            try NpyArray(contentsOf: path)
        }
    }

    @Test func rejectsDirectory() throws {
        let directory = try NpyScratchDirectory()
        #expect(throws: ConvMatrixError(.file, field: "path", reason: "\(EchoedText.quoted(directory.path)): cannot read: it is a directory")) {
            try NpyArray(contentsOf: directory.path)
        }
    }

    @Test func requireShapeNamesFieldFileAndLayer() throws {
        let array = NpyArray(shape: [3, 2, 5], values: Array(repeating: 0, count: 30))
        let expected = ConvMatrixError(
            .shape, field: "weight",
            reason: "w.npy has shape (3, 2, 5) but Conv1d(2, 3, kernel_size=3) expects (3, 2, 3)")
        #expect(throws: expected) {
            try array.requireShape(
                [3, 2, 3], field: "weight", expectedBy: "Conv1d(2, 3, kernel_size=3)", path: "w.npy")
        }
    }

    @Test func requireShapeSpellsOneAndZeroAxes() throws {
        let scalar = NpyArray(shape: [], values: [1])
        #expect(throws: ConvMatrixError(.shape, field: "bias", reason: "b.npy has shape () but Linear expects (5,)")) {
            try scalar.requireShape([5], field: "bias", expectedBy: "Linear", path: "b.npy")
        }
    }
}
