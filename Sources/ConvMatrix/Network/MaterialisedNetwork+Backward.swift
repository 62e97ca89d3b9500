/// ∂E/∂x and every layer's ∂E/∂v, ∂E/∂b through the chain of matrices.
public struct NetworkGradients: Sendable {
    /// ∂E/∂x.
    public var input: [Double]
    /// Each layer's gradients, by full name: its ∂E/∂(layer input) and, for a
    /// layer with parameters, ∂E/∂v and ∂E/∂b.
    public var layers: [String: Gradients]
}

extension MaterialisedNetwork {
    /// The backward pass from δy at the output, for input x: a layer's W δy, or
    /// J(x_k)ᵀ δy with J materialised at the input x_k the forward pass gave it.
    ///
    /// - Throws: ``ConvMatrixError``: `.budget` when a Jacobian exceeds the
    ///   budget, `.shape` on `x` when a layer's input is not finite (an overflow).
    public func backward(input x: [Double], outputGradient dy: [Double]) throws(ConvMatrixError) -> NetworkGradients {
        let inputs = trace(x).inputs
        var layers: [String: Gradients] = [:]
        let dx = try back(network.nodes, dy, inputs: inputs, into: &layers)
        return NetworkGradients(input: dx, layers: layers)
    }

    private func back(
        _ nodes: [NetworkNode], _ dy: [Double], inputs: [String: [Double]], into layers: inout [String: Gradients]
    ) throws(ConvMatrixError) -> [Double] {
        var gradient = dy
        for node in nodes.reversed() { gradient = try back(node, gradient, inputs: inputs, into: &layers) }
        return gradient
    }

    private func back(
        _ node: NetworkNode, _ dy: [Double], inputs: [String: [Double]], into layers: inout [String: Gradients]
    ) throws(ConvMatrixError) -> [Double] {
        switch node {
        case .layer(let layer):
            let gradients = try self.gradients(layer, input: inputs[layer.name] ?? [], outputGradient: dy)
            layers[layer.name] = gradients
            return gradients.input.storage
        case .residual(let block):
            let f = try back(block.body, dy, inputs: inputs, into: &layers)
            let s = try block.shortcut.map { nodes throws(ConvMatrixError) in try back(nodes, dy, inputs: inputs, into: &layers) } ?? dy
            return zip(s, f).map { $0 + $1 }
        case .concat(let block):
            var dx = Array(repeating: 0.0, count: block.input.count)
            var start = 0
            for branch in block.branches {
                let rows = Array(dy[start..<start + branch.output.count])
                start += branch.output.count
                let part = try back(branch.nodes, rows, inputs: inputs, into: &layers)
                for u in dx.indices { dx[u] += part[u] }
            }
            return dx
        }
    }

    /// One layer's backward pass at the input x it saw.
    private func gradients(_ layer: NetworkLayer, input x: [Double], outputGradient dy: [Double]) throws(ConvMatrixError) -> Gradients {
        if let materialised = linear[layer.name] { return materialised.backward(input: x, outputGradient: dy) }
        return try compressedJacobian(layer, at: x).backward(input: x, outputGradient: dy)
    }

    /// J(x) of an input-dependent layer on its compressed form: a max pooling's
    /// selection has one entry per window, a ReLU's one per unit, far fewer than rows × columns.
    ///
    /// - Throws: as ``backward(input:outputGradient:)``.
    func compressedJacobian(_ layer: NetworkLayer, at x: [Double]) throws(ConvMatrixError) -> LayerPasses {
        guard let nonlinear = layer.layer as? any InputDependentLayer else { preconditionFailure("\(layer.name) is linear") }
        let form = try CompressedMatrixForm(try nonlinear.at(x: x).matrixForm())
        return .compressed(try SparseLayer(form, weights: LayerWeights(unchecked: [], bias: nil)))
    }

    /// J(x) of an input-dependent layer, materialised.
    ///
    /// - Throws: as ``backward(input:outputGradient:)``.
    public func jacobian(_ layer: NetworkLayer, at x: [Double]) throws(ConvMatrixError) -> MaterialisedLayer {
        guard let nonlinear = layer.layer as? any InputDependentLayer else { preconditionFailure("\(layer.name) is linear") }
        let linearised = try nonlinear.at(x: x)
        return try MaterialisedLayer(linearised, weights: LayerWeights(unchecked: [], bias: nil), budget: budget)
    }
}
