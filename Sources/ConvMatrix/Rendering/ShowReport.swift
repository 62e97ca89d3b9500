/// The JSON document of `convmat show --format json`, version 2 (docs/json.md).
///
/// Every documented key is always present; a value that does not apply is null
/// (the convolution-only keys for other kinds, `weight` for a layer without
/// parameters, `x` for a layer that is not input-dependent).
public struct ShowReport: Encodable, Sendable {
    public static let version = 2
    /// Above this many entries the dense `matrix` and `tie` are null.
    public static let denseEntryLimit = 4_000_000

    public let summary: LayerSummary
    public let weights: LayerWeights
    /// The weight's and the bias's shapes in PyTorch's layout.
    public let weightShape: [Int]
    public let biasShape: [Int]?
    /// The padding mode's name, for a convolution.
    public let paddingMode: String?
    /// Wᵀ's coefficients (nil when all are 1) and constants, in `order`.
    public let coefficients: [Double]?
    public let constants: [ConstantEntry]
    public let terms: [Term]
    public let matrix: Matrix?
    public let tie: [Int]?
    public let offset: [Double]?
    /// With `--factor`: P and Wᵀ_valid.
    public let factor: (padding: PaddingOperator, valid: TiedMatrix)?

    /// x, flat, for an input-dependent layer; nil for a linear one.
    public let point: [Double]?

    /// The unit order of `terms`, `matrix`, `tie` and `offset`.
    public let order: UnitOrder

    /// The document of `layer`, in `order` (rows and columns permuted as in ``MatrixView``).
    public init(layer: WeightedForm, factor: Bool = false, order: UnitOrder = .maps) {
        summary = LayerSummary(layer: layer.layer, tied: layer.tied)
        weights = layer.weights
        weightShape = layer.layer.weightShape
        biasShape = layer.layer.biasShape
        paddingMode = layer.convolution?.spec.paddingMode.name
        point = (layer.layer as? any InputDependentLayer)?.pointValues
        self.order = order
        let view = order == .maps ? nil : MatrixView(layer: layer.layer, order: order)
        let tied = view?.tied ?? layer.tied
        terms = tied.terms
        coefficients = tied.coefficients
        constants = tied.constants
        let dense = tied.entryCount <= Self.denseEntryLimit
        matrix = dense ? tied.dense(parameters: layer.weights.weight) : nil
        tie = dense ? tied.tieIndices : nil
        offset = layer.offset.map { offset in view.map { $0.rowSource.map { offset[$0] } } ?? offset }
        self.factor = factor ? layer.convolution.map { ($0.padding, $0.validTiedMatrix()) } : nil
    }

    /// A convolution's document on the sparse path: no terms, constants or factor, maps order (ShowReport+Sparse.swift).
    init(summary: LayerSummary, weights: LayerWeights, weightShape: [Int], biasShape: [Int]?, paddingMode: String?, offset: [Double]?) {
        self.summary = summary
        self.weights = weights
        self.weightShape = weightShape
        self.biasShape = biasShape
        self.paddingMode = paddingMode
        coefficients = nil
        constants = []
        terms = []
        matrix = nil
        tie = nil
        self.offset = offset
        factor = nil
        point = nil
        order = .maps
    }

    enum Key: String, CodingKey {
        case version, kind, spec, input_shape, output_shape, rows, cols, entries, nonzeros, input_dependent, x, constants
        case extended_nonzeros, weight_parameters, bias_parameters, weight, bias
        case terms, matrix, tie, offset, padding_mode, padding, valid, order
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encode(summary.kind, forKey: .kind)
        try c.encode(summary.spec, forKey: .spec)
        try c.encode(point != nil, forKey: .input_dependent)
        try c.encodeNullable(point, forKey: .x)
        try c.encode(summary.input.extents, forKey: .input_shape)
        try c.encode(summary.output.extents, forKey: .output_shape)
        try c.encode(summary.rows, forKey: .rows)
        try c.encode(summary.columns, forKey: .cols)
        try c.encode(summary.entries, forKey: .entries)
        try c.encode(summary.nonzeros, forKey: .nonzeros)
        try c.encodeNullable(summary.extendedNonzeros, forKey: .extended_nonzeros)
        try c.encode(summary.weightParameters, forKey: .weight_parameters)
        try c.encode(summary.biasParameters, forKey: .bias_parameters)
        try c.encodeNullable(paddingMode, forKey: .padding_mode)
        try c.encode(order.rawValue, forKey: .order)
        try c.encodeNullable(weightShape.isEmpty ? nil : NestedArray(weights.weight, shape: weightShape), forKey: .weight)
        try c.encodeNullable(weights.bias.flatMap { bias in biasShape.map { NestedArray(bias, shape: $0) } }, forKey: .bias)
        try c.encode(terms.enumerated().map { k, t in TermDocument(t, coefficient: coefficients?[k] ?? 1) }, forKey: .terms)
        try c.encode(constants.map { ConstantDocument(entry: $0) }, forKey: .constants)
        try c.encodeNullable(matrix?.nestedRows, forKey: .matrix)
        try c.encodeNullable(tie.map { tie in (0..<summary.rows).map { Array(tie[($0 * summary.columns)..<(($0 + 1) * summary.columns)]) } }, forKey: .tie)
        try c.encodeNullable(offset, forKey: .offset)
        try c.encodeNullable(factor.map { SparseDocument(padding: $0.padding) }, forKey: .padding)
        try c.encodeNullable(factor.map { SparseDocument(tied: $0.valid) }, forKey: .valid)
    }

}

extension KeyedEncodingContainer {
    /// Encodes `value`, or an explicit null: documented keys are never left out.
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

/// A term in JSON: `[row, col, parameter, coefficient]`, the coefficient an
/// integer when it is one (1 for every convolution term).
struct TermDocument: Encodable {
    let term: Term
    let coefficient: Double

    init(_ term: Term, coefficient: Double) {
        self.term = term
        self.coefficient = coefficient
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(term.row)
        try c.encode(term.column)
        try c.encode(term.parameter)
        try JSONNumber.encode(coefficient, into: &c)
    }
}

/// A constant entry in JSON: `[row, col, value]`.
struct ConstantDocument: Encodable {
    let entry: ConstantEntry

    func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(entry.row)
        try c.encode(entry.column)
        try JSONNumber.encode(entry.value, into: &c)
    }
}

/// Numbers that are whole print as integers (1, not 1.0), the rest as Doubles.
enum JSONNumber {
    static func encode(_ value: Double, into c: inout UnkeyedEncodingContainer) throws {
        if value == value.rounded(), abs(value) < 0x1p53 { try c.encode(Int(value)) } else { try c.encode(value) }
    }
}

/// A sparse matrix in JSON: `rows`, `cols` and `terms`. For P the terms are
/// [row, col, coefficient]; for a tied matrix [row, col, parameter, coefficient].
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
        terms = tied.terms.enumerated().map { k, t in [t.row, t.column, t.parameter, Int(tied.coefficient(ofTerm: k))] }
    }
}
