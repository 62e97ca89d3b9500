import Foundation

/// Where `show` writes while `convmat explore` answers a request: the bytes it
/// would print, kept for the response, so that `/api/show` returns exactly what
/// `convmat show … --format json` prints. Set per request with
/// `ExploreCapture.$current.withValue(capture) { try show.run() }`.
final class ExploreCapture: @unchecked Sendable {
    /// The capture of the request being answered on this task, or nil for the CLI.
    @TaskLocal static var current: ExploreCapture?

    private let lock = NSLock()
    private var collected: [UInt8] = []

    func append(_ bytes: [UInt8]) {
        lock.lock()
        collected += bytes
        lock.unlock()
    }

    /// Everything written, as text.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }
}
