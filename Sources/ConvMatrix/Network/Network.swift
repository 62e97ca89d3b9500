/// A whole network: an input shape and a tree of named layers and blocks, each
/// layer built on the shape the one before it gives.
///
///     y = f_n ∘ … ∘ f_1 (x),      a layer  f(x) = Wᵀ x + o + b  (or its Jacobian J(x) at x)
///     Residual:  f(x) = x + F(x)  or  S(x) + F(x) with a shortcut S
///     Concat:    f(x) = [B_1(x); …; B_m(x)]   stacked along channels
///
/// Read from the text of a network file (docs/networks.md) by
/// ``init(parsing:name:input:)``; the shipped ones are ``ShippedNetworks``.
///
///     let network = try Network(parsing: "input 1x8\nConv1d(1, 2, 3)\nReLU()", name: "tiny")
///     network.layers.map(\.name)   // ["Conv1d_1", "ReLU_1"]
///     network.output               // 2x6
public struct Network: Sendable {
    /// What the network is called: a shipped name or the file it came from.
    public let name: String
    /// The input shape x is read as (the file's `input` line, or its override).
    public let input: TensorShape
    /// The top-level nodes, in order.
    public let nodes: [NetworkNode]

    public init(name: String, input: TensorShape, nodes: [NetworkNode]) {
        self.name = name
        self.input = input
        self.nodes = nodes
    }

    /// The shape y is written as.
    public var output: TensorShape { nodes.last?.output ?? input }

    /// Every layer, depth first: a Residual's block before its shortcut, a Concat's branches in order.
    public var layers: [NetworkLayer] { nodes.flatMap(\.layers) }

    /// The layer whose full name is `name` (`block.layer` inside a block).
    public func layer(named name: String) -> NetworkLayer? {
        layers.first { $0.name == name }
    }
}

/// One layer of a network, with its full name and where it was written.
public struct NetworkLayer: Sendable {
    /// The full name: `H1`, `Conv2d_2`, `block.Conv2d_1`.
    public let name: String
    /// The spec as written in the file.
    public let spec: String
    /// The layer, bound to the shape before it.
    public let layer: any Layer
    /// The 1-based line it was written on.
    public let line: Int

    public init(name: String, spec: String, layer: any Layer, line: Int) {
        self.name = name
        self.spec = spec
        self.layer = layer
        self.line = line
    }
}

/// A node of the tree: a layer or a composite block.
public enum NetworkNode: Sendable {
    case layer(NetworkLayer)
    case residual(NetworkResidual)
    case concat(NetworkConcat)

    /// The shape the node reads.
    public var input: TensorShape {
        switch self {
        case .layer(let layer): layer.layer.input
        case .residual(let block): block.input
        case .concat(let block): block.input
        }
    }

    /// The shape the node writes.
    public var output: TensorShape {
        switch self {
        case .layer(let layer): layer.layer.output
        case .residual(let block): block.output
        case .concat(let block): block.output
        }
    }

    /// The node's layers, depth first.
    public var layers: [NetworkLayer] {
        switch self {
        case .layer(let layer): [layer]
        case .residual(let block): block.body.flatMap(\.layers) + (block.shortcut ?? []).flatMap(\.layers)
        case .concat(let block): block.branches.flatMap { $0.nodes.flatMap(\.layers) }
        }
    }
}

/// y = x + F(x), or S(x) + F(x) with a shortcut S: the paths agree in shape.
public struct NetworkResidual: Sendable {
    public let name: String
    public let input: TensorShape
    /// F, the block.
    public let body: [NetworkNode]
    /// S, the projection, or nil for the identity.
    public let shortcut: [NetworkNode]?

    /// F's output shape, which is S's (or x's).
    public var output: TensorShape { body.last?.output ?? input }
}

/// y = [B_1(x); …; B_m(x)]: the branches' outputs stacked along channels.
public struct NetworkConcat: Sendable {
    public let name: String
    public let input: TensorShape
    public let branches: [NetworkBranch]

    /// Σ channels of the branches, on their common spatial extents.
    public var output: TensorShape {
        let outputs = branches.map(\.output)
        return TensorShape(channels: outputs.reduce(0) { $0 + $1.channels }, spatial: outputs.first?.spatial ?? input.spatial)
    }
}

/// One branch of a Concat: a chain from the Concat's input.
public struct NetworkBranch: Sendable {
    public let name: String
    public let input: TensorShape
    public let nodes: [NetworkNode]

    public var output: TensorShape { nodes.last?.output ?? input }
}
