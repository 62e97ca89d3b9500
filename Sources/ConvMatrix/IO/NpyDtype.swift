/// The element type of a `.npy` file, from the header's `'descr'`, and how to
/// decode its bytes into doubles.
///
/// A descr is NumPy's type string: a byte-order character, a kind letter and an
/// item size, as in `'<f8'` (little-endian float64). Accepted are floats and
/// signed integers of 4 or 8 bytes in either byte order:
///
///     '<f8' '<f4' '<i8' '<i4'   little-endian ('=' is read as little-endian too)
///     '>f8' '>f4' '>i8' '>i4'   big-endian, byte-swapped on reading
///
/// Integers become the nearest double (exact up to 2⁵³ in magnitude).
///
///     let dtype = try NpyDtype(descr: "<f4")   // 4-byte little-endian float
struct NpyDtype: Equatable, Sendable {
    /// Floating point or signed integer.
    enum Kind: Equatable, Sendable {
        case float
        case signedInteger
    }

    let kind: Kind
    /// Bytes per element: 4 or 8.
    let itemSize: Int
    let bigEndian: Bool

    /// The descrs this reader accepts, for error messages.
    static let accepted = "'<f8', '<f4', '<i8', '<i4' (or with '=' or big-endian '>')"

    /// Parses a NumPy type string.
    ///
    ///     try NpyDtype(descr: ">i4")   // big-endian int32
    ///
    /// - Throws: A message naming the dtype and listing what is accepted.
    init(descr: String) throws(NpyHeader.Problem) {
        let characters = Array(descr.unicodeScalars)
        guard characters.count == 3,
            let bigEndian = Self.bigEndian(order: characters[0]),
            let kind = Self.kind(letter: characters[1]),
            let size = Int(String(characters[2])), size == 4 || size == 8
        else {
            throw NpyHeader.Problem(
                "unsupported dtype \(NpyText.quoted(descr))\(Self.name(of: descr)); "
                    + "accepted: \(Self.accepted)")
        }
        self.kind = kind
        self.itemSize = size
        self.bigEndian = bigEndian
    }

    /// Decodes `count` elements stored from `offset` on, in file order.
    ///
    /// The caller guarantees `offset + count · itemSize ≤ bytes.count`.
    func decode(_ bytes: [UInt8], from offset: Int, count: Int) -> [Double] {
        precondition(offset >= 0 && offset + count * itemSize <= bytes.count)
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { element in value(in: raw, at: offset + element * itemSize) }
        }
    }

    private func value(in raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        if itemSize == 8 {
            let stored = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let bits = bigEndian ? UInt64(bigEndian: stored) : UInt64(littleEndian: stored)
            return kind == .float ? Double(bitPattern: bits) : Double(Int64(bitPattern: bits))
        }
        let stored = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        let bits = bigEndian ? UInt32(bigEndian: stored) : UInt32(littleEndian: stored)
        return kind == .float ? Double(Float(bitPattern: bits)) : Double(Int32(bitPattern: bits))
    }

    /// `<` and `=` are little-endian (NumPy writes `=` only for native order, and
    /// every supported host is little-endian), `>` big-endian; `|` means "no byte
    /// order" and is only valid for one-byte types, which are not supported.
    private static func bigEndian(order: Unicode.Scalar) -> Bool? {
        switch order {
        case "<", "=": return false
        case ">": return true
        default: return nil
        }
    }

    private static func kind(letter: Unicode.Scalar) -> Kind? {
        switch letter {
        case "f": return .float
        case "i": return .signedInteger
        default: return nil
        }
    }

    /// A plain-words name for an unsupported type string such as `'<c16'`, e.g.
    /// " (complex)", or "" if `descr` is not shaped like one.
    private static func name(of descr: String) -> String {
        var scalars = Substring(descr).unicodeScalars
        if let order = scalars.first, "<>=|".unicodeScalars.contains(order) { scalars.removeFirst() }
        guard let letter = scalars.popFirst(),
            scalars.allSatisfy({ ("0"..."9").contains($0) })
        else { return "" }
        let names: [Unicode.Scalar: String] = [
            "b": "bool", "i": "signed integer", "u": "unsigned integer", "f": "float",
            "c": "complex", "O": "Python object", "S": "bytes", "a": "bytes", "U": "string",
            "V": "raw or structured", "M": "datetime", "m": "timedelta",
        ]
        return names[letter].map { " (\($0))" } ?? ""
    }
}
