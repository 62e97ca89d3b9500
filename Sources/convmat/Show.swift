import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat show`: print Wᵀ, for people (text, LaTeX, Markdown, CSV, SVG) or programs (JSON, .npy).
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the weight-sharing matrix Wᵀ of a layer, or a network's chain of matrices.",
        discussion: """
            Formats for people: text (the default), latex, markdown, csv, svg. For programs: json \
            (docs/json.md) and npy. Writing to --output is atomic. Given a NETWORK (a shipped name \
            or a network file, docs/networks.md), show prints a table of its layers (text, json) or \
            their matrices side by side (svg); --layer NAME shows one layer as for a SPEC, and \
            --product the network's matrix.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, latex, markdown, csv, svg, npy
    }

    @OptionGroup var layer: LayerOptions
    @OptionGroup var weightOptions: WeightOptions
    @OptionGroup var point: PointOptions
    @OptionGroup var schnet: SchNetOptions
    @OptionGroup var flopOptions: FlopOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "What entries show in text, latex, markdown, csv and svg: symbolic (parameter names) or numeric (the weights).")
    var entries: MatrixEntries = .symbolic

    @Option(help: "Unit order: maps (sum of convolutions, the default) or positions (swipe of weighted sums). Text, json, latex, markdown, csv and svg.")
    var order: UnitOrder = .maps

    @Option(
        parsing: .unconditional, help: "One block j,i (1-based, as in v_ji): the band matrix of one convolution. Text, latex and svg.",
        transform: OptionValues.text("block"))
    var block: String?

    @Flag(help: "Show the factorisation Wᵀ = Wᵀ_valid · P (text, json, latex, svg; npy takes --what).")
    var factor = false

    @Flag(help: "LaTeX: a compilable document, one page cropped tight around each matrix, instead of a fragment.")
    var standalone = false

    @Flag(help: "LaTeX: a compilable Beamer document, one frame a matrix, shrunk to fit.")
    var beamer = false

    @Flag(help: "SVG: the nonzero pattern only.")
    var spy = false

    @Option(help: "npy: which matrix to write.")
    var what: NpyExport.What = .matrix

    @Option(help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    @Option(
        name: .customLong("weights"), parsing: .unconditional,
        help: "A network's weights: DIR/NAME.weight.npy and DIR/NAME.bias.npy for every layer that has them (default: drawn from --seed).",
        transform: OptionValues.text("weights"))
    var weightsDirectory: String?

    @Option(
        name: .customLong("layer"), parsing: .unconditional,
        help: "A network's layer, by its full name (block.layer inside a block): everything show gives for one layer.",
        transform: OptionValues.text("layer"))
    var layerName: String?

    @Flag(help: "A network's matrix: the product of its layers' matrices, or for a nonlinear network its Jacobian at x.")
    var product = false

    func validate() throws {
        if SchNetShow.names(layer.spec) { return }
        if schnet.molecule != nil {
            throw OptionError(field: "molecule", reason: "--molecule goes with schnet or a CFConv(…) spec (docs/schnet.md)")
        }
        try ShowOptionRules(self).validate()
    }

    func run() throws {
        if layer.spec == "schnet" {
            try SchNetShow.run(
                schnet, seed: weightOptions.seed, format: format.rawValue, order: order, entries: entries, output: output, budget: layer.budget())
            return
        }
        if SchNetShow.names(layer.spec) {
            let (cfconv, weights) = try SchNetShow.cfconv(spec: layer.spec, schnet, seed: weightOptions.seed)
            try write(ShowOutput(show: self, layer: try WeightedForm(cfconv, weights: weights, budget: layer.budget())).bytes())
            return
        }
        if layer.isNetwork {
            try ShowNetwork(show: self).run()
            return
        }
        let shown = try point.apply(to: try layer.makeLayer())
        let budget = try ResourceBudget(memory: layer.budget(), flops: flopOptions.budget())
        if let convolution = shown as? Convolution, ShowSparse.handles(self, layer: shown) {
            try budget.require(
                ShowSparse.estimate(self, layer: shown), for: "the sparse summary of \(shown.specDescription) on \(shown.input)",
                alternatives: block == nil ? [] : ["show the summary without --block"])
            let weights = try weightOptions.weights(for: shown, budget: budget.memory)
            try write(Array(try ShowSparse(show: self, layer: convolution).text(weights: weights, budget: budget.memory).utf8))
            return
        }
        try budget.require(
            ShowOutput.estimate(self, layer: shown), for: "the \(format.rawValue) output of \(shown.specDescription) on \(shown.input)",
            alternatives: Self.alternatives(format: format, block: block, layer: shown))
        let weights = try weightOptions.weights(for: shown, budget: budget.memory)
        let weighted = try WeightedForm(shown, weights: weights, budget: budget.memory)
        try write(ShowOutput(show: self, layer: weighted).bytes())
    }

    /// What the guard names beside a smaller request: --block for text, and for a
    /// layer on the sparse path the text summary, which is built from the compressed form.
    static func alternatives(format: Format, block: String?, layer: any Layer) -> [String] {
        var ways = format == .text && block == nil ? ["show one block with --block j,i"] : []
        if SparsePath.applies(to: layer), format != .text { ways.append("the text summary (--format text), built from the sparse form") }
        return ways
    }

    /// `bytes` to --output (atomically) or stdout.
    func write(_ bytes: [UInt8]) throws {
        if let output {
            try AtomicFile.write(bytes, to: output, field: "output")
        } else {
            Terminal.write(bytes: bytes)
        }
    }
}

extension MatrixEntries: ExpressibleByArgument {}
extension UnitOrder: ExpressibleByArgument {}
extension NpyExport.What: ExpressibleByArgument {}
