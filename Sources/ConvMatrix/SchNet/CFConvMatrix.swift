/// The cfconv of one interaction block as an explicit matrix over atoms.
///
/// Units are flattened feature-major, as torch flattens (C, *spatial) with the
/// F features as channels and the n atoms as positions: unit (f, i) is f·n + i.
///
///     x'_{f,i} = Σ_j W_f(d_ij) x_{f,j},     Wᵀ[(f, i), (f, j)] = W_f(d_ij)
///
/// `--order maps` shows block (f, f) as the n × n matrix of feature f (every
/// off-diagonal block is zero); `--order positions` regroups by atom, and block
/// (i, j) becomes diag(W(d_ij)) ∈ ℝ^{F×F}.
///
/// The parameters are the filter values at the distance classes
/// (``DistanceClasses``): parameter p = f · classes + c is W_f(d_c), named
/// W_{ff}^{c} (``ParameterName`` with letter W, output and input map f, tap c,
/// all 1-based), as a depthwise convolution names its taps v_{ff}^{t}. The value
/// is the filter at the class's shortest distance.
public struct CFConvMatrix: Sendable {
    /// The shape the cfconv reads and writes: F channels over n positions (atoms).
    public let shape: TensorShape
    public let classes: DistanceClasses
    /// Wᵀ, (n·F) × (n·F).
    public let tied: TiedMatrix
    /// The value of each parameter, W_f(d_c) at index f · classes + c.
    public let values: [Double]

    /// The cfconv of interaction block `interaction` (0-based) on `molecule`, on its
    /// first `featureLimit` features only when given (a drawing of 64 features is
    /// 64 copies of the same structure; the matrix of the first few is the same matrix
    /// restricted to their units).
    ///
    /// - Throws: ``ConvMatrixError`` on field `interaction` for a block the model does not have.
    public init(model: SchNetModel, molecule: Molecule, interaction t: Int = 0, featureLimit: Int? = nil) throws(ConvMatrixError) {
        guard model.parameters.interactions.indices.contains(t) else {
            throw ConvMatrixError(.option, field: "interaction", reason: "\(t + 1) is outside 1…\(model.parameters.interactions.count)")
        }
        let (n, features) = (molecule.count, min(model.configuration.features, max(1, featureLimit ?? model.configuration.features)))
        let pairs = PairList(positions: molecule.positions, configuration: model.configuration)
        classes = DistanceClasses(pairs)
        shape = TensorShape(channels: features, spatial: [n])
        let classCount = classes.count
        let names = (0..<features).flatMap { f in
            (0..<classCount).map { ParameterName(outputMap: f + 1, inputMap: f + 1, tap: [$0 + 1], letter: "W") }
        }
        var terms: [Term] = []
        terms.reserveCapacity(pairs.count * features)
        for f in 0..<features {
            for p in 0..<pairs.count {
                terms.append(Term(row: f * n + pairs.first[p], column: f * n + pairs.second[p], parameter: f * classCount + classes.classOfPair[p]))
            }
        }
        tied = TiedMatrix(rows: n * features, columns: n * features, rowBlockSize: n, columnBlockSize: n, parameters: names, terms: terms)
        let filters = model.filterValues(at: classes.classes.map(\.distance), interaction: t)
        values = (0..<features).flatMap { f in (0..<classCount).map { filters[$0, f] } }
    }

    /// The n × n matrix of feature f (0-based): entry (i, j) is W_f(d_ij), 0 off the pair list.
    public func featureMatrix(_ f: Int) -> Matrix {
        let n = shape.mapSize
        var matrix = Matrix(rows: n, columns: n)
        for term in tied.terms where term.row / n == f {
            matrix[term.row % n, term.column % n] += values[term.parameter]
        }
        return matrix
    }

    /// The matrix in `order`, for the text, LaTeX and SVG renderers.
    public func view(order: UnitOrder = .maps) throws(ConvMatrixError) -> MatrixView {
        try MatrixView(tied, input: shape, output: shape, order: order)
    }
}
