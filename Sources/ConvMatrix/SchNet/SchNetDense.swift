/// An atom-wise (or pair-wise) dense layer: the same affine map on every row.
///
///     Y = X A + 1 bᵀ        X: rows × inputs,  A: inputs × outputs,  b: outputs
///
/// Rows are atoms (or pairs, in the filter network). The product is one dgemm.
/// Backward, for δY = ∂E/∂Y:
///
///     δX = δY Aᵀ,    ∂E/∂A = Xᵀ δY,    ∂E/∂b = Σ_rows δY
public struct SchNetDense: Sendable, Equatable {
    /// A, inputs × outputs.
    public var weight: Matrix
    /// b, or nil for a layer without bias (schnetpack's in2f).
    public var bias: [Double]?

    public init(weight: Matrix, bias: [Double]?) {
        precondition(bias == nil || bias?.count == weight.columns, "bias of \(bias?.count ?? 0) for \(weight.columns) outputs")
        self.weight = weight
        self.bias = bias
    }

    /// Glorot/Xavier uniform weights U(−√(6/(in+out)), √(6/(in+out))), as schnetpack's
    /// Dense, drawn column by column; zero bias.
    init(inputs: Int, outputs: Int, bias hasBias: Bool, generator: inout SplitMix64) {
        let bound = (6.0 / Double(inputs + outputs)).squareRoot()
        let entries = (0..<(inputs * outputs)).map { _ in generator.nextSymmetric(bound: bound) }
        self.init(weight: Matrix(rows: inputs, columns: outputs, columnMajor: entries), bias: hasBias ? Array(repeating: 0, count: outputs) : nil)
    }

    public var inputs: Int { weight.rows }
    public var outputs: Int { weight.columns }

    /// Y = X A + 1 bᵀ.
    func forward(_ x: Matrix) -> Matrix {
        var y = x.multiply(weight)
        guard let bias else { return y }
        for c in 0..<y.columns {
            for r in 0..<y.rows { y[r, c] += bias[c] }
        }
        return y
    }

    /// δX for output gradient δY; adds ∂E/∂A and ∂E/∂b into `gradient`.
    func backward(_ dy: Matrix, input x: Matrix, gradient: inout SchNetDense) -> Matrix {
        let dWeight = x.multiply(dy, transposed: true)
        for k in gradient.weight.storage.indices { gradient.weight.storage[k] += dWeight.storage[k] }
        if gradient.bias != nil {
            for c in 0..<dy.columns {
                var sum = 0.0
                for r in 0..<dy.rows { sum += dy[r, c] }
                gradient.bias?[c] += sum
            }
        }
        return dy.multiply(weight, otherTransposed: true)
    }

    /// The same shape, all zeros: a gradient to accumulate into.
    var zero: SchNetDense {
        SchNetDense(weight: Matrix(rows: inputs, columns: outputs), bias: bias.map { Array(repeating: 0, count: $0.count) })
    }

    /// A then b, flattened.
    var flattened: [Double] { weight.storage + (bias ?? []) }

    /// The layer with its parameters read from `flat` at `offset`, which advances.
    func reading(_ flat: [Double], at offset: inout Int) -> SchNetDense {
        var copy = self
        let n = weight.storage.count
        copy.weight.storage = Array(flat[offset..<(offset + n)])
        offset += n
        if let bias {
            copy.bias = Array(flat[offset..<(offset + bias.count)])
            offset += bias.count
        }
        return copy
    }
}
