import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat show`: print Wᵀ.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the weight-sharing matrix Wᵀ of a layer.",
        discussion: "Text for people (the default) or --format json for programs (docs/json.md).")

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @OptionGroup var layer: LayerOptions
    @OptionGroup var weightOptions: WeightOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "What text entries show: symbolic (parameter names) or numeric (the weights).")
    var entries: MatrixTextRenderer.Entries = .symbolic

    @Flag(help: "Show the factorisation Wᵀ = Wᵀ_valid · P: the padding matrix P and the 'valid' convolution of the extended input.")
    var factor = false

    func run() throws {
        let convolution = try layer.makeConvolution()
        let weights = try weightOptions.weights(for: convolution.spec)
        let budget = try layer.budget()
        if format == .json {
            let bytes = ShowReport.estimatedBytes(terms: convolution.tapCount, entries: saturatingProduct(convolution.output.count, convolution.input.count))
            try budget.require(bytes, for: "the JSON document of \(convolution.spec) on \(convolution.input)")
        }
        let materialised = try MaterialisedConvolution(convolution, weights: weights, budget: budget)
        switch format {
        case .text:
            let summary = LayerSummary(layer: convolution, tied: materialised.tied)
            let renderer = MatrixTextRenderer(entries: entries)
            let matrix = factor
                ? PaddingText.factor(materialised, renderer: renderer)
                : renderer.render(materialised.tied, values: weights.weight, input: convolution.input, output: convolution.output)
            Terminal.write(summary.text + "\n" + matrix)
        case .json:
            Terminal.write(try JSONOutput.encode(ShowReport(layer: materialised, factor: factor)))
        }
    }
}

extension MatrixTextRenderer.Entries: ExpressibleByArgument {}
