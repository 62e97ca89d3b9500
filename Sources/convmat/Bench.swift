import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat bench`: measure the matrix form's passes against BLAS on a fixed set of layers.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the matrix form's build and batch passes against bare BLAS on a fixed set of layers.",
        discussion: "Medians of repeated runs after a warm-up; each time against a bound measured in the same run. docs/performance.md names every figure.")

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @Flag(help: "Only the small layers and three runs each (seconds, not minutes); no check --random.")
    var quick = false

    @OptionGroup var budgetOptions: BudgetOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let budget = try budgetOptions.budget()
        let benchmark = Benchmark(quick: quick)
        var figures: [BenchmarkFigure] = []
        var progress = ProgressLine(label: "bench")
        for (k, c) in benchmark.selected.enumerated() {
            progress.update("\(k + 1) of \(benchmark.selected.count): \(c.title)")
            figures += try benchmark.figures(c, budget: budget)
        }
        if !quick {
            progress.update("check --random 1000")
            figures.append(try benchmark.randomCheckFigure())
        }
        progress.finish()
        let report = BenchmarkReport(quick: quick, cores: ProcessInfo.processInfo.activeProcessorCount, blas: BLASInfo.configuration, figures: figures)
        var titles: [String: String] = [:]
        for c in benchmark.selected {
            if let layer = try? LayerRegistry.layer(parsing: c.spec, input: TensorShape(parsing: c.input)) { titles[Benchmark.caseName(layer)] = c.title }
        }
        Terminal.write(format == .json ? try JSONOutput.encode(report) : report.text(titles: titles))
    }
}
