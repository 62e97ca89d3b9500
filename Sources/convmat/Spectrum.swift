import ArgumentParser
import ConvMatrix

/// `convmat spectrum`: the singular values of Wᵀ and what they say.
struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "The singular values of a layer's Wᵀ: spectral norm, rank, nullity, condition number.",
        discussion: """
            The dense method factorises the materialised Wᵀ (LAPACKE_dgesdd); the Fourier method \
            (Sedghi, Gupta, Long 2019) needs circular padding, stride 1 and a same-size output, \
            and no matrix. auto runs both on small circular layers and reports their difference. \
            Text for people, --format json for programs (docs/json.md), --format svg for a plot. \
            See docs/spectrum.md.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, svg
    }

    @OptionGroup var layer: LayerOptions
    @OptionGroup var weightOptions: WeightOptions
    @OptionGroup var point: PointOptions
    @OptionGroup var flopOptions: FlopOptions

    @Option(help: "How to find the singular values: auto, dense or fourier.")
    var method: SpectrumMethod = .auto

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let built = try layer.makeLayer()
        if built.isInputDependent, !point.given {
            throw OptionError(
                field: "x",
                reason:
                    "\(built.specDescription) depends on its input and has no single spectrum; give --x FILE.npy or --x-seed N for the spectrum of its Jacobian J(x) there"
            )
        }
        let analysed = try point.apply(to: built)
        let weights = try weightOptions.weights(for: analysed, budget: layer.budget())
        let result = try LayerSpectrum(
            analysed, weights: weights, method: method,
            memory: try layer.budget(), flops: try flopOptions.budget())
        let report = SpectrumReport(result, requested: method, weightSource: weightOptions.source(for: weights))
        switch format {
        case .text: Terminal.write(report.text)
        case .json: Terminal.write(try JSONOutput.encode(report))
        case .svg: Terminal.write(SpectrumPlot(report).svg)
        }
    }
}

extension SpectrumMethod: ExpressibleByArgument {}
