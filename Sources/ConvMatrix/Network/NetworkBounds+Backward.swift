/// The backward pass's bounds: G ≥ |δ|_∞ and Eg ≥ |fl(δ) − δ|_∞ from δ = y at
/// the output, and what each parameter gradient may be off by.
///
///     linear layer     G_in = C·G,    Eg_in = C·Eg + γ_{m−1+L}·C·G
///                      ∂E/∂v_p = Σ a·δ_r·z_c:  |·| ≤ T·G·max(V_in, 1),
///                      error ≤ T·(Eg·max(V_in, 1) + G·Er_in) + γ_{T+2}·T·G·max(V_in, 1)
///     f                G_in = C_J·G,  Eg_in = C_J·Eg + (F₂·Er_in + ρu·F₁ + u)·C_J·G   (J(x̂) ≠ J(x) by F₂·Er_in)
///     Residual         both paths read (G, Eg); their results add (+ u·G)
///     Concat           each branch reads its rows; the results add (+ u·G)
///
/// with the forward bounds V_in, Er_in of the x direction, which hold at x.
struct NetworkBackwardBounds {
    let forward: NetworkBounds
    /// Eg at x: what the computed ∂E/∂x may be off by.
    private(set) var inputError = 0.0
    /// What each layer's computed ∂E/∂v, ∂E/∂b may be off by, by full name.
    private(set) var parameterErrors: [String: Double] = [:]
    /// The largest magnitude of any backward quantity (for exactness).
    private(set) var largest = 0.0

    init(forward: NetworkBounds, network: Network, output y: NetworkBounds.Node) {
        self.forward = forward
        let (_, error) = back(network.nodes, gradient: y.value, error: y.error)
        inputError = error
    }

    private var u: Double { forward.u }

    private mutating func back(_ nodes: [NetworkNode], gradient: Double, error: Double) -> (Double, Double) {
        nodes.reversed().reduce((gradient, error)) { state, node in back(node, gradient: state.0, error: state.1) }
    }

    private mutating func back(_ node: NetworkNode, gradient g: Double, error e: Double) -> (Double, Double) {
        largest = max(largest, g)
        switch node {
        case .layer(let layer):
            guard let b = forward.layers[layer.name], let x = forward.inputs[layer.name] else { preconditionFailure("no bounds for \(layer.name)") }
            if b.isInputDependent {
                let (f1, f2, _) = b.derivatives
                let jacobianError = f2 * x.error + (b.isPiecewiseLinear ? 0 : 8 * u * f1) + u
                return (b.columnNorm * g, b.columnNorm * e + jacobianError * b.columnNorm * g)
            }
            let reads = max(x.value, 1)
            let magnitude = b.reach * g * reads
            largest = max(largest, magnitude)
            parameterErrors[layer.name] =
                b.reach * (e * reads + g * x.error) + forward.gamma(Int(b.reach.rounded(.up)) + 2) * magnitude
            return (b.columnNorm * g, b.columnNorm * e + forward.gamma(b.backwardRoundings) * b.columnNorm * g)
        case .residual(let block):
            let f = back(block.body, gradient: g, error: e)
            let s = block.shortcut.map { back($0, gradient: g, error: e) } ?? (g, e)
            return (f.0 + s.0, f.1 + s.1 + u * (f.0 + s.0))
        case .concat(let block):
            let parts = block.branches.map { back($0.nodes, gradient: g, error: e) }
            let total = parts.reduce(0) { $0 + $1.0 }
            return (total, parts.reduce(0) { $0 + $1.1 } + u * total)
        }
    }
}
