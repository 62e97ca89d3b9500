import ArgumentParser
import ConvMatrix
import Foundation

/// `GET /api/show?spec=SPEC&input=SHAPE[&layer=NAME][&view=explorer|receptive-field]`: what
/// `convmat show SPEC --input SHAPE --format json` prints, computed by the same
/// command (parser, option rules and size guard) with a smaller memory limit.
/// `view=explorer` returns the page's model instead (``HtmlRenderer``),
/// `view=receptive-field` a network's receptive fields (``NetworkReceptiveField``); a
/// NETWORK must be a shipped name, never a file, and `layer` opens one of its
/// layers. Anything wrong is status 400 with `{"error": "<the CLI's one line>"}`.
enum ExploreAPI {
    /// The memory limit of one request (show's `--max-memory`): several tabs share the machine.
    static let memoryLimit = "1G"
    /// The longest spec, input or layer name a request may give, in bytes.
    static let longestValue = 4_096

    struct Answer: Sendable, Equatable {
        let status: Int
        let body: String
    }

    /// The answer to one query (its parameters, already URL-decoded).
    static func show(_ query: [String: String]) -> Answer {
        do {
            return Answer(status: 200, body: try body(query))
        } catch {
            return failure(message(for: error))
        }
    }

    /// What a query returns; throws what the CLI would report.
    static func body(_ query: [String: String]) throws -> String {
        let arguments = try showArguments(query)
        let show = try parse(arguments)
        let capture = ExploreCapture()
        try ExploreCapture.$current.withValue(capture) { try show.run() }
        guard query["view"] == "explorer" else { return capture.text }
        guard let model = HtmlRenderer.model(inPage: capture.text) else {
            throw OptionError(field: "view", reason: "the page of \(EchoedText.quoted(show.layer.spec)) has no model")
        }
        return model
    }

    /// show's arguments for a query: the spec last, after `--`, so that no value is read as an option.
    static func showArguments(_ query: [String: String]) throws -> [String] {
        let known: Set = ["spec", "input", "layer", "view"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw OptionError(field: "query", reason: "\(EchoedText.quoted(unknown)) is not a parameter of /api/show; it takes spec, input, layer and view")
        }
        for (key, value) in query where value.utf8.count > longestValue {
            throw OptionError(field: key, reason: "\(value.utf8.count) bytes is longer than the \(longestValue) a request may give")
        }
        guard let spec = query["spec"], !spec.isEmpty else { throw OptionError(field: "spec", reason: "give spec=SPEC (URL-encoded)") }
        let view = query["view"]
        if let view, !views.contains(view) {
            throw OptionError(field: "view", reason: "\(EchoedText.quoted(view)) is not a view; the views are \(views.joined(separator: " and "))")
        }
        let isNetwork = !spec.contains("(")
        if isNetwork, ShippedNetworks.named(spec) == nil {
            throw OptionError(
                field: "spec", reason: "\(EchoedText.quoted(spec)) is not a shipped network (convmat networks lists them); the explorer reads no files")
        }
        if isNetwork, view == "explorer", query["layer"] == nil {
            throw OptionError(field: "layer", reason: "view=explorer draws one matrix: add layer=NAME for a network")
        }
        if view == "receptive-field" { return try receptiveFieldArguments(query, spec: spec, isNetwork: isNetwork) }
        var arguments = ["--format", view == nil ? "json" : "html", "--max-memory", memoryLimit]
        if let input = query["input"], !input.isEmpty { arguments += ["--input", input] }
        if let layer = query["layer"] { arguments += ["--layer", layer] }
        return arguments + ["--", spec]
    }

    /// The views a query may ask for: the page's model of one matrix, or a network's receptive fields.
    static let views = ["explorer", "receptive-field"]

    /// `show NETWORK --view receptive-field --format json`: what the network view lights.
    private static func receptiveFieldArguments(_ query: [String: String], spec: String, isNetwork: Bool) throws -> [String] {
        guard isNetwork else {
            throw OptionError(field: "view", reason: "view=receptive-field traces a network's output units back to x: give spec=NETWORK")
        }
        if query["layer"] != nil { throw OptionError(field: "layer", reason: "view=receptive-field follows the whole network: drop layer") }
        var arguments = ["--format", "json", "--view", "receptive-field", "--max-memory", memoryLimit]
        if let input = query["input"], !input.isEmpty { arguments += ["--input", input] }
        return arguments + ["--", spec]
    }

    /// show parsed and validated as the CLI parses it.
    private static func parse(_ arguments: [String]) throws -> Show {
        do {
            return try Show.parse(arguments)
        } catch let error as OptionError {
            throw error
        } catch let error as ConvMatrixError {
            throw error
        } catch {
            throw ArgumentErrors.optionError(for: error, arguments: ["show"] + arguments)
        }
    }

    /// `convmat: error: FIELD: REASON`, as the CLI prints it.
    static func message(for error: any Error) -> String {
        let text =
            switch error {
            case let error as ConvMatrixError: error.description
            case let error as OptionError: error.description
            default: ArgumentErrors.optionError(for: error, arguments: ["show"]).description
            }
        return "convmat: error: " + EchoedText.escaped(text)
    }

    /// Status 400 with `{"error": message}`.
    static func failure(_ message: String, status: Int = 400) -> Answer {
        let body = (try? JSONOutput.encode(["error": message])) ?? "{\"error\": \"bad request\"}\n"
        return Answer(status: status, body: body)
    }
}
