/// LeCun's table for a whole network: each layer that has connections, and the
/// totals (docs/networks.md derives lenet1989's from the structure of Wᵀ).
///
///     units             Σ units of the listed layers
///     units_with_input  units + the input's units (LeCun's 1,256 = 1,000 + 256)
///     parametrised      Σ units of the layers with free parameters (Krizhevsky's "neurons")
///     connections       Σ connections
///     free_parameters   Σ free parameters
public struct NetworkCount: Sendable {
    /// Where a layer's counts came from.
    public enum Source: String, Sendable {
        case matrix, geometry
    }

    public let network: String
    public let input: TensorShape
    public let layers: [LayerCount]
    /// Where each listed layer's counts came from, in the same order.
    public let sources: [Source]

    /// Counts every layer with connections: from its matrix when its terms fit
    /// `budget`, else from its geometry.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` for a layer whose terms do
    ///   not fit and whose kind has no geometric rule.
    public init(_ network: Network, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        var layers: [LayerCount] = []
        var sources: [Source] = []
        for layer in network.layers where LayerCount.hasConnections(layer.layer) {
            let (count, source) = try Self.count(layer, budget: budget)
            layers.append(count)
            sources.append(source)
        }
        self.network = network.name
        self.input = network.input
        self.layers = layers
        self.sources = sources
    }

    /// Above this many terms a layer is counted from its geometry, which costs
    /// nothing, rather than from terms that take seconds to build (AlexNet's fc6
    /// has 37,748,736).
    public static let matrixTermLimit = 4_000_000

    /// One layer's counts: the matrix (max pooling's: its windows, since its
    /// Jacobian at one point selects one entry of each) when it has at most
    /// ``matrixTermLimit`` terms and fits `budget`, else the geometry.
    private static func count(_ layer: NetworkLayer, budget: MemoryBudget) throws(ConvMatrixError) -> (LayerCount, Source) {
        let geometric = LayerCount.fromGeometry(layer)
        let fits = layer.layer.structureEstimate.bytes <= budget.limitBytes && layer.layer.entryCountBound <= matrixTermLimit
        if let geometric, !fits { return (geometric, .geometry) }
        try budget.require(layer.layer.structureEstimate.bytes, for: "the terms of \(layer.name) = \(layer.layer.specDescription) on \(layer.layer.input)")
        return (LayerCount.fromMatrix(layer), .matrix)
    }

    /// The input's units.
    public var inputUnits: Int { input.count }
    /// Σ units of the listed layers.
    public var units: Int { layers.reduce(0) { saturatingSum($0, $1.units) } }
    /// Σ units, the input's included.
    public var unitsWithInput: Int { saturatingSum(units, inputUnits) }
    /// Σ units of the layers with free parameters.
    public var parametrisedUnits: Int { layers.filter { $0.freeParameters > 0 }.reduce(0) { saturatingSum($0, $1.units) } }
    /// Σ connections.
    public var connections: Int { layers.reduce(0) { saturatingSum($0, $1.connections) } }
    /// Σ free parameters.
    public var freeParameters: Int { layers.reduce(0) { saturatingSum($0, $1.freeParameters) } }
}
