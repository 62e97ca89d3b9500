/// Central differences of E = ½‖y‖² through the whole network, against the
/// backward pass:
///
///     (E(u + h·e_k) − E(u − h·e_k)) / 2h  against  ∂E/∂u_k,      u = x, or one layer's (v, b)
///
/// one direction class at a time (x; each layer with parameters), each with its
/// own step h and tolerance
///
///     τ = h²·|E‴|/6 + εE/h + εg
///
/// from ``NetworkBounds`` (truncation and the rounding of E) and
/// ``NetworkBackwardBounds`` (the rounding of the backward pass). Exact integer
/// data make every ε and |E‴| zero: τ = 0.
struct NetworkFiniteDifferences {
    let network: Network
    let materialised: MaterialisedNetwork
    let seed: UInt64
    private(set) var x: [Double] = []
    /// The input each layer saw on the way from x, by full name, and y: traced once by ``prepare(x:)``.
    private(set) var trace: (inputs: [String: [Double]], output: [Double]) = ([:], [])
    private(set) var exact = false
    /// Each class's step and tolerance, by the parameter layer's name ("" for x); nil when no step avoids the kinks.
    private(set) var steps: [String: (step: Double, tolerance: Double)?] = [:]
    /// The nearest kink over the piecewise linear layers, for the note.
    private(set) var nearestKink: Kink?
    /// A layer whose kink the rounding bound alone reaches at x: drawing x again cannot help.
    private(set) var roundingReach: (name: String, error: Double, distance: Double)?

    init(network: Network, materialised: MaterialisedNetwork, seed: UInt64) {
        self.network = network
        self.materialised = materialised
        self.seed = seed
    }

    /// The layers with parameters: the classes besides x.
    var parameterLayers: [NetworkLayer] { network.layers.filter { NetworkWeights.hasParameters($0.layer) } }

    /// Chooses every class's step at `x`; false when some class has none (x too near a kink).
    ///
    /// - Throws: as ``MaterialisedNetwork/jacobian(_:at:)``.
    mutating func prepare(x: [Double]) throws(ConvMatrixError) -> Bool {
        self.x = x
        trace = materialised.trace(x)
        let inputs = trace.inputs
        var bounds: [String: LayerBounds] = [:]
        var kinks: [String: Double] = [:]
        nearestKink = nil
        for layer in network.layers {
            if let nonlinear = layer.layer as? any InputDependentLayer {
                let at = try nonlinear.at(x: inputs[layer.name] ?? [])
                bounds[layer.name] = LayerBounds(inputDependent: nonlinear, jacobian: at.matrixForm())
                let locked = lockedUnits(before: layer, inputs: inputs)
                if let kink = locked.map({ nonlinear.nearestKink(to: at.pointValues, locked: $0) }) ?? nonlinear.nearestKink(to: at.pointValues) {
                    kinks[layer.name] = kink.distance
                    if nearestKink.map({ kink.distance < $0.distance }) ?? true {
                        nearestKink = Kink(distance: kink.distance, description: "\(layer.name): \(kink.description)")
                    }
                }
            } else if let m = materialised.linear[layer.name] {
                bounds[layer.name] = LayerBounds(linear: try m.compressedForm(), weights: m.weights)
            }
        }
        exact = isExactData(bounds)
        var atZeroStep = NetworkBounds(layers: bounds, exact: exact, perturbed: nil, step: 0)
        let start = x.map(abs).max() ?? 0
        _ = atZeroStep.forward(network.nodes, .init(value: start, error: atZeroStep.u * start, d1: 1))
        roundingReach = atZeroStep.roundingReach(kinks)
        steps = [:]
        for name in [""] + parameterLayers.map(\.name) {
            steps[name] = bestStep(bounds, kinks: kinks, perturbed: name.isEmpty ? nil : name)
        }
        return steps.values.allSatisfy { $0 != nil }
    }

    /// The units of `layer`'s input that are constant near x: when the top-level
    /// node before it is a ReLU, the units whose ReLU input is negative. They
    /// stay exactly 0 on every segment the ReLU's own kink check admits (no
    /// ReLU input reaches 0), so a tie among them is no kink (``InputDependentLayer/nearestKink(to:locked:)``).
    /// Nil inside a block or after another kind.
    private func lockedUnits(before layer: NetworkLayer, inputs: [String: [Double]]) -> [Bool]? {
        let nodes = network.nodes
        guard let k = nodes.firstIndex(where: { if case .layer(let l) = $0 { l.name == layer.name } else { false } }), k > 0,
            case .layer(let previous) = nodes[k - 1], (previous.layer as? Activation)?.function == .relu, let z = inputs[previous.name]
        else { return nil }
        return z.map { $0 < 0 }
    }

    /// The step 2⁻ᵏ (k = 0 … 40) of least τ whose segment crosses no kink.
    private func bestStep(_ bounds: [String: LayerBounds], kinks: [String: Double], perturbed: String?) -> (step: Double, tolerance: Double)? {
        var best: (step: Double, tolerance: Double)?
        for k in 0...40 {
            let h = Double(sign: .plus, exponent: -k, significand: 1)
            let tolerance = self.tolerance(bounds, kinks: kinks, perturbed: perturbed, step: h, exact: exact)
            if let tolerance, best.map({ tolerance < $0.tolerance }) ?? true { best = (h, tolerance) }
        }
        return best
    }

    /// τ at step h, or nil when the segment may cross a kink.
    private func tolerance(_ bounds: [String: LayerBounds], kinks: [String: Double], perturbed: String?, step h: Double, exact: Bool) -> Double? {
        var forward = NetworkBounds(layers: bounds, exact: exact, perturbed: perturbed, step: h)
        let start = (x.map(abs).max() ?? 0) + (perturbed == nil ? h : 0)
        let y = forward.forward(network.nodes, .init(value: start, error: forward.u * start, d1: perturbed == nil ? 1 : 0))
        guard !forward.crossesAKink(kinks, step: h) else { return nil }
        let backward = NetworkBackwardBounds(forward: forward, network: network, output: y)
        let gradientError = perturbed.map { backward.parameterErrors[$0] ?? 0 } ?? backward.inputError
        return forward.quotientBound(output: y, units: network.output.count, step: h) + gradientError
    }

    /// Integer weights, x and constants, no input-dependent layer, and no exact
    /// value (along any direction, at step 1) beyond 2⁵²: every sum is exact.
    private func isExactData(_ bounds: [String: LayerBounds]) -> Bool {
        let values = x + materialised.linear.values.flatMap { $0.weights.weight + ($0.weights.bias ?? []) }
        let constants = materialised.linear.values.flatMap(\.constantValues)
        guard !network.layers.contains(where: { $0.layer.isInputDependent }), Tolerance.areSmallIntegers(values + constants) else { return false }
        return ([""] + parameterLayers.map(\.name)).allSatisfy { name in
            var forward = NetworkBounds(layers: bounds, exact: true, perturbed: name.isEmpty ? nil : name, step: 1)
            let start = (x.map(abs).max() ?? 0) + 1
            let y = forward.forward(network.nodes, .init(value: start, d1: name.isEmpty ? 1 : 0))
            let backward = NetworkBackwardBounds(forward: forward, network: network, output: y)
            return max(forward.largestMagnitude(output: y, units: network.output.count), backward.largest) <= 0x1p52
        }
    }
}
