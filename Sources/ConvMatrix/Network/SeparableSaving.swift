/// A depthwise-separable pair, a depthwise convolution (groups = C) followed by
/// a pointwise one (1×1, stride 1), against the full convolution of the same
/// shape (Chollet 2017):
///
///     Wᵀ_pw · Wᵀ_dw = (M ⊗ I) · blockdiag(w_1, …, w_C)       M the C′ × C pointwise weights
///     separable  C·m·∏k + C′·C  (+ biases)
///     full       C′·C·∏k         (+ the pointwise biases)
///
/// xception-block's Conv2d(4, 4, 3, padding=1, groups=4), Conv2d(4, 8, 1) hold
/// 40 + 40 = 80 parameters against Conv2d(4, 8, 3, padding=1)'s 296.
public struct SeparableSaving: Sendable, Equatable {
    public let depthwise: String
    public let pointwise: String
    /// The pair's weight and bias parameters.
    public let parameters: Int
    /// The full convolution's canonical spec.
    public let fullSpec: String
    public let fullParameters: Int

    /// Parameters the factorisation saves.
    public var saving: Int { fullParameters - parameters }

    /// Every depthwise convolution directly followed by a pointwise one, in any
    /// block, depth first.
    public static func find(in network: Network) -> [SeparableSaving] {
        find(in: network.nodes)
    }

    private static func find(in nodes: [NetworkNode]) -> [SeparableSaving] {
        var found: [SeparableSaving] = []
        for (k, node) in nodes.enumerated() {
            switch node {
            case .layer(let first):
                if k + 1 < nodes.count, case .layer(let second) = nodes[k + 1], let pair = SeparableSaving(first, second) { found.append(pair) }
            case .residual(let block): found += find(in: block.body) + find(in: block.shortcut ?? [])
            case .concat(let block): found += block.branches.flatMap { find(in: $0.nodes) }
            }
        }
        return found
    }

    /// The pair `first`, `second`, or nil when they are not depthwise then pointwise.
    init?(_ first: NetworkLayer, _ second: NetworkLayer) {
        guard let dw = first.layer as? Convolution, let pw = second.layer as? Convolution else { return nil }
        let d = dw.spec
        let p = pw.spec
        guard d.groups == d.inChannels, d.inChannels > 1, d.connections == nil, p.connections == nil, p.groups == 1,
            p.kernelSize.allSatisfy({ $0 == 1 }), p.stride.allSatisfy({ $0 == 1 }),
            pw.geometry.padding.allSatisfy({ $0.total == 0 }), p.inChannels == d.outChannels
        else { return nil }
        var full = d
        full.outChannels = p.outChannels
        full.groups = 1
        full.bias = p.bias
        full.untiedBias = p.untiedBias
        depthwise = first.name
        pointwise = second.name
        parameters = saturatingSum(dw.layerParameterCount, pw.layerParameterCount)
        fullSpec = full.description
        fullParameters = saturatingSum(saturatingProduct([d.inChannels, p.outChannels] + d.kernelSize), pw.biasParameterCount)
    }

    /// `separable: depthwise + pointwise = 80 parameters, against 296 for the full Conv2d(4, 8, 3, padding=1): 216 fewer (3.7×)`.
    public var text: String {
        "separable: \(depthwise) + \(pointwise) = \(NumberFormat.count(parameters)) parameters, against "
            + "\(NumberFormat.count(fullParameters)) for the full \(fullSpec): \(NumberFormat.count(saving)) fewer "
            + "(\(NumberFormat.ratio(fullParameters, parameters))×)"
    }
}
