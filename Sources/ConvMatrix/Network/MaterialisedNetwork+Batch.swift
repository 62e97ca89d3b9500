/// ∂E/∂X for a batch and every layer's ∂E/∂v, ∂E/∂b summed over it.
public struct NetworkBatchGradients: Sendable {
    /// ∂E/∂X: one column per sample.
    public var input: Matrix
    /// Each layer's gradients, by full name: ∂E/∂(layer input), one column per
    /// sample, and for a layer with parameters ∂E/∂v and ∂E/∂b summed over the batch.
    public var layers: [String: Gradients]
}

/// A batch through the chain, samples as columns (MaterialisedLayer+Passes.swift's
/// convention):
///
///     linear layer             X_{k+1} = Wᵀ_k X_k + (o_k + b_k) 1ᵀ        one dgemm for the batch
///                              δX_k = W_k δX_{k+1},  δV = tied(δX_{k+1} X_kᵀ)   one dgemm each
///     input-dependent layer    x_{k+1}^(s) = f_k(x_k^(s))                 per sample s
///                              δx_k^(s) = J_k(x_k^(s))ᵀ δx_{k+1}^(s)       J at that sample's input
///
/// so the parameter gradients are Σ_s of the per-sample ones, and column s of
/// every result is the single-sample pass on column s.
extension MaterialisedNetwork {
    /// Y for a batch X whose columns are samples.
    public func forward(batch inputs: Matrix) -> Matrix {
        var trace: [String: Matrix] = [:]
        return run(network.nodes, inputs, trace: &trace)
    }

    /// The batch each layer saw, by full name, and Y.
    public func trace(batch inputs: Matrix) -> (inputs: [String: Matrix], output: Matrix) {
        var trace: [String: Matrix] = [:]
        let outputs = run(network.nodes, inputs, trace: &trace)
        return (trace, outputs)
    }

    /// The backward pass from δY at the output for the batch X.
    ///
    /// - Throws: as ``backward(input:outputGradient:)``.
    public func backward(batch inputs: Matrix, outputGradients dY: Matrix) throws(ConvMatrixError) -> NetworkBatchGradients {
        let seen = trace(batch: inputs).inputs
        var layers: [String: Gradients] = [:]
        let dX = try back(network.nodes, dY, inputs: seen, into: &layers)
        return NetworkBatchGradients(input: dX, layers: layers)
    }

    private func run(_ nodes: [NetworkNode], _ x: Matrix, trace: inout [String: Matrix]) -> Matrix {
        nodes.reduce(x) { value, node in run(node, value, trace: &trace) }
    }

    private func run(_ node: NetworkNode, _ x: Matrix, trace: inout [String: Matrix]) -> Matrix {
        switch node {
        case .layer(let layer):
            trace[layer.name] = x
            if let materialised = linear[layer.name] { return materialised.forward(batch: x) }
            guard let nonlinear = layer.layer as? any InputDependentLayer else { preconditionFailure("\(layer.name) has no matrix") }
            return Matrix(columns: (0..<x.columns).map { nonlinear.value(at: x.column($0)) }, rows: layer.layer.output.count)
        case .residual(let block):
            let f = run(block.body, x, trace: &trace)
            let s = block.shortcut.map { run($0, x, trace: &trace) } ?? x
            return f.adding(s)
        case .concat(let block):
            return Matrix(stacking: block.branches.map { run($0.nodes, x, trace: &trace) })
        }
    }

    private func back(
        _ nodes: [NetworkNode], _ dY: Matrix, inputs: [String: Matrix], into layers: inout [String: Gradients]
    ) throws(ConvMatrixError) -> Matrix {
        var gradient = dY
        for node in nodes.reversed() { gradient = try back(node, gradient, inputs: inputs, into: &layers) }
        return gradient
    }

    private func back(
        _ node: NetworkNode, _ dY: Matrix, inputs: [String: Matrix], into layers: inout [String: Gradients]
    ) throws(ConvMatrixError) -> Matrix {
        switch node {
        case .layer(let layer):
            let x = inputs[layer.name] ?? Matrix(rows: layer.layer.input.count, columns: dY.columns)
            let gradients = try batchGradients(layer, inputs: x, outputGradients: dY)
            layers[layer.name] = gradients
            return gradients.input
        case .residual(let block):
            let f = try back(block.body, dY, inputs: inputs, into: &layers)
            let s = try block.shortcut.map { nodes throws(ConvMatrixError) in try back(nodes, dY, inputs: inputs, into: &layers) } ?? dY
            return f.adding(s)
        case .concat(let block):
            var dX = Matrix(rows: block.input.count, columns: dY.columns)
            var start = 0
            for branch in block.branches {
                let rows = dY.rows(start..<start + branch.output.count)
                start += branch.output.count
                dX = dX.adding(try back(branch.nodes, rows, inputs: inputs, into: &layers))
            }
            return dX
        }
    }

    /// One layer's backward pass for the batch: one product for a linear layer,
    /// J(x^(s))ᵀ δy^(s) sample by sample for an input-dependent one.
    private func batchGradients(_ layer: NetworkLayer, inputs x: Matrix, outputGradients dY: Matrix) throws(ConvMatrixError) -> Gradients {
        if let materialised = linear[layer.name] { return materialised.backward(batch: x, outputGradients: dY) }
        var columns: [[Double]] = []
        for s in 0..<x.columns {
            columns.append(try compressedJacobian(layer, at: x.column(s)).backward(input: x.column(s), outputGradient: dY.column(s)).input.storage)
        }
        return Gradients(input: Matrix(columns: columns, rows: layer.layer.input.count), weight: [], bias: nil)
    }
}

extension Matrix {
    /// The entrywise sum of two matrices of one shape.
    func adding(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows && columns == other.columns, "\(rows)×\(columns) + \(other.rows)×\(other.columns)")
        return Matrix(rows: rows, columns: columns, columnMajor: zip(storage, other.storage).map { $0 + $1 })
    }

    /// Rows `range` of every column.
    func rows(_ range: Range<Int>) -> Matrix {
        Matrix(columns: (0..<columns).map { Array(column($0)[range]) }, rows: range.count)
    }

    /// The blocks one above the other: each column is the blocks' columns concatenated.
    init(stacking blocks: [Matrix]) {
        let columns = blocks.first?.columns ?? 0
        let rows = blocks.reduce(0) { $0 + $1.rows }
        self.init(columns: (0..<columns).map { c in blocks.flatMap { $0.column(c) } }, rows: rows)
    }
}

extension MaterialisedNetwork {
    /// The same network with one linear layer's materialised form replaced (a
    /// perturbed parameter, or a deliberately corrupted matrix in a test).
    func replacing(_ name: String, with layer: LayerPasses) -> MaterialisedNetwork {
        var copy = self
        copy.linear[name] = layer
        return copy
    }
}
