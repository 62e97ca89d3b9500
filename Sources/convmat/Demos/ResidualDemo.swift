import ConvMatrix

/// ResNet's residual block as a matrix: y = x + F(x) has the linear part
/// I + Wᵀ_F, and with a nonlinearity inside, the Jacobian I + J_F(x).
struct ResidualDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "ResNet's residual block: I + Wᵀ"

    func steps() throws -> [DemoStep] {
        [
            DemoStep(
                title: "A linear block: y = x + Wᵀ_F x",
                explanation: """
                    The shortcut adds the input to the block's output, so the block's matrix is the \
                    identity plus the convolution's band matrix: every diagonal entry gains a 1.
                    """, body: try linear()),
            DemoStep(
                title: "With a ReLU inside: J(x) = I + D(x) Wᵀ_F",
                explanation: """
                    A nonlinear block has a Jacobian at each x. Inside a residual it is still the identity \
                    plus the block's own Jacobian, here the ReLU's diagonal 0/1 matrix D(x) times Wᵀ_F.
                    """, body: try nonlinear()),
            DemoStep(
                title: "The gradient always has a path",
                explanation: """
                    Backpropagation multiplies by Jᵀ = I + J_Fᵀ: even where every ReLU is off and J_F = 0, \
                    δx = δy passes through the shortcut unchanged. That is why deep residual stacks train.
                    """, body: try gradientPath()),
        ]
    }

    private static let text = "input 1x6\nblock: Residual:\n  conv: Conv1d(1, 1, 3, padding=1, bias=False)\n"
    private static let reluText = text + "  ReLU()\n"

    private func network(_ text: String) throws -> (Network, MaterialisedNetwork, MaterialisedLayer) {
        let network = try Network(parsing: text, name: "residual")
        let weights = NetworkWeights.integers(for: network, seed: seed)
        let materialised = try MaterialisedNetwork(network, weights: weights)
        guard let conv = network.layer(named: "block.conv") else { preconditionFailure("the demo's block has a conv") }
        return (network, materialised, try MaterialisedLayer(conv.layer, weights: weights.weights(for: conv)))
    }

    private func linear() throws -> String {
        let (_, materialised, conv) = try network(Self.text)
        let product = try materialised.product(at: nil).matrix
        var difference = 0.0
        for r in 0..<product.rows {
            for c in 0..<product.columns { difference = max(difference, abs(product[r, c] - conv.matrix[r, c] - (r == c ? 1 : 0))) }
        }
        return "Wᵀ_F, the block's Conv1d(1, 1, 3, padding=1) with integer taps (seed \(seed)):\n" + Self.rows(conv.matrix)
            + "\nthe block's matrix, multiplied out by the network:\n" + Self.rows(product)
            + "\nmax |product − (I + Wᵀ_F)| = \(NumberFormat.compact(difference))\n"
    }

    private func nonlinear() throws -> String {
        let (_, materialised, conv) = try network(Self.reluText)
        let x: [Double] = [1, -2, 3, -1, 2, -3]
        let jacobian = try materialised.product(at: x).matrix
        let z = conv.forward(x)
        var difference = 0.0
        for r in 0..<jacobian.rows {
            for c in 0..<jacobian.columns {
                let expected = (r == c ? 1 : 0) + (z[r] > 0 ? conv.matrix[r, c] : 0)
                difference = max(difference, abs(jacobian[r, c] - expected))
            }
        }
        let d = VectorText.tuple(z.map { $0 > 0 ? 1 : 0 }, width: 2)
        return "at x = \(VectorText.tuple(x, width: 2)): Wᵀ_F x = \(VectorText.tuple(z, width: 3)), so D(x) = diag\(d)\n"
            + "J(x), multiplied out by the network:\n" + Self.rows(jacobian)
            + "\nmax |J(x) − (I + D(x) Wᵀ_F)| = \(NumberFormat.compact(difference))\n"
    }

    private func gradientPath() throws -> String {
        let (network, materialised, conv) = try network(Self.reluText)
        // Every unit of Wᵀ_F x negative: x = −(sign of each row's sum) keeps all ReLUs off when the taps allow it.
        let x = (0..<network.input.count).map { r in -Double((0..<conv.matrix.columns).reduce(0.0) { $0 + conv.matrix[r, $1] } >= 0 ? 1 : -1) }
        let z = conv.forward(x)
        let dy: [Double] = [1, 2, 3, 4, 5, 6]
        let dx = try materialised.backward(input: x, outputGradient: dy).input
        let off = z.filter { $0 <= 0 }.count
        return "at x = \(VectorText.tuple(x, width: 2)): \(off) of \(z.count) ReLUs are off (Wᵀ_F x = \(VectorText.tuple(z, width: 3)))\n"
            + "δy = \(VectorText.tuple(dy, width: 2))\nδx = \(VectorText.tuple(dx, width: 3))  (= δy + J_Fᵀ δy: the shortcut's δy is always in it)\n"
    }

    /// A small dense matrix, one row a line.
    static func rows(_ m: Matrix) -> String {
        let width = (0..<m.rows).flatMap { r in (0..<m.columns).map { NumberFormat.compact(m[r, $0]).count } }.max() ?? 1
        return (0..<m.rows).map { r in "  " + (0..<m.columns).map { NumberFormat.compact(m[r, $0]).leftPadded(to: width + 1) }.joined() + "\n" }.joined()
    }
}
