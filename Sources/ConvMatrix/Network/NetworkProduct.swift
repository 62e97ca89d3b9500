/// The network's matrix: the product of its layers' matrices for a linear
/// network, its Jacobian at x for a nonlinear one, one dense BLAS product a layer.
///
///     chain       P = M_n ⋯ M_2 M_1,       M_k = Wᵀ_k, or J_k(x_k) at the input x_k the forward pass gives layer k
///     Residual    M = S′ + F′               S′ = I without a shortcut: I + Wᵀ_F, or S + Wᵀ_F
///     Concat      M = [B_1′; …; B_m′]       the branches' products stacked vertically
///
/// A linear network is affine, y = P x + c with c = y(0) (the biases and
/// offsets carried through the chain); a nonlinear one is, near x,
/// y(x + u) ≈ y(x) + J(x) u.
public struct NetworkProduct: Sendable {
    /// output units × input units.
    public let matrix: Matrix
    /// x, for a nonlinear network; nil for a linear one.
    public let point: [Double]?
    /// c = y(0), for a linear network; nil for a nonlinear one.
    public let constant: [Double]?

    /// True when the network has no input-dependent layer.
    public static func isLinear(_ network: Network) -> Bool {
        !network.layers.contains { $0.layer.isInputDependent }
    }

    /// What the product holds and does beyond the materialised network: at the
    /// peak the running product, its next value and a Residual's second path,
    /// each at most (largest unit count) × (input units); 2·out·in·n flops a layer.
    public static func estimate(_ network: Network) -> ResourceEstimate {
        let n = network.input.count
        let widest = network.layers.reduce(n) { max($0, $1.layer.output.count, $1.layer.input.count) }
        let bytes = saturatingProduct(4, widest, n, MemoryLayout<Double>.size)
        let work = network.layers.reduce(0.0) { $0 + 2 * Double($1.layer.output.count) * Double($1.layer.input.count) * Double(n) }
        return ResourceEstimate(bytes: bytes, work: work)
    }
}

extension MaterialisedNetwork {
    /// The network's matrix at `x` (which a linear network ignores: give nil).
    ///
    /// - Precondition: a nonlinear network is given an x of its input's units.
    /// - Throws: ``ConvMatrixError``: `.budget` when a Jacobian exceeds the budget,
    ///   `.shape` on `x` when a layer's input is not finite.
    public func product(at x: [Double]?) throws(ConvMatrixError) -> NetworkProduct {
        let linear = NetworkProduct.isLinear(network)
        precondition(linear || x?.count == network.input.count, "a nonlinear network's product needs an x of \(network.input.count) units")
        let inputs = linear ? [:] : trace(x ?? []).inputs
        let matrix = try chain(network.nodes, after: nil, inputs: inputs) ?? Self.identity(network.input.count)
        let constant = linear ? forward(Array(repeating: 0, count: network.input.count)) : nil
        return NetworkProduct(matrix: matrix, point: linear ? nil : x, constant: constant)
    }

    /// M_nodes · P, with P = nil standing for the identity (nil back when `nodes` is empty).
    private func chain(_ nodes: [NetworkNode], after p: Matrix?, inputs: [String: [Double]]) throws(ConvMatrixError) -> Matrix? {
        var running = p
        for node in nodes { running = try apply(node, after: running, inputs: inputs) }
        return running
    }

    private func apply(_ node: NetworkNode, after p: Matrix?, inputs: [String: [Double]]) throws(ConvMatrixError) -> Matrix {
        switch node {
        case .layer(let layer):
            let m: Matrix
            if let passes = linear[layer.name] {
                m = passes.matrix
            } else {
                m = try jacobian(layer, at: inputs[layer.name] ?? []).matrix
            }
            return p.map { m.multiply($0) } ?? m
        case .residual(let block):
            let f = try chain(block.body, after: p, inputs: inputs) ?? p ?? Self.identity(block.input.count)
            var s = p
            if let shortcut = block.shortcut { s = try chain(shortcut, after: p, inputs: inputs) }
            return Self.sum(f, s ?? Self.identity(block.input.count))
        case .concat(let block):
            var parts: [Matrix] = []
            for branch in block.branches {
                parts.append(try chain(branch.nodes, after: p, inputs: inputs) ?? p ?? Self.identity(block.input.count))
            }
            return Self.stacked(parts)
        }
    }

    static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for k in 0..<n { matrix[k, k] = 1 }
        return matrix
    }

    /// A + B, of one shape.
    private static func sum(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "a Residual's paths disagree in shape")
        return Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.storage, b.storage).map { $0 + $1 })
    }

    /// [A_1; …; A_m]: the parts' rows one after another, column by column.
    private static func stacked(_ parts: [Matrix]) -> Matrix {
        let columns = parts.first?.columns ?? 0
        var storage: [Double] = []
        storage.reserveCapacity(parts.reduce(0) { $0 + $1.storage.count })
        for c in 0..<columns {
            for part in parts { storage += part.storage[(c * part.rows)..<((c + 1) * part.rows)] }
        }
        return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: columns, columnMajor: storage)
    }
}
