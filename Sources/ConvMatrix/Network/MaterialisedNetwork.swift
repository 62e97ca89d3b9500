/// A network with numbers: every linear layer's Wᵀ, dense or compressed by the
/// library's one rule (``LayerPasses``, built once), and the passes that compose them.
///
///     forward:   x_{k+1} = Wᵀ_k x_k + o_k + b_k          a linear layer (one dgemv)
///                x_{k+1} = f_k(x_k)                        an input-dependent layer
///     backward:  δx_k = W_k δx_{k+1}                       a linear layer, and its δv, δb
///                δx_k = J_k(x_k)ᵀ δx_{k+1}                 J_k compressed, at the input it saw
///     Residual:  y = S(x) + F(x)  ⇒  δx = S′ᵀ δy + F′ᵀ δy     (S = I without a shortcut)
///     Concat:    y = [B_1(x); …]  ⇒  δx = Σ_i B_i′ᵀ δy_i      δy_i the rows of branch i
///
/// Concat stacks along channels, and units are flattened channel first, so
/// branch i's output is a contiguous run of y.
public struct MaterialisedNetwork: Sendable {
    public let network: Network
    public let weights: NetworkWeights
    /// The passes of every layer that is not input-dependent, by full name.
    public internal(set) var linear: [String: LayerPasses]
    let budget: MemoryBudget

    /// Materialises every linear layer of `network` with `weights`.
    ///
    /// - Throws: ``ConvMatrixError``: `.budget` when the layers' matrices together
    ///   exceed `budget`, or a layer's weights that do not fit it.
    public init(_ network: Network, weights: NetworkWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try budget.require(Self.estimatedBytes(network), for: "the matrices of \(network.name)")
        var linear: [String: LayerPasses] = [:]
        for layer in network.layers where !layer.layer.isInputDependent {
            do {
                linear[layer.name] = try LayerPasses(layer.layer, weights: weights.weights(for: layer), use: .builtOnce, budget: budget)
            } catch {
                throw error.kind == .budget ? error : ConvMatrixError(error.kind, field: error.field, reason: "\(layer.name): \(error.reason)")
            }
        }
        self.network = network
        self.weights = weights
        self.linear = linear
        self.budget = budget
    }

    /// Bytes of every linear layer's form (``LayerPasses/estimatedBytes(_:use:)``), all alive at once.
    public static func estimatedBytes(_ network: Network) -> Int {
        network.layers.filter { !$0.layer.isInputDependent }.reduce(0) { saturatingSum($0, LayerPasses.estimatedBytes($1.layer, use: .builtOnce)) }
    }

    /// y for input x.
    public func forward(_ x: [Double]) -> [Double] {
        var trace: [String: [Double]] = [:]
        return run(network.nodes, x, trace: &trace)
    }

    /// y from the input of top-level layer `name` on: the nodes before it are not
    /// run again. Nil when no top-level node is that layer (one inside a block).
    public func forward(resumingAt name: String, input: [Double]) -> [Double]? {
        guard let start = network.nodes.firstIndex(where: { if case .layer(let layer) = $0 { layer.name == name } else { false } }) else { return nil }
        var trace: [String: [Double]] = [:]
        return run(Array(network.nodes[start...]), input, trace: &trace)
    }

    /// The input each layer saw on the way from x to y, by full name, and y.
    public func trace(_ x: [Double]) -> (inputs: [String: [Double]], output: [Double]) {
        var trace: [String: [Double]] = [:]
        let y = run(network.nodes, x, trace: &trace)
        return (trace, y)
    }

    func run(_ nodes: [NetworkNode], _ x: [Double], trace: inout [String: [Double]]) -> [Double] {
        nodes.reduce(x) { value, node in run(node, value, trace: &trace) }
    }

    private func run(_ node: NetworkNode, _ x: [Double], trace: inout [String: [Double]]) -> [Double] {
        switch node {
        case .layer(let layer):
            trace[layer.name] = x
            if let materialised = linear[layer.name] { return materialised.forward(x) }
            guard let nonlinear = layer.layer as? any InputDependentLayer else { preconditionFailure("\(layer.name) has no matrix") }
            return nonlinear.value(at: x)
        case .residual(let block):
            let f = run(block.body, x, trace: &trace)
            let s = block.shortcut.map { run($0, x, trace: &trace) } ?? x
            return zip(s, f).map { $0 + $1 }
        case .concat(let block):
            return block.branches.flatMap { run($0.nodes, x, trace: &trace) }
        }
    }
}
