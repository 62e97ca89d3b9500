/// One layer of a network under training, and the form its passes run on.
///
///     linear, dense       Y = Wᵀ X + (o + b) 1ᵀ      δX = W δY      δv = tied(δY Xᵀ)     (BLAS)
///     linear, compressed  the same sums over Wᵀ's structural nonzeros (``SparseLayer``)
///     activation          Y = f(X)                   δX = f′(X) ∘ δY                       (elementwise)
///     other nonlinear     y = f(x)                   δx = J(x)ᵀ δy, J(x) compressed, at x  (per sample)
///
/// A linear layer trains on the form the library's rule picks for weights that
/// change every step (``LayerPasses``, ``LayerPasses/Use/updatedEveryStep``):
/// compressed when Wᵀ's structural nonzeros are at most half of rows × columns.
/// The compressed passes read v directly, so an update costs the nonzeros; a
/// dense Wᵀ is written out again, rows × columns, after every update. For
/// LeNet 1989 H1 (768 × 256, 8.4 % nonzero) and H2 (192 × 768, 18.8 %) train
/// compressed, H3 and the output (fully connected) dense.
struct TrainingStage: Sendable {
    enum Pass: Sendable {
        case linear(LayerPasses)
        case elementwise(Activation)
        case jacobian(any InputDependentLayer)
    }

    let name: String
    var pass: Pass

    /// `layer` with `weights`, on the form the rule above picks.
    ///
    /// - Throws: ``ConvMatrixError``: `.budget` when the terms or the dense Wᵀ
    ///   exceed `budget`, or weights that do not fit the layer.
    init(_ layer: NetworkLayer, weights: LayerWeights, budget: MemoryBudget) throws(ConvMatrixError) {
        name = layer.name
        if let activation = layer.layer as? Activation {
            pass = .elementwise(activation)
        } else if let nonlinear = layer.layer as? any InputDependentLayer {
            pass = .jacobian(nonlinear)
        } else {
            pass = .linear(try LayerPasses(layer.layer, weights: weights, use: .updatedEveryStep, budget: budget))
        }
    }

    /// The layer's current weights, or nil for a layer without a matrix of its own.
    var weights: LayerWeights? {
        switch pass {
        case .linear(let layer): layer.weights
        case .elementwise, .jacobian: nil
        }
    }

    /// Which form the passes run on, for the timing table.
    var formName: String {
        switch pass {
        case .linear(let layer): layer.formName
        case .elementwise: "elementwise"
        case .jacobian: "Jacobian per sample"
        }
    }

    /// Y for a batch X whose columns are samples.
    func forward(_ x: Matrix) -> Matrix {
        switch pass {
        case .linear(let layer): return layer.forward(batch: x)
        case .elementwise(let activation):
            return Matrix(rows: x.rows, columns: x.columns, columnMajor: activation.value(at: x.storage))
        case .jacobian(let layer):
            return Matrix(columns: (0..<x.columns).map { layer.value(at: x.column($0)) }, rows: layer.output.count)
        }
    }

    /// δX, δv and δb for the batch X the layer saw and δY at its output.
    ///
    /// - Throws: ``ConvMatrixError`` `.shape` on `x` when a nonlinear layer other
    ///   than an activation saw a value that is not finite.
    func backward(input x: Matrix, outputGradients dY: Matrix) throws(ConvMatrixError) -> Gradients {
        switch pass {
        case .linear(let layer):
            return layer.backward(batch: x, outputGradients: dY)
        case .elementwise(let activation):
            // The Jacobian of an elementwise f is diagonal, J(x) = diag(f′(x)), so
            // J(x)ᵀ δy = f′(x) ∘ δy: applied unit by unit instead of materialised.
            let slopes = activation.derivative(at: x.storage)
            let dx = zip(slopes, dY.storage).map { $0 * $1 }
            return Gradients(input: Matrix(rows: x.rows, columns: x.columns, columnMajor: dx), weight: [], bias: nil)
        case .jacobian(let layer):
            // J(x) on its compressed form: a max pooling's selection has one entry per
            // window, far fewer than its rows × columns.
            var columns: [[Double]] = []
            for s in 0..<x.columns {
                let jacobian = try SparseLayer(
                    try CompressedMatrixForm(try layer.at(x: x.column(s)).matrixForm()), weights: LayerWeights(unchecked: [], bias: nil))
                let dy = Matrix(rows: 1, columns: dY.rows, columnMajor: dY.column(s))
                columns.append(jacobian.backward(sampleRows: Matrix(rows: 1, columns: layer.input.count), outputGradientRows: dy).input.storage)
            }
            return Gradients(input: Matrix(columns: columns, rows: layer.input.count), weight: [], bias: nil)
        }
    }

    /// v ← v − η δv and b ← b − η δb, and the form rebuilt on the new values.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `learning-rate` when
    ///   a weight, an entry of Wᵀ or o + b is no longer finite (the run diverged).
    mutating func update(_ gradients: Gradients, learningRate: Double, budget: MemoryBudget) throws(ConvMatrixError) {
        guard let current = weights, !current.weight.isEmpty || current.bias != nil else { return }
        let weight = zip(current.weight, gradients.weight).map { $0 - learningRate * $1 }
        let bias = current.bias.map { b in zip(b, gradients.bias ?? []).map { $0 - learningRate * $1 } }
        do {
            try set(LayerWeights(unchecked: weight, bias: bias), budget: budget)
        } catch {
            throw ConvMatrixError(
                .numerical, field: "learning-rate", reason: "training diverged: \(name): \(error.reason); use a smaller --learning-rate")
        }
    }

    /// The same form with other weights (checked as the form's initialiser checks them).
    ///
    /// - Throws: ``ConvMatrixError`` as ``LayerPasses/with(_:budget:)``.
    mutating func set(_ weights: LayerWeights, budget: MemoryBudget) throws(ConvMatrixError) {
        switch pass {
        case .linear(let layer): pass = .linear(try layer.with(weights, budget: budget))
        case .elementwise, .jacobian: return
        }
    }
}
