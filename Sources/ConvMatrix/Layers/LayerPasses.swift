/// A linear layer with numbers on the form its size calls for: the dense Wᵀ
/// (``MaterialisedLayer``, BLAS) or its compressed rows (``SparseLayer``). The
/// passes are the same formulas on either:
///
///     forward:   y  = Wᵀ x + o + b
///     backward:  δx = W δy,   δv = the tied reduction of δy xᵀ,   δb = Σ δy per map
///
/// One rule picks the form for the whole library (docs/performance.md, "Dense or compressed"):
///
///     compressed  ⇔  the layer has more than ``SparsePath/termLimit`` terms (no term list is affordable)
///                    or  nonzeros ≤ f · rows · columns
///
///     f = 1/16  when Wᵀ is built once and run many times (the network passes of `check`, `show`):
///               between the densities where bench's figure 3 finds the crossover,
///               dense faster at 8.4 % (LeNet 1989's H1), compressed faster at 3.2 %;
///     f = 1/2   when Wᵀ changes after every step (training): the compressed passes
///               read v directly, a dense Wᵀ is written out again, rows × columns, per update.
public enum LayerPasses: Sendable {
    case dense(MaterialisedLayer)
    case compressed(SparseLayer)

    /// How often the weights change under the form: what sets the rule's fraction f.
    public enum Use: Sendable {
        /// Built once and run many times.
        case builtOnce
        /// Rebuilt after every update of the weights.
        case updatedEveryStep

        /// f: the largest fraction of nonzero entries that runs compressed.
        public var compressedFraction: Double {
            switch self {
            case .builtOnce: 1.0 / 16
            case .updatedEveryStep: 0.5
            }
        }
    }

    /// True when the rule above runs `layer` on its compressed form, decided from
    /// its geometry (``Layer/entryCountBound``, the nonzeros at most) before anything is built.
    public static func prefersCompressed(_ layer: any Layer, use: Use) -> Bool {
        let entries = Double(layer.output.count) * Double(layer.input.count)
        return layer.entryCountBound > SparsePath.termLimit || Double(layer.entryCountBound) <= use.compressedFraction * entries
    }

    /// Bytes the chosen form holds: the compressed rows, or the parameters, terms and dense Wᵀ.
    public static func estimatedBytes(_ layer: any Layer, use: Use) -> Int {
        prefersCompressed(layer, use: use) ? CompressedMatrixForm.estimatedBytes(for: layer) : layer.materialisedEstimate.bytes
    }

    /// Flops of one sample's forward pass on the chosen form: 2 per stored entry.
    public static func forwardWork(_ layer: any Layer, use: Use) -> Double {
        2 * Double(prefersCompressed(layer, use: use) ? layer.entryCountBound : layer.entryCount)
    }

    /// `layer` with `weights` on the form the rule picks.
    ///
    /// - Throws: ``ConvMatrixError``: `.budget` when the form exceeds `budget`, or
    ///   weights that do not fit the layer, as ``MaterialisedLayer`` and ``SparseLayer`` throw.
    public init(_ layer: any Layer, weights: LayerWeights, use: Use, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        if Self.prefersCompressed(layer, use: use) {
            self = .compressed(try SparseLayer(layer, weights: weights, budget: budget))
        } else {
            self = .dense(try MaterialisedLayer(layer, weights: weights, budget: budget))
        }
    }

    /// The same form with other weights: the structure is shared, the numbers rebuilt.
    ///
    /// - Throws: as the form's initialiser with weights.
    public func with(_ weights: LayerWeights, budget: MemoryBudget = .default) throws(ConvMatrixError) -> LayerPasses {
        switch self {
        case .dense(let m): .dense(try MaterialisedLayer(m.form, weights: weights, budget: budget))
        case .compressed(let m): .compressed(try SparseLayer(m.form, weights: weights))
        }
    }

    public var layer: any Layer {
        switch self {
        case .dense(let m): m.layer
        case .compressed(let m): m.layer
        }
    }

    public var weights: LayerWeights {
        switch self {
        case .dense(let m): m.weights
        case .compressed(let m): m.weights
        }
    }

    /// The form's name, for tables: "dense Wᵀ" or "compressed Wᵀ".
    public var formName: String {
        switch self {
        case .dense: "dense Wᵀ"
        case .compressed: "compressed Wᵀ"
        }
    }

    /// The layer's matrix form in compressed rows (converted from the terms for a dense layer).
    ///
    /// - Throws: ``ConvMatrixError`` `.shape` when an index would not fit an Int32.
    public func compressedForm() throws(ConvMatrixError) -> CompressedMatrixForm {
        switch self {
        case .dense(let m): try CompressedMatrixForm(m.form)
        case .compressed(let m): m.form
        }
    }

    /// The numbers of Wᵀ that are not weights: its constants, its coefficients and
    /// the padding value c, which decide whether integer data stay exact.
    public var constantValues: [Double] {
        switch self {
        case .dense(let m): m.form.tied.constants.map(\.value) + (m.form.tied.coefficients ?? []) + [m.form.offsetScale]
        case .compressed(let m): m.form.tied.constantValues + (m.form.tied.coefficients ?? []) + [m.form.offsetScale]
        }
    }

    /// Wᵀ as a dense matrix: the layer's own, or written out from the compressed rows.
    ///
    /// - Complexity: O(rows · columns) memory for a compressed layer: size it first (``Layer/denseEstimate``).
    public var matrix: Matrix {
        switch self {
        case .dense(let m): m.matrix
        case .compressed(let m): m.form.tied.dense(parameters: m.weights.weight)
        }
    }

    /// y = Wᵀ x + o + b for one sample.
    public func forward(_ x: [Double]) -> [Double] {
        switch self {
        case .dense(let m): m.forward(x)
        case .compressed(let m): m.forward(sampleRows: Matrix(rows: 1, columns: x.count, columnMajor: x)).storage
        }
    }

    /// Y = Wᵀ X + (o + b) 1ᵀ for a batch whose columns are samples.
    public func forward(batch inputs: Matrix) -> Matrix {
        switch self {
        case .dense(let m): m.forward(batch: inputs)
        case .compressed(let m): inputs.columns == 1 ? Self.column(m.forward(sampleRows: Self.row(inputs))) : m.forward(batch: inputs)
        }
    }

    /// δx, δv and δb for one sample at the input x the layer saw.
    public func backward(input x: [Double], outputGradient dy: [Double]) -> Gradients {
        switch self {
        case .dense(let m): m.backward(input: x, outputGradient: dy)
        case .compressed:
            backward(batch: Matrix(rows: x.count, columns: 1, columnMajor: x), outputGradients: Matrix(rows: dy.count, columns: 1, columnMajor: dy))
        }
    }

    /// δX, δv and δb for a batch whose columns are samples.
    public func backward(batch inputs: Matrix, outputGradients dY: Matrix) -> Gradients {
        switch self {
        case .dense(let m):
            return m.backward(batch: inputs, outputGradients: dY)
        case .compressed(let m):
            guard inputs.columns == 1 else { return m.backward(batch: inputs, outputGradients: dY) }
            let gradients = m.backward(sampleRows: Self.row(inputs), outputGradientRows: Self.row(dY))
            return Gradients(input: Self.column(gradients.input), weight: gradients.weight, bias: gradients.bias)
        }
    }

    /// One sample stored as a column, as one row: the same storage.
    private static func row(_ column: Matrix) -> Matrix { Matrix(rows: 1, columns: column.rows, columnMajor: column.storage) }
    private static func column(_ row: Matrix) -> Matrix { Matrix(rows: row.columns, columns: 1, columnMajor: row.storage) }
}
