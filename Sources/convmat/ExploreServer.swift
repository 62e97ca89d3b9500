import ConvMatrix
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The explorer's HTTP server (Hummingbird 2) on 127.0.0.1 only: `GET /` is the
/// page, `GET /api/show` the JSON endpoint (``ExploreAPI``), and nothing else is
/// served; no request names a file that is read.
///
/// Limits: a request line longer than ``longestTarget`` bytes, or a request
/// with a body, is 413; a request whose computation takes longer than
/// ``timeLimit`` is answered 503 (the size guard keeps each one far below it).
/// Requests are served concurrently, so several tabs work at once; SIGINT or
/// SIGTERM stops the server gracefully: open requests finish, then it exits 0.
struct ExploreServer {
    static let host = "127.0.0.1"
    static let longestTarget = 16_384
    static let timeLimit: Duration = .seconds(30)

    let port: Int
    /// The page of `GET /`.
    let page: String

    /// Serves until a signal stops it; prints `http://127.0.0.1:PORT/` once it listens.
    func run() async throws {
        let router = Router()
        router.middlewares.add(ExploreLimits())
        let page = self.page
        router.get("/") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/api/show") { request, _ in
            guard let query = Self.query(request.uri.query ?? "") else {
                return Self.json(ExploreAPI.failure("convmat: error: query: not a URL-encoded query (key=value&…, each once)"))
            }
            return Self.json(await Self.answer(query))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(Self.host, port: port), serverName: "convmat explore"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                Terminal.write("http://\(Self.host):\(port)/\n")  // a closed stdout ends the process in one line, never a trap
            },
            logger: Self.quietLogger())
        try await app.runService()  // SIGTERM and SIGINT stop it gracefully
    }

    /// `a=1&b=x%20y` → ["a": "1", "b": "x y"], with `+` a space as in a form; nil for
    /// bad percent-encoding or a key given twice.
    static func query(_ raw: String) -> [String: String]? {
        var query: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decoded = parts.map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let key = decoded[0], query[key] == nil else { return nil }
            guard let value = decoded.count > 1 ? decoded[1] : "" else { return nil }
            query[key] = value
        }
        return query
    }

    /// The answer, or 503 when it takes longer than ``timeLimit``.
    static func answer(_ query: [String: String]) async -> ExploreAPI.Answer {
        await withTaskGroup(of: ExploreAPI.Answer?.self) { group in
            group.addTask { await Task.detached { ExploreAPI.show(query) }.value }
            group.addTask {
                try? await Task.sleep(for: timeLimit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? ExploreAPI.failure("convmat: error: request: the computation took longer than \(timeLimit)", status: 503)
        }
    }

    static func json(_ answer: ExploreAPI.Answer) -> Response {
        Response(
            status: HTTPResponse.Status(code: answer.status), headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }

    /// Hummingbird's own log lines stay out of stdout, which carries the address.
    static func quietLogger() -> Logger {
        var logger = Logger(label: "convmat explore")
        logger.logLevel = .critical
        return logger
    }
}

/// 413 for a request target over ``ExploreServer/longestTarget`` bytes or any body.
struct ExploreLimits<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.description.utf8.count
        if target > ExploreServer.longestTarget {
            let message = "convmat: error: request: the request target is \(target) bytes, above the \(ExploreServer.longestTarget) the explorer takes"
            return ExploreServer.json(ExploreAPI.failure(message, status: 413))
        }
        let declared = request.headers[.contentLength].flatMap { Int($0) } ?? 0
        if declared > 0 || request.headers[.transferEncoding] != nil {
            return ExploreServer.json(ExploreAPI.failure("convmat: error: request: the explorer takes no request body", status: 413))
        }
        return try await next(request, context)
    }
}
