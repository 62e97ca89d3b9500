import ArgumentParser
import ConvMatrix

/// The options of `show schnet` and `check schnet` that no other command has.
///
/// `--seed`, `--format`, `--order`, `--entries` and `--output` are the host
/// command's own and are handed to ``SchNetShow/run(_:seed:format:order:entries:output:)``.
struct SchNetOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "A shipped molecule (water, methane, ammonia, ethanol, benzene) or an XYZ file.",
        transform: OptionValues.text("molecule"))
    var molecule: String?

    @Option(parsing: .unconditional, help: "SchNet: features and filters F (the paper's 64).", transform: OptionValues.count("features", of: "features"))
    var features: Int = 64

    @Option(
        parsing: .unconditional, help: "SchNet: velocity Verlet steps from rest; reports the drift at dt, dt/2, dt/4.",
        transform: OptionValues.count("dynamics", of: "steps"))
    var dynamics: Int?

    @Option(parsing: .unconditional, help: "SchNet: the time step in fs for --dynamics.", transform: OptionValues.nonNegative("dt", symbol: "dt"))
    var dt: Double = 0.5

    @Option(parsing: .unconditional, help: "SchNet: steepest-descent steps.", transform: OptionValues.count("optimise", of: "steps"))
    var optimise: Int?

    @Option(
        parsing: .unconditional, help: "SchNet: the interaction block whose cfconv matrix is shown (1-based).",
        transform: OptionValues.count("interaction", of: "blocks"))
    var interaction: Int = 1

    @Option(
        parsing: .unconditional, help: "SchNet text and LaTeX: draw the cfconv matrix on the first K features (SVG and JSON: all).",
        transform: OptionValues.count("show-features", of: "features"))
    var showFeatures: Int = 2

    @Option(help: "SchNet SVG: the cfconv matrix or the filter plot W_f(d).")
    var plot: SchNetPlot = .matrix

    enum SchNetPlot: String, CaseIterable, ExpressibleByArgument { case matrix, filters }

    /// The molecule, required.
    func loadMolecule() throws -> Molecule {
        guard let molecule else { throw OptionError(field: "molecule", reason: "schnet needs --molecule NAME|FILE") }
        return try Molecule(named: molecule)
    }

    /// The model with the paper's defaults, F from --features, weights from `seed`.
    func model(seed: UInt64) throws -> SchNetModel {
        try SchNetModel(configuration: SchNetConfiguration(features: features), seed: seed)
    }
}

/// `convmat show schnet --molecule …`: energy, forces, distance classes, the cfconv matrix.
enum SchNetShow {
    /// True for `schnet` and a `CFConv(…)` spec: the arguments that read a molecule instead of --input.
    static func names(_ argument: String) -> Bool {
        argument == "schnet" || argument.hasPrefix("CFConv(")
    }

    /// The formats `show schnet` writes.
    static let formats = ["text", "json", "latex", "svg"]

    /// The document's bytes; the host writes them to stdout or, atomically, to --output.
    static func bytes(
        _ options: SchNetOptions, seed: UInt64, format: String, order: UnitOrder, entries: MatrixEntries, budget: MemoryBudget = .default
    ) throws -> [UInt8] {
        guard formats.contains(format) else {
            throw OptionError(field: "format", reason: "schnet prints \(formats.joined(separator: ", ")), not \(format)")
        }
        let molecule = try options.loadMolecule()
        let model = try options.model(seed: seed)
        let dynamics = options.dynamics.map { (dt: options.dt, steps: $0) }
        let report = try SchNetReport(model: model, molecule: molecule, seed: seed, dynamics: dynamics, optimise: options.optimise, budget: budget)
        if format != "json" {
            // The drawings lay out every entry of the (n·F) × (n·F) matrix: about 16 bytes each.
            let units = molecule.count * (format == "svg" ? options.features : min(options.features, options.showFeatures))
            try budget.require(
                saturatingProduct(16, units, units), for: "the \(format) drawing of a \(units) × \(units) cfconv matrix",
                alternatives: ["use fewer --features", "use --format json"])
        }
        let drawn = format == "svg" ? nil : options.showFeatures
        let matrix = try CFConvMatrix(model: model, molecule: molecule, interaction: options.interaction - 1, featureLimit: drawn)
        let view = try matrix.view(order: order)
        let values = entries == .numeric ? matrix.values : nil
        switch format {
        case "json": return Array(try JSONOutput.encode(report).utf8)
        case "latex": return Array(try LatexRenderer(entries: entries).render(view, values: values).utf8)
        case "svg":
            let svg =
                options.plot == .filters
                ? SchNetFilterPlot.svg(model: model, molecule: molecule) : try SvgRenderer().render(view.tied, title: "cfconv of \(molecule.name)")
            return Array(svg.utf8)
        default:
            let text = try MatrixTextRenderer(entries: entries).render(view, values: values)
            let shown = min(options.features, options.showFeatures)
            let heading = "\ncfconv Wᵀ of interaction \(options.interaction) on features 1…\(shown) of \(options.features) (--order \(order.rawValue)):\n"
            return Array((report.text() + heading + text).utf8)
        }
    }

    /// `show 'CFConv(…)' --molecule M`: the layer and its weights (the filter values of a
    /// one-block model drawn from `seed`), for show's own pipeline (WeightedForm, ShowOutput).
    static func cfconv(spec: String, _ options: SchNetOptions, seed: UInt64) throws -> (layer: CFConvLayer, weights: LayerWeights) {
        let layer = try CFConvLayer(parsing: spec, molecule: try options.loadMolecule())
        let model = try SchNetModel(configuration: layer.configuration, seed: seed)
        return (layer, layer.weights(model: model))
    }

    /// Writes the document.
    static func run(
        _ options: SchNetOptions, seed: UInt64, format: String, order: UnitOrder, entries: MatrixEntries, output: String?, budget: MemoryBudget = .default
    ) throws {
        let bytes = try bytes(options, seed: seed, format: format, order: order, entries: entries, budget: budget)
        if let output {
            try AtomicFile.write(bytes, to: output, field: "output")
        } else {
            Terminal.write(bytes: bytes)
        }
    }
}

/// `convmat check schnet --molecule …`: every ``SchNetCheck``; exit 1 when one fails.
enum SchNetCheckCommand {
    static func run(_ options: SchNetOptions, seed: UInt64, json: Bool, budget: MemoryBudget = .default) throws {
        let molecule = try options.loadMolecule()
        let model = try options.model(seed: seed)
        let report = try SchNetReport(model: model, molecule: molecule, seed: seed, check: true, budget: budget)
        Terminal.write(json ? try JSONOutput.encode(report) : report.text())
        guard report.passed else {
            let failed = (report.checks ?? []).filter { !$0.passed }.map(\.name)
            throw CheckFailure(message: "schnet: \(failed.joined(separator: "; "))")
        }
    }
}
