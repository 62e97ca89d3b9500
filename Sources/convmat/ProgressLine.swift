import ConvMatrix
import Foundation

/// The one progress line of the CLI: on stderr, only when stderr is a terminal,
/// for work that takes more than a second (`check --random`, `bench`, `train`, the
/// sparse path's builds). Each update rewrites the line in place (carriage return,
/// then erase to the end of the line); `NO_COLOR` makes it plain: no ANSI erase,
/// the line padded with spaces instead. Pipes, files and tests see nothing.
///
///     var progress = ProgressLine(label: "check --random")
///     progress.update("checked 10 of 100, 0 failed")
///     progress.finish()
struct ProgressLine {
    let label: String
    /// False off a terminal: every call does nothing.
    let enabled: Bool
    private let plain: Bool
    private var width = 0

    init(label: String, enabled: Bool = Terminal.stderrIsTerminal) {
        self.label = label
        self.enabled = enabled
        plain = ProcessInfo.processInfo.environment["NO_COLOR"] != nil
    }

    /// `label: status`, replacing the previous update.
    mutating func update(_ status: String) {
        guard enabled else { return }
        let line = "\(label): \(status)"
        let padding = plain ? String(repeating: " ", count: max(0, width - line.count)) : "\u{1b}[K"
        width = line.count
        Terminal.writeError("\r" + line + padding)
    }

    /// A line that stays (an epoch's result), printed above the next update.
    mutating func keep(_ line: String) {
        guard enabled else { return }
        clear()
        Terminal.writeError(line + "\n")
    }

    /// Clears the line, so that what follows starts on a clean one.
    mutating func finish() {
        guard enabled, width > 0 else { return }
        clear()
    }

    private mutating func clear() {
        guard width > 0 else { return }
        Terminal.writeError(plain ? "\r" + String(repeating: " ", count: width) + "\r" : "\r\u{1b}[K")
        width = 0
    }
}
