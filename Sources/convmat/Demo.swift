import ArgumentParser
import ConvMatrix
import Foundation

/// `convmat demo [NAME] [--step] [--seed N] [--list]`: seeded, deterministic teaching demos in titled steps.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a teaching demo (deterministic: its output is pinned in tests).",
        discussion: "With --step on a terminal each step waits for Enter, and q quits; otherwise every step is printed.")

    enum Name: String, CaseIterable, ExpressibleByArgument {
        case slide
        case borderModes = "border-modes"
        case twoViews = "two-views"
        case backprop
        case layer2d
        case slidingWindow = "sliding-window"
        case arithmetic
        case pooling
        case transposed
        case lenet1989
        case residual
        case spectrum
        case whyCNNs = "why-cnns"
        case schnetLattice = "schnet-lattice"
        case depthwiseSeparable = "depthwise-separable"
        case inception
        case alexnet
        case schnet

        var summary: String {
            switch self {
            case .slide: "The slide's Conv1d(2, 3, kernel_size=3, bias=False) on 2x6: Wᵀ, forward and backward."
            case .borderModes: "'valid', 'same' and 'full' on a short signal; P and Wᵀ for every padding mode."
            case .twoViews: "The sum of convolutions and the swipe of weighted sums: one operator under a permutation."
            case .backprop: "The slides' derivation of ∂E/∂x and ∂E/∂w, each line evaluated, and the notation reconciled."
            case .layer2d: "The slides' 2-D layer, 4 maps of 14x14 to 12 of 10x10: a doubly block-Toeplitz block and the counts."
            case .slidingWindow: "The string kernel φ_struct on ATCAGACAATA and CGTACAA: a convolution and a sum pooling."
            case .arithmetic: "Dumoulin and Visin's output sizes, by formula and by the layer, and each ConvTranspose1d's Wᵀ as a transpose."
            case .pooling: "Average and sum pooling as fixed matrices, max pooling as J(x) at two points, global pooling, invariance."
            case .transposed: "ConvTranspose1d's Wᵀ is Conv1d's W: forward is backward, strides spread the input, output_padding."
            case .lenet1989: "LeCun et al. 1989's zip-code network: the paper's units, connections and parameters from Wᵀ."
            case .residual: "ResNet's block as a matrix: I + Wᵀ, and with a ReLU inside, the Jacobian I + D(x) Wᵀ."
            case .spectrum: "σ(Wᵀ) by LAPACK and by the Fourier identity of Sedghi, Gupta and Long; ‖Wᵀ‖₂ and ‖Wᵀ‖_F three ways."
            case .whyCNNs: "The slides' three reasons, computed: translation equivariance, one detector everywhere, depth."
            case .schnetLattice: "SchNet's continuous-filter convolution on a 1-D lattice equals a depthwise Conv1d."
            case .depthwiseSeparable: "Xception's depthwise then pointwise pair: a full convolution with rank-one kernels."
            case .inception: "GoogLeNet's Inception module: branches stacked as rows of one matrix, and what 1x1 reductions save."
            case .alexnet: "AlexNet's count table: dense Wᵀ against structural nonzeros; parameters in fc, connections in conv."
            case .schnet: "SchNet on methane: the filter W(d), the cfconv tied by distance, E and F, the invariances."
            }
        }

        func demo(seed: UInt64) -> TeachingDemo {
            switch self {
            case .slide: SlideDemo(seed: seed)
            case .borderModes: BorderModesDemo()
            case .twoViews: TwoViewsDemo(seed: seed)
            case .backprop: BackpropDemo(seed: seed)
            case .layer2d: Layer2dDemo(seed: seed)
            case .slidingWindow: SlidingWindowDemo(seed: seed)
            case .arithmetic: ArithmeticDemo(seed: seed)
            case .pooling: PoolingDemo(seed: seed)
            case .transposed: TransposedDemo(seed: seed)
            case .lenet1989: LeNetDemo()
            case .residual: ResidualDemo(seed: seed)
            case .spectrum: SpectrumDemo(seed: seed)
            case .whyCNNs: WhyCNNsDemo(seed: seed)
            case .schnetLattice: SchNetLatticeDemo()
            case .depthwiseSeparable: DepthwiseSeparableDemo(seed: seed)
            case .inception: InceptionDemo(seed: seed)
            case .alexnet: AlexNetDemo()
            case .schnet: SchNetDemo(seed: seed)
            }
        }
    }

    @Argument(help: "The demo to run.")
    var name: Name = .slide

    @Flag(help: "On a terminal: wait for Enter after each step (q quits).")
    var step = false

    @Option(
        parsing: .unconditional, help: "Seed of the demo's integer weights and data. (default: 0)",
        transform: OptionValues.wholeNumber("seed"))
    var seed: UInt64 = 0

    @Flag(help: "List the demos.")
    var list = false

    func run() throws {
        if list {
            let width = Name.allCases.map(\.rawValue.count).max() ?? 0
            Terminal.write(Name.allCases.map { "\($0.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)\n" }.joined())
            return
        }
        try DemoStyle.$colour.withValue(Terminal.colourEnabled) { try present(name.demo(seed: seed)) }
    }

    /// Every step at once, or one at a time with --step on a terminal.
    private func present(_ demo: TeachingDemo) throws {
        let printer = DemoPrinter(colour: Terminal.colourEnabled, width: min(80, Terminal.width ?? 80))
        guard step, Terminal.stdoutIsTerminal, isatty(STDIN_FILENO) == 1 else {
            Terminal.write(try printer.all(demo))
            return
        }
        let steps = try demo.steps()
        Terminal.write(printer.heading(demo.title))
        for (k, current) in steps.enumerated() {
            Terminal.write(printer.text(of: current, number: k + 1, of: steps.count))
            guard k + 1 < steps.count else { break }
            Terminal.write("\n— Enter for step \(k + 2) of \(steps.count), q to quit — ")
            guard let answer = readLine(), answer.trimmingCharacters(in: .whitespaces).lowercased() != "q" else {
                Terminal.write("\n")
                return
            }
        }
    }
}
