/// The JSON document of `convmat show --format json`, version 1 (docs/json.md).
///
/// Every documented key is always present; a value that does not apply is null.
public struct ShowReport: Encodable, Sendable {
    public static let version = 1
    /// Above this many entries the dense `matrix` and `tie` are null.
    public static let denseEntryLimit = 4_000_000

    public let summary: LayerSummary
    public let weights: LayerWeights
    public let terms: [Term]
    public let matrix: Matrix?
    public let tie: [Int]?
    public let offset: [Double]?
    /// With `--factor`: P and Wᵀ_valid.
    public let factor: (padding: PaddingOperator, valid: TiedMatrix)?

    /// The unit order of `terms`, `matrix`, `tie` and `offset`.
    public let order: UnitOrder

    /// The document of `layer`, in `order` (rows and columns permuted as in ``MatrixView``).
    public init(layer: MaterialisedConvolution, factor: Bool = false, order: UnitOrder = .maps) {
        summary = LayerSummary(layer: layer.layer, tied: layer.tied)
        weights = layer.weights
        self.order = order
        let view = order == .maps ? nil : MatrixView(layer: layer.layer, order: order)
        let tied = view?.tied ?? layer.tied
        terms = tied.terms
        let dense = tied.entryCount <= Self.denseEntryLimit
        matrix = dense ? (view == nil ? layer.matrix : tied.dense(parameters: layer.weights.weight)) : nil
        tie = dense ? tied.tieIndices : nil
        offset = layer.offset.map { offset in view.map { $0.rowSource.map { offset[$0] } } ?? offset }
        self.factor = factor ? (layer.layer.padding, layer.layer.validTiedMatrix()) : nil
    }

    enum Key: String, CodingKey {
        case version, spec, input_shape, output_shape, rows, cols, entries, nonzeros
        case extended_nonzeros, weight_parameters, bias_parameters, weight, bias
        case terms, matrix, tie, offset, padding_mode, padding, valid, order
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encode("\(summary.spec)", forKey: .spec)
        try c.encode(summary.input.extents, forKey: .input_shape)
        try c.encode(summary.output.extents, forKey: .output_shape)
        try c.encode(summary.rows, forKey: .rows)
        try c.encode(summary.columns, forKey: .cols)
        try c.encode(summary.entries, forKey: .entries)
        try c.encode(summary.nonzeros, forKey: .nonzeros)
        try c.encode(summary.extendedNonzeros, forKey: .extended_nonzeros)
        try c.encode(summary.weightParameters, forKey: .weight_parameters)
        try c.encode(summary.biasParameters, forKey: .bias_parameters)
        try c.encode(summary.spec.paddingMode.name, forKey: .padding_mode)
        try c.encode(order.rawValue, forKey: .order)
        try c.encode(NestedArray(weights.weight, shape: summary.spec.weightShape), forKey: .weight)
        try c.encodeNullable(weights.bias, forKey: .bias)
        try c.encode(terms.map { [$0.row, $0.column, $0.parameter] }, forKey: .terms)
        try c.encodeNullable(matrix?.nestedRows, forKey: .matrix)
        try c.encodeNullable(tie.map { tie in (0..<summary.rows).map { Array(tie[($0 * summary.columns)..<(($0 + 1) * summary.columns)]) } }, forKey: .tie)
        try c.encodeNullable(offset, forKey: .offset)
        try c.encodeNullable(factor.map { SparseDocument(padding: $0.padding) }, forKey: .padding)
        try c.encodeNullable(factor.map { SparseDocument(tied: $0.valid) }, forKey: .valid)
    }

    /// Rough bytes of the encoded document, for the size guard: about 16 bytes a term,
    /// and 12 bytes a dense entry (matrix and tie).
    public static func estimatedBytes(terms: Int, entries: Int) -> Int {
        saturatingSum(saturatingProduct(terms, 16), entries <= denseEntryLimit ? entries * 24 : 0)
    }
}

extension KeyedEncodingContainer {
    /// Encodes `value`, or an explicit null: documented keys are never left out.
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

/// A sparse matrix in JSON: `rows`, `cols` and `terms`. For P the terms are
/// [row, col, coefficient]; for a tied matrix [row, col, parameter].
struct SparseDocument: Encodable {
    let rows: Int
    let cols: Int
    let terms: [[Int]]

    init(padding: PaddingOperator) {
        rows = padding.extended.count
        cols = padding.input.count
        terms = padding.nonzeros.map { [$0.row, $0.column, 1] }
    }

    init(tied: TiedMatrix) {
        rows = tied.rows
        cols = tied.columns
        terms = tied.terms.map { [$0.row, $0.column, $0.parameter] }
    }
}
