import ArgumentParser
import ConvMatrix

/// Which of `show`'s options go together: each rule is one clear line, on the
/// field of the flag to change (`order: --factor shows the maps order only`).
struct ShowOptionRules {
    let show: Show

    init(_ show: Show) {
        self.show = show
    }

    func validate() throws {
        try requireFormatOfEachFlag()
        try requireFactorFits()
        if show.order != .maps, ![.text, .json, .latex, .markdown, .csv].contains(show.format) {
            throw rule("order", "--order positions works with text, json, latex, markdown and csv, not \(show.format.rawValue)")
        }
        if show.format == .npy, show.output == nil, Terminal.stdoutIsTerminal {
            throw rule("output", "npy is binary: give --output FILE.npy")
        }
        if let block = show.block { _ = try Self.parseBlock(block) }
    }

    /// --standalone, --spy, --what and --block each belong to one format.
    private func requireFormatOfEachFlag() throws {
        let format = show.format
        let owners: [(flag: String, given: Bool, format: Show.Format)] = [
            ("standalone", show.standalone, .latex), ("spy", show.spy, .svg),
            ("what", show.what != .matrix, .npy), ("block", show.block != nil, .text),
        ]
        if let owner = owners.first(where: { $0.given && $0.format != format }) {
            throw rule(owner.flag, "--\(owner.flag) goes with --format \(owner.format.rawValue), not \(format.rawValue)")
        }
    }

    /// --factor: not with --block or --order positions, and only in the formats that draw it.
    private func requireFactorFits() throws {
        guard show.factor else { return }
        if show.block != nil { throw rule("block", "--block shows one block and --factor the whole factorisation; give one of them") }
        switch show.format {
        case .text, .json, .latex, .svg: break
        case .npy:
            if show.what != .matrix {
                throw rule("factor", "--what \(show.what.rawValue) already chooses the matrix npy writes; drop --factor")
            }
            throw rule("factor", "npy writes one matrix: drop --factor and choose it with --what valid, padding, matrix or tie")
        case .csv, .markdown:
            throw rule("factor", "--factor works with text, json, latex and svg, not \(show.format.rawValue)")
        }
        if show.order != .maps { throw rule("order", "--factor shows the maps order only; drop --order \(show.order.rawValue)") }
    }

    private func rule(_ field: String, _ reason: String) -> OptionError {
        OptionError(field: field, reason: reason)
    }

    /// `2,1` → (2, 1), 1-based.
    static func parseBlock(_ text: String) throws -> (j: Int, i: Int) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let j = parts[0], let i = parts[1], j >= 1, i >= 1 else {
            let reason = "--block takes j,i with 1-based output map j and input map i, e.g. 2,1; got \(EchoedText.quoted(text))"
            throw OptionError(field: "block", reason: reason)
        }
        return (j, i)
    }
}
