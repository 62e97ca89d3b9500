/// Bounds, in the ∞-norm, that hold along the segment t ∈ [−h, h] of one
/// finite-difference direction (x + t·e_k, or one layer's parameter v_p + t),
/// propagated layer by layer with ``LayerBounds``:
///
///     V   ≥ |z(t)|,   D_i ≥ |z⁽ⁱ⁾(t)| (i = 1, 2, 3),   Er ≥ |fl(z) − z|   at every node z
///
///     linear layer     V′ = R·V + C₀          Er′ = R·Er + γ_J·(R·V + C₀)      J = m + K + 3
///                      (R + h·A and C₀ + h·A in the layer whose parameter moves)
///                      D₁′ = R·D₁ + A·max(V, 1)·[p here]   D₂′ = R·D₂ + 2A·D₁·[p here]   D₃′ = R·D₃ + 3A·D₂·[p here]
///     f, elementwise   V′ = F₀ (or V)         Er′ = F₁·Er + ρu·V′  (0 for ReLU and max: they round nothing)
///                      D₁′ = F₁D₁,  D₂′ = F₂D₁² + F₁D₂,  D₃′ = F₃D₁³ + 3F₂D₁D₂ + F₁D₃      (Faà di Bruno)
///     Residual         the paths' bounds added (and u·V for the addition); Concat: their maxima
///
/// A piecewise linear layer keeps F₂ = F₃ = 0 only on one piece; the check
/// verifies that no kink is crossed (``crossesAKink``). From the output y (n units),
/// for E = ½‖y‖²:
///
///     |E‴| ≤ n·(3·D₁·D₂ + V·D₃)                                  truncation h²·|E‴|/6
///     |fl(E) − E| ≤ εE = n·(V·Er + Er²/2) + γ_{n+3}·n·V²/2         rounding εE / h in the quotient
///
/// and the backward pass, from δ = y: G ≥ |δ|, Eg ≥ |fl(δ) − δ|, with the
/// column norms (``backward``).
struct NetworkBounds {
    struct Node {
        var value = 0.0
        var error = 0.0
        var d1 = 0.0
        var d2 = 0.0
        var d3 = 0.0
    }

    let layers: [String: LayerBounds]
    let u: Double
    /// The layer whose parameters the direction moves, or nil for x.
    let perturbed: String?
    /// What each layer reads: its input's bounds, by full name.
    private(set) var inputs: [String: Node] = [:]

    /// The step: how far the moved parameter (or x_k) goes.
    let step: Double

    init(layers: [String: LayerBounds], exact: Bool, perturbed: String?, step: Double) {
        self.layers = layers
        self.step = step
        self.u = exact ? 0 : Tolerance.unitRoundoff
        self.perturbed = perturbed
    }

    /// γ_k, or 0 in exact arithmetic.
    func gamma(_ k: Int) -> Double { u == 0 ? 0 : Tolerance.gamma(k) }

    mutating func forward(_ nodes: [NetworkNode], _ x: Node) -> Node {
        nodes.reduce(x) { value, node in forward(node, value) }
    }

    private mutating func forward(_ node: NetworkNode, _ x: Node) -> Node {
        switch node {
        case .layer(let layer):
            inputs[layer.name] = x
            guard let b = layers[layer.name] else { preconditionFailure("no bounds for \(layer.name)") }
            return b.isInputDependent ? activation(b, x) : linear(b, x, moves: perturbed == layer.name)
        case .residual(let block):
            let f = forward(block.body, x)
            let s = block.shortcut.map { forward($0, x) } ?? x
            let value = f.value + s.value
            return Node(value: value, error: f.error + s.error + u * value, d1: f.d1 + s.d1, d2: f.d2 + s.d2, d3: f.d3 + s.d3)
        case .concat(let block):
            return block.branches.map { forward($0.nodes, x) }.reduce(Node()) { a, b in
                Node(value: max(a.value, b.value), error: max(a.error, b.error), d1: max(a.d1, b.d1), d2: max(a.d2, b.d2), d3: max(a.d3, b.d3))
            }
        }
    }

    private func linear(_ b: LayerBounds, _ x: Node, moves: Bool) -> Node {
        let a = moves ? b.slope : 0
        let norm = b.rowNorm + step * a
        let value = norm * x.value + b.constant + step * a
        return Node(
            value: value, error: norm * x.error + gamma(b.forwardRoundings) * value,
            d1: norm * x.d1 + a * max(x.value, 1), d2: norm * x.d2 + 2 * a * x.d1, d3: norm * x.d3 + 3 * a * x.d2)
    }

    private func activation(_ b: LayerBounds, _ x: Node) -> Node {
        let (f1, f2, f3) = b.derivatives
        let value = b.valueBound.map { min($0, f1 * x.value) } ?? x.value
        let rounding = b.isPiecewiseLinear ? 0 : 8 * u * value
        return Node(
            value: value, error: b.rowNorm * x.error + rounding,
            d1: b.rowNorm * x.d1, d2: f2 * x.d1 * x.d1 + b.rowNorm * x.d2,
            d3: f3 * x.d1 * x.d1 * x.d1 + 3 * f2 * x.d1 * x.d2 + b.rowNorm * x.d3)
    }

    /// True when some piecewise linear layer's input could reach its nearest kink
    /// (half-gap `kinks[name]`, from the computed input at x) on the segment:
    /// h·D₁ + 2·Er ≥ distance, the exact path and both roundings counted.
    func crossesAKink(_ kinks: [String: Double], step h: Double) -> Bool {
        kinks.contains { name, distance in
            guard let x = inputs[name] else { return false }
            return h * x.d1 + 2 * x.error >= distance
        }
    }

    /// The piecewise linear layer whose nearest kink the rounding bound alone
    /// reaches (2·Er ≥ distance): no step, however small, keeps that segment
    /// certified. The ∞-norm bounds grow with every layer, so a deep network meets it.
    func roundingReach(_ kinks: [String: Double]) -> (name: String, error: Double, distance: Double)? {
        kinks.sorted { $0.key < $1.key }.lazy.compactMap { name, distance in
            self.inputs[name].flatMap { 2 * $0.error >= distance ? (name, 2 * $0.error, distance) : nil }
        }.first
    }

    /// E‴'s bound times h²/6 plus εE/h: what the central difference may differ from E′ by.
    func quotientBound(output y: Node, units n: Int, step h: Double) -> Double {
        let count = Double(n)
        let third = count * (3 * y.d1 * y.d2 + y.value * y.d3)
        let energyError = count * (y.value * y.error + y.error * y.error / 2) + gamma(n + 3) * count * y.value * y.value / 2
        return h * h * third / 6 + energyError / h
    }

    /// The largest magnitude any exact computation reaches: the node bounds and n·V².
    func largestMagnitude(output y: Node, units n: Int) -> Double {
        inputs.values.map(\.value).max().map { max($0, y.value, Double(n) * y.value * y.value) } ?? y.value
    }
}
