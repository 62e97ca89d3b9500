/// Padding as its own linear map P from the input x to the extended input x̃.
///
/// Every padded convolution is the 'valid' convolution of the extended input,
///
///     Wᵀ = Wᵀ_valid · P          (x̃ = P x)
///
/// and the border modes differ only in P. Each row of P (one extended unit) is
/// either a copy of one input unit, or empty: a border unit that holds the
/// padding constant c (0 for `zeros`). With `constant` padding the map is affine,
///
///     x̃ = P x + c · b,           b_e = 1 for border units, 0 elsewhere,
///
/// and the layer gains the fixed offset o = Wᵀ_valid (c·b).
///
/// Notes: the adjoint Pᵀ sums the gradient of every copy back into its source,
/// which is how reflect, replicate and circular padding route gradients twice
/// into units near the border.
public struct PaddingOperator: Sendable {
    public let mode: PaddingMode
    public let input: TensorShape
    public let extended: TensorShape
    public let padding: [SidePadding]
    /// Per spatial dimension, for each extended index, the input index it copies or nil.
    private let sourceAlongDimension: [[Int?]]
    private let inputBox: RowMajor
    private let extendedBox: RowMajor

    /// The padding of `geometry`'s input.
    public init(geometry: ConvolutionGeometry) {
        self.init(
            mode: geometry.spec.paddingMode, input: geometry.input, padding: geometry.padding)
    }

    /// P for `mode`, extending `input` by `padding` along each spatial dimension.
    /// Nothing of the size of the input is stored: rows of P are computed on demand.
    ///
    /// - Precondition: the pads are within the mode's limits (``ConvolutionGeometry`` checks them).
    public init(mode: PaddingMode, input: TensorShape, padding: [SidePadding]) {
        precondition(padding.count == input.spatial.count, "padding has \(padding.count) dimensions, input \(input)")
        self.mode = mode
        self.input = input
        self.padding = padding
        self.extended = TensorShape(
            channels: input.channels, spatial: zip(input.spatial, padding).map { $0 + $1.total })
        inputBox = RowMajor(input.spatial)
        extendedBox = RowMajor(extended.spatial)
        sourceAlongDimension = input.spatial.indices.map { d in
            (0..<(input.spatial[d] + padding[d].total)).map {
                Self.sourceIndex($0 - padding[d].before, length: input.spatial[d], mode: mode)
            }
        }
    }

    /// The input unit that extended unit e copies, or nil for a border unit that
    /// holds the padding constant: row e of P.
    public func source(_ e: Int) -> Int? {
        let channel = e / extended.mapSize
        var rest = e % extended.mapSize
        var offset = channel * input.mapSize
        for d in sourceAlongDimension.indices {
            let stride = extendedBox.strides[d]
            guard let s = sourceAlongDimension[d][rest / stride] else { return nil }
            offset += s * inputBox.strides[d]
            rest %= stride
        }
        return offset
    }

    /// The input index an extended index u (relative to the first input unit) copies,
    /// along one dimension of length n:
    ///
    ///     zeros, constant:  u if 0 ≤ u < n, else none
    ///     circular:         u mod n
    ///     reflect:          −u if u < 0,  2(n−1) − u if u ≥ n
    ///     replicate:        clamp(u, 0, n−1)
    static func sourceIndex(_ u: Int, length n: Int, mode: PaddingMode) -> Int? {
        if (0..<n).contains(u) { return u }
        switch mode {
        case .zeros, .constant: return nil
        case .circular: return ((u % n) + n) % n
        case .reflect: return u < 0 ? -u : 2 * (n - 1) - u
        case .replicate: return u < 0 ? 0 : n - 1
        }
    }

    /// The padding constant c of the border units (0 unless `constant`).
    public var borderValue: Double {
        if case .constant(let c) = mode { return c }
        return 0
    }

    /// True when some extended unit holds the constant c ≠ 0, so the layer has an offset.
    public var hasOffset: Bool { borderValue != 0 && padding.contains { $0.total > 0 } }

    /// x̃ = P x + c · b.
    public func extend(_ x: [Double]) -> [Double] {
        precondition(x.count == input.count, "x has \(x.count) units, expected \(input.count)")
        let c = borderValue
        return (0..<extended.count).map { e in source(e).map { x[$0] } ?? c }
    }

    /// δx = Pᵀ δx̃: every copy's gradient summed into its source; border constants get none.
    public func adjoint(_ extendedGradient: [Double]) -> [Double] {
        precondition(extendedGradient.count == extended.count, "gradient has \(extendedGradient.count) units, expected \(extended.count)")
        var gradient = Array(repeating: 0.0, count: input.count)
        for e in 0..<extended.count {
            if let s = source(e) { gradient[s] += extendedGradient[e] }
        }
        return gradient
    }

    /// P's nonzeros as (row, column) pairs, row = extended unit, column = input unit;
    /// every coefficient is 1.
    public var nonzeros: [(row: Int, column: Int)] {
        (0..<extended.count).compactMap { e in source(e).map { (row: e, column: $0) } }
    }

    /// The dense P, (extended units) × (input units).
    public func denseMatrix() -> Matrix {
        var matrix = Matrix(rows: extended.count, columns: input.count)
        for (row, column) in nonzeros { matrix[row, column] = 1 }
        return matrix
    }
}

extension PaddingOperator {
    /// P as a tied matrix of constants: a 1 where an extended unit copies an input
    /// unit, no parameters. Every entry of P is a number, not a weight.
    public var tiedMatrix: TiedMatrix {
        TiedMatrix(
            rows: extended.count, columns: input.count,
            rowBlockSize: extended.mapSize, columnBlockSize: input.mapSize,
            parameters: [], terms: [],
            constants: nonzeros.map { ConstantEntry(row: $0.row, column: $0.column, value: 1) })
    }
}
