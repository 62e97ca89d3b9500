/// Which units each output unit of a network structurally depends on: in x,
/// and in the output of every layer, through the whole network.
///
/// A layer's structural matrix S is the nonzero pattern of its Wᵀ, a boolean
/// matrix (``StructuralRows``); for an input-dependent layer it is the union of
/// its Jacobians' patterns over all x: a max pool's whole window, an
/// activation's diagonal (never one point's one-hot or zero slope). The field
/// of output unit u in a tensor t is row u of the boolean product of the
/// structural matrices between t and y:
///
///     chain      F_t(u) = ∪_{r ∈ F_{t′}(u)} S_L(r)        t′ = L(t), stepped back from y to x
///     Residual   F_in(u) = F_body(u) ∪ F_shortcut(u)      the identity shortcut gives F_out(u)
///     Concat     F_in(u) = ∪_b F_b(u ∩ branch b's units)   each branch stepped back on its share
///
/// which is the set of nonzero columns of row u of the structural product
/// S_n ⋯ S_1 (a Residual's I + S_F, a Concat's stacked branches). Integers and
/// sets only: no weight and no floating point is involved.
///
///     let field = try NetworkReceptiveField(try Network(named: "lenet1989"))
///     field.tensors.map(\.name)          // ["x", "H1", "ScaledTanh_1", …, "ScaledTanh_4"]
///     field.tensors[0].fields[3]         // the units of x output unit 3 depends on
public struct NetworkReceptiveField: Sendable {
    /// One tensor of the network: x, a layer's output, or y.
    public struct Tensor: Sendable, Equatable {
        /// `x`, the layer's full name (`block.conv1`), or `y` for a network that ends in a block.
        public let name: String
        public let shape: TensorShape
        /// fields[u]: the units (0-based, flattened as torch's `.flatten()`) output unit u depends on, ascending.
        public let fields: [[Int]]
    }

    /// The most (output unit, tensor unit) pairs a field may relate: what it holds at most.
    public static let pairLimit = 4_000_000
    /// The most steps the product may take: Σ over layers of (output units) · (entries of S).
    public static let workLimit = 400_000_000

    /// The network's name.
    public let network: String
    /// x first, then every layer's output depth first (``Network/layers``), then
    /// y when the network ends in a block; the last tensor is the network's output,
    /// where fields[u] = [u].
    public let tensors: [Tensor]

    /// The network's output: the tensor whose units are hovered.
    public var output: Tensor { tensors[tensors.count - 1] }

    /// What the fields hold and take at most, from the shapes alone:
    ///
    ///     pairs = |y| · (|x| + Σ_L |out_L| + |y|)      work = |y| · Σ_L entries(S_L)
    public static func estimate(_ network: Network) -> (pairs: Int, work: Int, bytes: Int) {
        let units = network.layers.reduce(saturatingSum(network.input.count, network.output.count)) { saturatingSum($0, $1.layer.output.count) }
        let entries = network.layers.reduce(0) { saturatingSum($0, $1.layer.entryCountBound) }
        let pairs = saturatingProduct(network.output.count, units)
        let largestLayer = network.layers.map { $0.layer.structureEstimate.bytes }.max() ?? 0
        return (pairs, saturatingProduct(network.output.count, entries), saturatingSum(saturatingProduct(3, pairs, MemoryLayout<Int>.size), largestLayer))
    }

    /// The fields of every output unit of `network`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `view` when the
    ///   fields would relate more than ``pairLimit`` pairs or take more than
    ///   ``workLimit`` steps (AlexNet), and on `max-memory` when they exceed `budget`;
    ///   all before anything is built.
    /// - Complexity: O(|y| · Σ_L entries(S_L)) time, O(pairs) memory.
    public init(_ network: Network, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        let (pairs, work, bytes) = Self.estimate(network)
        let what = "the receptive fields of \(network.name)'s \(NumberFormat.count(network.output.count, "output unit"))"
        if pairs > Self.pairLimit {
            throw ConvMatrixError(
                .budget, field: "view",
                reason: "\(what) relate up to \(NumberFormat.count(pairs)) pairs of units, above the \(NumberFormat.count(Self.pairLimit)) the view holds;"
                    + " use a smaller network or --input")
        }
        if work > Self.workLimit {
            throw ConvMatrixError(
                .budget, field: "view",
                reason: "\(what) take up to \(NumberFormat.count(work)) steps, above the \(NumberFormat.count(Self.workLimit)) the view takes;"
                    + " use a smaller network or --input")
        }
        try budget.require(bytes, for: what)
        var recorded: [String: [[Int]]] = [:]
        let identity = (0..<network.output.count).map { [$0] }
        let atInput = Self.back(network.nodes, from: identity, recording: &recorded)
        var tensors = [Tensor(name: "x", shape: network.input, fields: atInput)]
        for layer in network.layers {
            tensors.append(Tensor(name: layer.name, shape: layer.layer.output, fields: recorded[layer.name] ?? []))
        }
        if case .layer = network.nodes.last {
        } else {
            tensors.append(Tensor(name: "y", shape: network.output, fields: identity))
        }
        self.network = network.name
        self.tensors = tensors
    }

    /// The fields at the chain's input, given those at its output; each layer's output field recorded by name.
    static func back(_ nodes: [NetworkNode], from fields: [[Int]], recording: inout [String: [[Int]]]) -> [[Int]] {
        var running = fields
        for node in nodes.reversed() { running = back(node, from: running, recording: &recording) }
        return running
    }

    private static func back(_ node: NetworkNode, from fields: [[Int]], recording: inout [String: [[Int]]]) -> [[Int]] {
        switch node {
        case .layer(let layer):
            recording[layer.name] = fields
            return StructuralRows(of: layer.layer).pullBack(fields)
        case .residual(let block):
            let body = back(block.body, from: fields, recording: &recording)
            let shortcut = block.shortcut.map { back($0, from: fields, recording: &recording) } ?? fields
            return zip(body, shortcut).map { StructuralRows.union($0, $1) }
        case .concat(let block):
            var union = Array(repeating: [Int](), count: fields.count)
            var offset = 0
            for branch in block.branches {
                let units = offset..<(offset + branch.output.count)
                let share = fields.map { field in field.filter(units.contains).map { $0 - offset } }
                union = zip(union, back(branch.nodes, from: share, recording: &recording)).map { StructuralRows.union($0, $1) }
                offset += branch.output.count
            }
            return union
        }
    }
}
