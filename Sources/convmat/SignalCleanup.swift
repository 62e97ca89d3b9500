import ConvMatrix
import Foundation

/// SIGINT and SIGTERM remove the temporary file of a write in progress
/// (`--output`), then end the process by the signal, as they would have.
///
/// The handler calls the library's async-signal-safe ``TemporaryFiles/removeAll()``,
/// restores the default action and re-raises the signal, so the shell sees
/// "killed by SIGTERM" (status 143) or SIGINT (130). A signal that was ignored
/// when the process started (e.g. SIGINT of a background job) stays ignored.
enum SignalCleanup {
    static let signals = [SIGINT, SIGTERM]

    static func install() {
        TemporaryFiles.prepare()
        for number in signals where !isIgnored(number) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeTemporariesAndReraise
            sigemptyset(&action.sa_mask)
            for other in signals { sigaddset(&action.sa_mask, other) }
            action.sa_flags = 0
            _ = sigaction(number, &action, nil)
        }
    }

    /// Whether `number`'s current action is SIG_IGN.
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

/// The handler: only async-signal-safe calls. With its default action restored
/// the re-raised signal is delivered, and ends the process, when the handler returns.
private func removeTemporariesAndReraise(_ number: Int32) {
    TemporaryFiles.removeAll()
    signal(number, SIG_DFL)
    raise(number)
}
