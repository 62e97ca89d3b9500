import ArgumentParser
import ConvMatrix

/// Which of `show`'s options go together: each rule is one clear line.
struct ShowOptionRules {
    let show: Show

    init(_ show: Show) {
        self.show = show
    }

    func validate() throws {
        let format = show.format
        if show.standalone, format != .latex { throw ValidationError("--standalone goes with --format latex") }
        if show.spy, format != .svg { throw ValidationError("--spy goes with --format svg") }
        if show.what != .matrix, format != .npy { throw ValidationError("--what goes with --format npy") }
        if show.block != nil, format != .text { throw ValidationError("--block goes with --format text") }
        if show.block != nil, show.factor { throw ValidationError("--block and --factor cannot be used together") }
        if show.factor, [.csv, .markdown].contains(format) {
            throw ValidationError("--factor works with text, json, latex, svg and npy (--what), not \(format.rawValue)")
        }
        if show.factor, format == .npy { throw ValidationError("--factor with npy: choose the matrix with --what valid|padding|matrix") }
        if show.factor, show.order != .maps { throw ValidationError("--factor shows maps order only") }
        if show.order != .maps, ![.text, .json, .latex, .markdown, .csv].contains(format) {
            throw ValidationError("--order positions works with text, json, latex, markdown and csv")
        }
        if format == .npy, show.output == nil, Terminal.stdoutIsTerminal {
            throw ValidationError("npy is binary: give --output FILE.npy")
        }
        if let block = show.block { _ = try Self.parseBlock(block) }
    }

    /// `2,1` → (2, 1), 1-based.
    static func parseBlock(_ text: String) throws -> (j: Int, i: Int) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let j = parts[0], let i = parts[1], j >= 1, i >= 1 else {
            throw ValidationError("--block takes j,i with 1-based output map j and input map i, e.g. 2,1; got '\(text)'")
        }
        return (j, i)
    }
}
