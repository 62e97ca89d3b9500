/// A user's text as a one-line message may echo it: every character a terminal
/// would act on instead of showing is escaped, the way Python's `repr` writes it.
///
/// Escaped are the control characters (C0, DEL, C1: `\n`, `\r`, `\t`, `\x1b`,
/// `\x7f`, `\x85`), format characters such as the bidirectional overrides
/// (`\u202e`), the line and paragraph separators (`\u2028`, `\u2029`), private-use,
/// surrogate and unassigned code points. Everything printable, `é` and `λ`
/// included, is kept. Backslashes are kept too, so escaping twice changes nothing:
///
///     EchoedText.escaped("a\rb")        // "a\\rb"
///     EchoedText.quoted("Conv\u{1b}[2J") // "'Conv\\x1b[2J'"
///     EchoedText.escaped(EchoedText.escaped(s)) == EchoedText.escaped(s)  // true
///
/// Every message that repeats what a user wrote (spec strings, file paths,
/// option values) goes through this one function.
public enum EchoedText {
    /// `text` with every invisible or terminal-controlling character escaped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` escaped and in single quotes, as messages quote what a user wrote.
    public static func quoted(_ text: String) -> String {
        "'" + escaped(text) + "'"
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }

    /// `\n`, `\r`, `\t`; else `\xhh` below U+0100, `\uhhhh` below U+10000, `\Uhhhhhhhh` above.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let value = scalar.value
            if value < 0x100 { return "\\x" + hexDigits(value, width: 2) }
            if value < 0x10000 { return "\\u" + hexDigits(value, width: 4) }
            return "\\U" + hexDigits(value, width: 8)
        }
    }

    private static func hexDigits(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
