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
        try ShowKernels.validate(show)
        try ShowReceptiveField.validate(show)
        try requireNetworkFlagsFit()
        try requireFormatOfEachFlag()
        try requireFactorFits()
        if show.order != .maps, !Self.orderFormats.contains(show.format) {
            throw rule("order", "--order positions works with \(Self.orderFormatList), not \(show.format.rawValue)")
        }
        if show.order != .maps, show.block != nil, show.format != .text {
            throw rule("order", "--block shows a block of the maps order in \(show.format.rawValue); drop --order \(show.order.rawValue)")
        }
        if show.beamer, show.standalone { throw rule("beamer", "--beamer and --standalone are two documents; give one of them") }
        if show.format == .npy, show.output == nil, Terminal.stdoutIsTerminal {
            throw rule("output", "npy is binary: give --output FILE.npy")
        }
        if let block = show.block { _ = try Self.parseBlock(block) }
    }

    /// --standalone, --beamer, --spy and --what each belong to one format, --block to three.
    private func requireFormatOfEachFlag() throws {
        let format = show.format
        let owners: [(flag: String, given: Bool, formats: [Show.Format])] = [
            ("standalone", show.standalone, [.latex]), ("beamer", show.beamer, [.latex]), ("spy", show.spy, [.svg]),
            ("what", show.what != .matrix, [.npy]), ("block", show.block != nil, [.text, .latex, .svg]),
        ]
        if let owner = owners.first(where: { $0.given && !$0.formats.contains(format) }) {
            let names = owner.formats.map(\.rawValue)
            let formats = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            throw rule(owner.flag, "--\(owner.flag) goes with --format \(formats), not \(format.rawValue)")
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
        case .csv, .markdown, .html:
            throw rule("factor", "--factor works with text, json, latex and svg, not \(show.format.rawValue)")
        }
        if show.order != .maps { throw rule("order", "--factor shows the maps order only; drop --order \(show.order.rawValue)") }
    }

    /// --weights, --layer and --product take a NETWORK; a network takes --weights
    /// DIR, not one layer's weights; without --layer it shows as text, json or svg.
    private func requireNetworkFlagsFit() throws {
        let networkFlags = [("weights", show.weightsDirectory != nil), ("layer", show.layerName != nil), ("product", show.product)]
        guard show.layer.isNetwork else {
            if let (flag, _) = networkFlags.first(where: { $0.1 }) {
                throw rule(flag, "--\(flag) goes with a NETWORK (a shipped name or a network file), not a layer SPEC")
            }
            return
        }
        let given = show.weightOptions.given
        if given.weight != nil || given.kernel != nil {
            let flag = given.weight != nil ? "weight" : "kernel"
            throw rule(flag, "--\(flag) gives one layer's weights; a network reads its own with --weights DIR (DIR/NAME.weight.npy)")
        }
        if show.weightsDirectory != nil, show.weightOptions.values != nil {
            throw rule("values", "--values draws weights and --weights reads them; give one of them")
        }
        if show.layerName != nil, show.product {
            throw rule("product", "--layer shows one layer and --product the network's matrix; give one of them")
        }
        guard show.layerName == nil else { return }
        if ![.text, .json, .svg].contains(show.format) {
            throw rule("format", "a network shows as text, json or svg, not \(show.format.rawValue); add --layer NAME for one layer's \(show.format.rawValue)")
        }
        let layerFlags = [("block", show.block != nil), ("factor", show.factor), ("order", show.order != .maps)]
        if let (flag, _) = layerFlags.first(where: { $0.1 }) {
            throw rule(flag, "--\(flag) shows one layer's matrix: add --layer NAME")
        }
        if !show.product, show.point.given {
            throw rule(
                show.point.field,
                "\(show.point.flagName) gives the x of --layer NAME or --product; the table and the chain take each input-dependent layer at its own default point"
            )
        }
    }

    /// The formats that draw --order positions; `show --help` and the refusal both list them.
    static let orderFormats: [Show.Format] = [.text, .json, .latex, .markdown, .csv, .svg]

    /// `text, json, latex, markdown and csv`.
    static var orderFormatList: String {
        let names = orderFormats.map(\.rawValue)
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
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
