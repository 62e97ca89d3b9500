import ConvMatrix
import Foundation

/// The command line as the kernel handed it over, before Swift's String repairs it.
///
/// `CommandLine.arguments` replaces bytes that are not UTF-8 by U+FFFD, so a
/// path such as `t.np\xc3y` would silently name another file. Every argument is
/// read here first: one that is not valid UTF-8 is bad input, named by the
/// option it belongs to.
enum RawArguments {
    /// Throws for the first argument (after the program name) that is not valid UTF-8.
    ///
    /// - Throws: ``OptionError`` on the field of the preceding `--option`, or on `argument`.
    static func requireUTF8() throws(OptionError) {
        let argv = CommandLine.unsafeArgv
        var previous: String?
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = argv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(bitPattern: $0) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let field = previous.flatMap(optionName) ?? "argument"
                let shown = bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
                throw OptionError(field: field, reason: "\(EchoedText.quoted(shown)) is not valid UTF-8; convmat reads paths, specs and values as UTF-8")
            }
            previous = text
        }
    }

    /// `seed` for `--seed`; nil for anything that is not an option's name.
    private static func optionName(_ argument: String) -> String? {
        guard argument.hasPrefix("--") else { return nil }
        let name = argument.dropFirst(2)
        guard let first = name.first, first.isASCII, first.isLetter, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            return nil
        }
        return String(name)
    }
}
