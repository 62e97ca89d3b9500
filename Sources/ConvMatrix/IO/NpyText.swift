/// How `.npy` values are spelled as text: Python tuples for shapes, Python-style
/// quoting for strings, in headers and in one-line error messages.
///
/// Everything that came from a file is escaped before it reaches a message, so a
/// hostile header cannot break the one-line promise of `ConvMatrixError`.
///
///     NpyText.tuple([3, 4])    // "(3, 4)"
///     NpyText.tuple([5])       // "(5,)"
///     NpyText.tuple([])        // "()"
///     NpyText.quoted("<c16")   // "'<c16'"
enum NpyText {
    /// A shape as Python's `repr` of a tuple writes it.
    static func tuple(_ shape: [Int]) -> String {
        switch shape.count {
        case 0: return "()"
        case 1: return "(\(shape[0]),)"
        default: return "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
    }

    /// `text` in single quotes, with quotes, backslashes and every character
    /// outside printable ASCII escaped as Python would (`\n`, `\x93`, `\u00e9`).
    static func quoted(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            result += escaped(scalar)
        }
        return result + "'"
    }

    /// A byte found in a file, for a message: `'x'` when printable, else `byte 0x93`.
    static func describe(byte: UInt8) -> String {
        (0x20...0x7E).contains(byte) ? quoted(String(UnicodeScalar(byte))) : "byte \(hex(byte))"
    }

    /// Bytes found in a file, for a message, as a Python bytes literal: `b'\x93NUMPY'`.
    static func bytesLiteral(_ bytes: some Sequence<UInt8>) -> String {
        var result = "b'"
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\\"): result += "\\" + String(UnicodeScalar(byte))
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x20...0x7E: result += String(UnicodeScalar(byte))
            default: result += "\\x" + hexDigits(UInt32(byte), width: 2)
            }
        }
        return result + "'"
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "'": return "\\'"
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case " "..."~": return String(scalar)
        default:
            let value = scalar.value
            if value < 0x100 { return "\\x" + hexDigits(value, width: 2) }
            if value < 0x10000 { return "\\u" + hexDigits(value, width: 4) }
            return "\\U" + hexDigits(value, width: 8)
        }
    }

    private static func hex(_ byte: UInt8) -> String { "0x" + hexDigits(UInt32(byte), width: 2) }

    private static func hexDigits(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
