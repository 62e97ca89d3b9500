import Foundation

/// Everything the CLI knows about where its output goes.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var colourEnabled: Bool {
        stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The width to fit: $COLUMNS, else the terminal's, else none.
    static var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(columns), value > 0 {
            return value
        }
        var size = winsize()
        if stdoutIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return nil
    }

    /// One line on stderr.
    static func printError(_ message: String, prefix: String = "convmat: error: ") {
        let line = prefix + message.replacingOccurrences(of: "\n", with: " ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The spec and a caret under the offending column (terminals only).
    static func printCaret(under offset: Int, in spec: String) {
        let caret = "  " + spec + "\n  " + String(repeating: " ", count: max(0, offset)) + "^\n"
        FileHandle.standardError.write(Data(caret.utf8))
    }

    /// Text to stdout, without adding a newline.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
