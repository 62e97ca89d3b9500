import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat explore`: the explorer page (docs/explorer.md) served live on
/// 127.0.0.1, with controls for every argument of the layer; each change
/// recomputes through `/api/show`, the same command as `show --format json`.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the interactive explorer of Wᵀ on 127.0.0.1 (stop it with Ctrl-C).",
        discussion: """
            Prints http://127.0.0.1:PORT/ to open. The default port is 8080, or the next free one; \
            --port 0 takes any free port. The page starts at SPEC on --input SHAPE, or at a shipped \
            NETWORK's chain of layers; GET /api/show?spec=SPEC&input=SHAPE returns what \
            show SPEC --input SHAPE --format json prints (docs/explorer.md).
            """)

    /// The ports tried, in order, when none is given.
    static let defaultPorts = 8080...8099

    @Argument(help: "The layer to start at, e.g. 'Conv2d(1, 2, 3, padding=1)', or a shipped NETWORK (convmat networks).")
    var spec: String?

    @Option(parsing: .unconditional, help: "The input shape of SPEC, channels first: 2x6 or 1x8x8.", transform: OptionValues.text("input"))
    var input: String?

    @Option(help: "The port on 127.0.0.1: 0 for any free one (default: 8080, or the next free one).")
    var port: Int?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw OptionError(field: "port", reason: "\(port) is not a port: give 0 to 65535") }
        if let spec, spec.contains("("), input == nil { throw OptionError(field: "input", reason: "--input is required with a SPEC") }
        if spec == nil, input != nil { throw OptionError(field: "input", reason: "--input goes with a SPEC; give the SPEC too") }
    }

    func run() throws {
        let (spec, input) = (spec ?? HtmlControls.initialSpec, spec == nil ? HtmlControls.initialInput : input ?? "")
        let page = try startingPage(spec: spec, input: input)
        let server = ExploreServer(port: try chosenPort(), page: page)
        let outcome = ExploreOutcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await server.run() } catch { outcome.record(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            throw OptionError(field: "port", reason: "the server on \(ExploreServer.host):\(server.port) stopped: \(String(describing: error))")
        }
    }

    /// The page at SPEC: its model computed now, so that a bad SPEC is exit 2 before
    /// anything is served, and the controls at SPEC's arguments and its input
    /// (``HtmlControlValues``, read off the canonical spec the library parses).
    private func startingPage(spec: String, input: String) throws -> String {
        guard spec.contains("(") else {
            _ = try ExploreAPI.body(["spec": spec, "input": input])
            return HtmlRenderer.page(model: "null", title: spec, controls: HtmlControls.markup(spec: spec, input: input))
        }
        let model = try ExploreAPI.body(["spec": spec, "input": input, "view": "explorer"])
        let controls: String
        if let shape = try? TensorShape(parsing: input), let layer = try? LayerRegistry.layer(parsing: spec, input: shape) {
            controls = HtmlControls.markup(spec: layer.specDescription, input: layer.input.description, values: HtmlControlValues(layer: layer))
        } else {
            controls = HtmlControls.markup(spec: spec, input: input)  // a spec show reads itself (a CFConv of schnet)
        }
        return HtmlRenderer.page(model: model, title: "\(spec) on \(input)", controls: controls)
    }

    /// --port as given (exit 2 when taken), 0 for any, or the first free default port.
    func chosenPort() throws -> Int {
        if let port {
            if port != 0, !PortProbe.isFree(port) {
                throw OptionError(field: "port", reason: "\(ExploreServer.host):\(port) is in use; give another --port, or --port 0 for any free one")
            }
            return port
        }
        return Self.defaultPorts.first(where: PortProbe.isFree) ?? 0
    }
}

/// The error a server task ended with, handed to the waiting command.
final class ExploreOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: (any Error)?

    func record(_ error: any Error) {
        lock.lock()
        recorded = error
        lock.unlock()
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
