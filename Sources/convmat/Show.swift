import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat show`: print Wᵀ, for people (text, LaTeX, Markdown, CSV, SVG) or programs (JSON, .npy).
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the weight-sharing matrix Wᵀ of a layer, or a network's chain of matrices.",
        discussion: """
            Formats for people: text (the default), latex, markdown, csv, svg, html (an interactive page, docs/explorer.md). For programs: json \
            (docs/json.md) and npy. Writing to --output is atomic. Given a NETWORK (a shipped name \
            or a network file, docs/networks.md), show prints a table of its layers (text, json) or \
            their matrices side by side (svg); --layer NAME shows one layer as for a SPEC, and \
            --product the network's matrix.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, latex, markdown, csv, svg, npy, html
    }

    @OptionGroup var layer: LayerOptions
    @OptionGroup var weightOptions: WeightOptions
    @OptionGroup var point: PointOptions
    @OptionGroup var schnet: SchNetOptions
    @OptionGroup var flopOptions: FlopOptions

    @Option(
        name: .customLong("format"),
        help: "Output format (default: the one the --output file's extension names, \(Format.extensionList), else text).")
    var formatOption: Format?

    /// --format when given, else the format --output's extension names, else text.
    var format: Format { formatOption ?? output.flatMap(Format.init(extensionOf:)) ?? .text }

    @Option(help: "What entries show in text, latex, markdown, csv, svg and html: symbolic (parameter names) or numeric (the weights).")
    var entries: MatrixEntries = .symbolic

    @Option(
        help: """
            Unit order: maps (sum of convolutions, the default) or positions (swipe of weighted sums), in \
            \(ShowOptionRules.orderFormatList), and with --block; not with --factor.
            """)
    var order: UnitOrder = .maps

    @Option(
        parsing: .unconditional,
        help: """
            One block j,i (1-based, as in v_ji): the band matrix of one convolution; with --order positions the \
            out × in taps between output position j and input position i (text). Text, latex and svg.
            """,
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

    @Option(
        help: """
            What to draw: matrix (Wᵀ, the default), kernels (a convolution's kernels v_ji as small images; svg only), or \
            receptive-field (a NETWORK's output units traced back to x and every layer's output; json only).
            """)
    var view: ShowKernels.View = .matrix

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
        if view == .kernels {
            try budget.memory.require(shown.parameterEstimate.bytes, for: "the parameters of \(shown.specDescription)")
            let weights = try weightOptions.weights(for: shown, budget: budget.memory)
            try ShowKernels.write(self, layer: shown, weights: weights, title: "\(shown.specDescription) on \(shown.input)")
            return
        }
        if let convolution = shown as? Convolution, ShowSparse.handles(self, layer: shown) {
            try budget.require(
                ShowSparse.estimate(self, layer: shown),
                for: "the sparse \(format == .text ? "summary" : format.rawValue + " output") of \(shown.specDescription) on \(shown.input)",
                alternatives: block == nil ? [] : ["show the summary without --block"])
            let weights = try weightOptions.weights(for: shown, budget: budget.memory)
            try ShowSparse(show: self, layer: convolution).write(weights: weights, budget: budget.memory)
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
        if layer is Convolution, SparsePath.applies(to: layer), format != .text {
            ways.append("the text summary (--format text), --format svg --spy or --format json, built from the sparse form")
        }
        return ways
    }

    /// What `produce` emits, chunk by chunk, to --output (atomically: the file appears whole or not at all) or stdout.
    func write(producing produce: (AtomicFile.ChunkWriter) throws(ConvMatrixError) -> Void) throws {
        if let capture = ExploreCapture.current {
            try produce { (chunk: [UInt8]) throws(ConvMatrixError) in capture.append(chunk) }
        } else if let output {
            try AtomicFile.write(to: output, field: "output", producing: produce)
        } else {
            try produce { (chunk: [UInt8]) throws(ConvMatrixError) in Terminal.write(bytes: chunk) }
        }
    }

    /// `bytes` to --output (atomically) or stdout, or to the explorer's request that asked (``ExploreCapture``).
    func write(_ bytes: [UInt8]) throws {
        if let capture = ExploreCapture.current {
            capture.append(bytes)
        } else if let output {
            try AtomicFile.write(bytes, to: output, field: "output")
        } else {
            Terminal.write(bytes: bytes)
        }
    }
}

extension MatrixEntries: ExpressibleByArgument {}
extension UnitOrder: ExpressibleByArgument {}
extension NpyExport.What: ExpressibleByArgument {}
