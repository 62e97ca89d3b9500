import Foundation

/// Everything the CLI knows about where its output goes, and the only code that
/// writes stdout and stderr.
///
/// Writes are plain `write(2)` loops that resume after `EINTR` and partial
/// writes (``StandardStream``). A failed write to stdout ends the process: on a
/// broken pipe as SIGPIPE's default action would (silently, by SIGPIPE, even if
/// SIGPIPE was ignored), otherwise with status 2 and one line on stderr,
/// `convmat: error: stdout: cannot write: REASON`. A failed write to stderr is
/// ignored: there is nowhere left to report it, and the exit status says the rest.
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
        writeError(prefix + message.replacingOccurrences(of: "\n", with: " ") + "\n")
    }

    /// The spec and a caret under the offending column (terminals only).
    static func printCaret(under offset: Int, in spec: String) {
        writeError("  " + spec + "\n  " + String(repeating: " ", count: max(0, offset)) + "^\n")
    }

    /// Text to stderr as it is, e.g. a progress line; a failure is ignored.
    static func writeError(_ text: String) {
        _ = StandardStream.error.write(Array(text.utf8))
    }

    /// Text to stdout, without adding a newline.
    static func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Bytes to stdout; a failure ends the process (see ``Terminal``).
    static func write(bytes: [UInt8]) {
        if let failure = StandardStream.output.write(bytes) { stdoutFailed(failure) }
    }

    /// Ends the process after a failed write to stdout with `errno` `code`.
    private static func stdoutFailed(_ code: Int32) -> Never {
        if code == EPIPE { StandardStream.dieOfBrokenPipe() }
        printError("stdout: cannot write: \(String(cString: strerror(code)))")
        exit(EntryPoint.badInput)
    }
}
