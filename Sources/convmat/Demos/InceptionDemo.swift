import ConvMatrix

/// GoogLeNet's Inception module (Szegedy et al. 2015) as one matrix: the
/// branches read the same x and their outputs are stacked along channels, so
///
///     y = [B₁(x); B₂(x); B₃(x); B₄(x)]   ⇒   J(x) = [J₁(x); J₂(x); J₃(x); J₄(x)]
///
/// the rows of the module's matrix are the branches' rows, one block after the
/// other. Then what the 1×1 reductions before the 3×3 and 5×5 convolutions save,
/// from `convmat count` of the shipped module and of the module without them.
struct InceptionDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "GoogLeNet's Inception module: branches stacked as rows"

    /// The shipped module with the 3×3 and 5×5 convolutions reading all 8 maps
    /// directly: the same 16 output maps, no reductions.
    static let unreduced = """
        input 8x6x6
        inception: Concat:
          b1: branch:
            Conv2d(8, 4, 1)
            ReLU()
          b3: branch:
            Conv2d(8, 6, 3, padding=1)
            ReLU()
          b5: branch:
            Conv2d(8, 3, 5, padding=2)
            ReLU()
          pool: branch:
            MaxPool2d(3, stride=1, padding=1)
            Conv2d(8, 3, 1)
            ReLU()
        """

    func steps() throws -> [DemoStep] {
        let network = try Network(named: "inception-module")
        guard case .concat(let module) = network.nodes.first else { preconditionFailure("inception-module is one Concat") }
        return [
            DemoStep(
                title: "Four branches read the same x",
                explanation: """
                    A 1×1, a 3×3 and a 5×5 convolution and a max pooling look at one input at three \
                    scales. Each branch keeps the 6×6 extent, so their maps stack along channels: \
                    y = [B₁(x); B₂(x); B₃(x); B₄(x)].
                    """, body: branches(module)),
            DemoStep(
                title: "Concat stacks the branches' rows of Wᵀ",
                explanation: """
                    Units are flattened channel after channel, so branch k owns a contiguous run of y and \
                    a block of rows of the module's matrix. With ReLUs and pooling inside, that matrix \
                    is the Jacobian J(x); its row blocks are the branches' own Jacobians at the same x.
                    """, body: try stacked(network, module: module)),
            DemoStep(
                title: "1×1 reductions cut the cost",
                explanation: """
                    The 3×3 and 5×5 convolutions are the expensive ones: their cost grows with the \
                    maps they read. A 1×1 convolution first reduces those maps; the same module \
                    without the reductions reads all 8 maps in both.
                    """, body: try reductions(network)),
        ]
    }

    private func branches(_ module: NetworkConcat) -> String {
        var text = "x: \(module.input), \(module.input.count) units\n\n"
        var row = 0
        for branch in module.branches {
            let specs = branch.nodes.flatMap(\.layers).map(\.spec).joined(separator: " → ")
            let rows = "rows \(row + 1)–\(row + branch.output.count)"
            text += "  \(Self.short(branch).padding(toLength: 5, withPad: " ", startingAt: 0)) \(branch.output)  \(rows)\n"
            text += DemoPrinter(colour: false, width: 72).wrapped(specs).split(separator: "\n").map { "        " + $0 + "\n" }.joined()
            row += branch.output.count
        }
        return text + "\ny: \(module.output), \(module.output.count) units = Σ of the branches' units\n"
    }

    private func stacked(_ network: Network, module: NetworkConcat) throws -> String {
        let weights = NetworkWeights.integers(for: network, seed: seed)
        let whole = try MaterialisedNetwork(network, weights: weights)
        var random = SplitMix64(seed: seed &+ 1)
        let x = (0..<network.input.count).map { _ in Double(random.nextInt(in: -3...3)) }
        let jacobian = try whole.product(at: x).matrix
        var text = "J(x) of the whole module at an integer x (seed \(seed)): \(jacobian.rows) × \(jacobian.columns)\n\n"
        var row = 0
        for branch in module.branches {
            let alone = Network(name: branch.name, input: module.input, nodes: branch.nodes)
            let own = try MaterialisedNetwork(alone, weights: weights).product(at: x).matrix
            var difference = 0.0
            var nonzeros = 0
            for r in 0..<own.rows {
                for c in 0..<own.columns {
                    difference = max(difference, abs(jacobian[row + r, c] - own[r, c]))
                    if own[r, c] != 0 { nonzeros += 1 }
                }
            }
            let rows = "rows \(row + 1)–\(row + own.rows)".padding(toLength: 12, withPad: " ", startingAt: 0)
            let name = Self.short(branch).padding(toLength: 5, withPad: " ", startingAt: 0)
            text += "  \(name) \(rows) \(own.rows) × \(own.columns), \(NumberFormat.count(nonzeros).leftPadded(to: 5)) nonzeros"
            text += "   max |J rows − J_\(Self.short(branch))(x)| = \(NumberFormat.compact(difference))\n"
            row += own.rows
        }
        return text + "  the branches' rows, \(row) in all, are every one of J(x)'s \(jacobian.rows) rows\n"
    }

    private func reductions(_ network: Network) throws -> String {
        let direct = try Network(parsing: Self.unreduced, name: "without reductions")
        precondition(direct.output == network.output, "the unreduced module writes the same maps")
        let (with, without) = (try NetworkCount(network), try NetworkCount(direct))
        guard case .concat(let module) = network.nodes.first else { return "" }
        var rows = [["branch", "parameters", "without", "connections", "without"]]
        for branch in module.branches {
            let (a, b) = (Self.sum(with, branch.name + "."), Self.sum(without, branch.name + "."))
            rows.append([
                Self.short(branch), NumberFormat.count(a.parameters), NumberFormat.count(b.parameters), NumberFormat.count(a.connections),
                NumberFormat.count(b.connections),
            ])
        }
        rows.append([
            "total", NumberFormat.count(with.freeParameters), NumberFormat.count(without.freeParameters), NumberFormat.count(with.connections),
            NumberFormat.count(without.connections),
        ])
        return "with the 1×1 reductions (convmat count inception-module) and without them:\n\n"
            + DepthwiseSeparableDemo.table(rows)
            + "\n  the reductions save \(NumberFormat.count(without.freeParameters - with.freeParameters)) parameters "
            + "(\(NumberFormat.ratio(without.freeParameters, with.freeParameters))×) and "
            + "\(NumberFormat.count(without.connections - with.connections)) connections "
            + "(\(NumberFormat.ratio(without.connections, with.connections))×)\n"
    }

    /// `b3` for the branch `inception.b3`.
    private static func short(_ branch: NetworkBranch) -> String {
        String(branch.name.split(separator: ".").last ?? Substring(branch.name))
    }

    /// Free parameters and connections of the counted layers whose names start with `prefix`.
    private static func sum(_ count: NetworkCount, _ prefix: String) -> (parameters: Int, connections: Int) {
        let layers = count.layers.filter { $0.name.hasPrefix(prefix) }
        return (layers.reduce(0) { $0 + $1.freeParameters }, layers.reduce(0) { $0 + $1.connections })
    }
}
