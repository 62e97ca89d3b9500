/// The header of a `.npy` file: everything before the array data.
///
/// The layout (NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays"):
///
///     \x93NUMPY          6-byte magic
///     major, minor       format version: 1.0, 2.0 or 3.0
///     header length      UInt16 little-endian (1.0) or UInt32 little-endian (2.0, 3.0)
///     header             a Python dict literal, space padded and ending in '\n'
///
/// followed by the data. The dict has exactly the keys `'descr'` (the dtype),
/// `'fortran_order'` and `'shape'`, e.g.
///
///     {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
///
/// NumPy pads the header so that the data starts at a multiple of 64 bytes.
///
///     let header = try NpyHeader(parsing: bytes)
///     // header.shape == [3, 4], header.dataOffset == 128
struct NpyHeader: Equatable, Sendable {
    /// What is wrong with a file, as the reason of a `.file` error.
    struct Problem: Error, Equatable, Sendable {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The six magic bytes every `.npy` file starts with.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
    /// The alignment of the data offset in files NumPy writes today.
    static let alignment = 64

    let dtype: NpyDtype
    let fortranOrder: Bool
    let shape: [Int]
    /// ∏ shape.
    let elementCount: Int
    /// Where the array data starts in the file.
    let dataOffset: Int

    /// The number of bytes of array data the header promises.
    var dataByteCount: Int { elementCount * dtype.itemSize }

    /// Reads the preamble and header dict at the start of `bytes`.
    ///
    ///     try NpyHeader(parsing: [0x93] + Array("NUMPY".utf8) + ...)
    ///
    /// - Throws: `Problem` when the magic, version, length, dict, dtype or shape
    ///   is wrong, or the shape is too large to address.
    init(parsing bytes: [UInt8]) throws(Problem) {
        // Version 3.0 differs from 2.0 only in allowing UTF-8 in the header,
        // which the literal parser accepts in every version.
        let headerRange = try Self.headerRange(in: bytes)
        let literal: NpyLiteral
        do {
            literal = try NpyLiteral.parse(Array(bytes[headerRange]))
        } catch {
            throw Problem(
                "header is not a valid Python literal: \(error.message) "
                    + "at header byte \(error.offset)")
        }
        let entries = try Self.entries(of: literal)
        dtype = try Self.dtype(entries["descr"])
        fortranOrder = try Self.fortranOrder(entries["fortran_order"])
        shape = try Self.shape(entries["shape"])
        elementCount = try Self.elementCount(shape, itemSize: dtype.itemSize)
        dataOffset = headerRange.upperBound
    }

    /// Checks magic and version and returns the byte range of the header dict.
    private static func headerRange(in bytes: [UInt8]) throws(Problem) -> Range<Int> {
        guard !bytes.isEmpty else { throw Problem("not a .npy file: it is empty") }
        guard bytes.starts(with: magic) else {
            throw Problem(
                "not a .npy file: it starts with \(NpyText.bytesLiteral(bytes.prefix(6))) "
                    + "instead of \(NpyText.bytesLiteral(magic))")
        }
        guard bytes.count >= 8 else {
            throw Problem("truncated: the file ends after \(bytes.count) bytes, inside the preamble")
        }
        let (major, minor) = (bytes[6], bytes[7])
        let lengthSize: Int
        switch (major, minor) {
        case (1, 0): lengthSize = 2
        case (2, 0), (3, 0): lengthSize = 4
        default:
            throw Problem("unsupported .npy format version \(major).\(minor); accepted: 1.0, 2.0, 3.0")
        }
        let start = 8 + lengthSize
        guard bytes.count >= start else {
            throw Problem("truncated: the file ends after \(bytes.count) bytes, inside the preamble")
        }
        let length = bytes[8..<start].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - start else {
            throw Problem(
                "truncated: the header declares \(length) bytes but only "
                    + "\(bytes.count - start) follow the preamble")
        }
        return start..<(start + length)
    }

    /// The dict's entries by key, requiring exactly the three NumPy keys.
    private static func entries(of literal: NpyLiteral) throws(Problem) -> [String: NpyLiteral] {
        guard case .dict(let pairs) = literal else {
            throw Problem("header is not a Python dict")
        }
        var entries: [String: NpyLiteral] = [:]
        for pair in pairs {
            guard case .string(let key) = pair.key else {
                throw Problem("header dict has a key that is not a string")
            }
            guard ["descr", "fortran_order", "shape"].contains(key) else {
                throw Problem("header dict has unexpected key \(NpyText.quoted(key))")
            }
            guard entries[key] == nil else {
                throw Problem("header dict has key \(NpyText.quoted(key)) twice")
            }
            entries[key] = pair.value
        }
        for key in ["descr", "fortran_order", "shape"] where entries[key] == nil {
            throw Problem("header dict has no key \(NpyText.quoted(key))")
        }
        return entries
    }

    private static func dtype(_ value: NpyLiteral?) throws(Problem) -> NpyDtype {
        switch value {
        case .string(let descr):
            return try NpyDtype(descr: descr)
        case .list:
            throw Problem(
                "unsupported structured dtype (a list of fields); accepted: \(NpyDtype.accepted)")
        default:
            throw Problem("header 'descr' is not a dtype string; accepted: \(NpyDtype.accepted)")
        }
    }

    private static func fortranOrder(_ value: NpyLiteral?) throws(Problem) -> Bool {
        guard case .bool(let flag) = value else {
            throw Problem("header 'fortran_order' is not True or False")
        }
        return flag
    }

    private static func shape(_ value: NpyLiteral?) throws(Problem) -> [Int] {
        guard case .tuple(let items) = value else {
            throw Problem("header 'shape' is not a tuple")
        }
        var shape: [Int] = []
        for item in items {
            guard case .int(let extent) = item, extent >= 0 else {
                throw Problem("header 'shape' must hold non-negative integers")
            }
            shape.append(extent)
        }
        return shape
    }

    /// ∏ shape, refusing shapes whose data could not be addressed.
    private static func elementCount(_ shape: [Int], itemSize: Int) throws(Problem) -> Int {
        guard let count = NpyArray.elementCount(shape),
            !count.multipliedReportingOverflow(by: itemSize).overflow
        else { throw Problem("shape \(NpyText.tuple(shape)) is too large") }
        return count
    }
}
