/// What LeCun et al. 1989 count for one layer, from its matrix or its geometry.
///
///     units            output units: rows of Wᵀ
///     connections      taps on the extended input, plus one per bias:
///                      terms of Wᵀ_valid (on x̃, the padded input), or the
///                      window entries of a pooling, + rows r with a bias b_{β(r)}
///     free parameters  distinct parameters: the v_p the terms use, and the b_j
///
/// A convolution's taps are counted on Wᵀ_valid, before P folds the padding:
/// a tap on a constant border (LeCun's −1) is a connection the paper counts,
/// and a tap on a zero border one a network still wires. A pooling unit has one
/// connection per window entry (its constants; for max pooling, every real tap
/// of its windows, the support J(x) selects from) and no free parameters.
/// Activations, Flatten and Identity act unit by unit and have no connections.
public struct LayerCount: Equatable, Sendable {
    public var name: String
    public var kind: String
    public var units: Int
    public var connections: Int
    public var freeParameters: Int

    public init(name: String, kind: String, units: Int, connections: Int, freeParameters: Int) {
        self.name = name
        self.kind = kind
        self.units = units
        self.connections = connections
        self.freeParameters = freeParameters
    }

    /// Whether `layer` has connections: not a unit-by-unit map.
    public static func hasConnections(_ layer: any Layer) -> Bool { layer.hasConnections }

    /// Rows of Wᵀ that add a bias.
    private static func biasedRows(_ layer: any Layer) -> Int {
        guard layer.biasShape != nil else { return 0 }
        return (0..<layer.output.count).reduce(0) { $0 + (layer.biasParameter(ofRow: $1) == nil ? 0 : 1) }
    }

    /// The counts read off the layer's matrix: the terms and constants of Wᵀ
    /// (Wᵀ_valid for a convolution), the parameters they use, the bias rows.
    ///
    /// - Complexity: O(``Layer/entryCountBound``) time and memory; never a dense matrix.
    public static func fromMatrix(_ named: NetworkLayer) -> LayerCount {
        let layer = named.layer
        let tied = layer.connectionMatrix()
        let usedWeights = Set(tied.terms.map(\.parameter)).count
        let biases = Set((0..<layer.output.count).compactMap { layer.biasParameter(ofRow: $0) }).count
        return LayerCount(
            name: named.name, kind: layer.kind, units: tied.rows,
            connections: tied.termCount + tied.constants.count + biasedRows(layer),
            freeParameters: usedWeights + biases)
    }

    /// The counts from the geometry alone, or nil for a kind without a rule
    /// (then only its matrix counts it):
    ///
    ///     convolution   units · taps per unit = positions · weights, + biased units
    ///     Linear        positions · out · in, + positions · out with a bias
    ///     pooling       C · ∏_d Σ_i |window_d(i)|
    ///     parameters    ∏ weightShape + ∏ biasShape
    public static func fromGeometry(_ named: NetworkLayer) -> LayerCount? {
        let layer = named.layer
        guard let connections = layer.geometricConnectionCount else { return nil }
        return LayerCount(name: named.name, kind: layer.kind, units: layer.output.count, connections: connections, freeParameters: layer.layerParameterCount)
    }
}
