/// A layer's matrix form in compressed rows: Wᵀ, the offset's border terms and
/// the terms the tied gradient sums, as ``MatrixForm`` holds them, at 8 bytes an
/// entry instead of 24 and without a term list for a convolution.
///
///     y = Wᵀ x + o + b,      o_r = c · Σ_{border entries (r, e, p)} v_p
///
/// A convolution or a linear layer builds it directly from its geometry, in row
/// order (``DirectCompressedLayer``); every other kind converts its ``TiedMatrix``.
/// The size is checked twice before anything is allocated: every index must fit
/// an Int32, and the estimate (``estimatedBytes(for:)``) must fit the budget.
public struct CompressedMatrixForm: Sendable {
    /// The layer this is the form of.
    public let layer: any Layer
    /// Wᵀ's entries and constants, on input units.
    public var tied: CompressedTiedMatrix
    /// The offset's terms on constant border units (columns: extended units);
    /// no entries unless the layer has an offset.
    public var border: CompressedTiedMatrix
    /// c: what each border entry multiplies its parameter by.
    public var offsetScale: Double
    /// The entries the tied weight gradient sums: ``tied`` for every form the
    /// library builds (the arrays are shared, not copied).
    public var gradientTied: CompressedTiedMatrix

    /// The compressed form of `layer`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` when an index would not fit
    ///   an Int32, or `.budget` when ``estimatedBytes(for:)`` exceeds `budget`,
    ///   both before anything of the matrix's size is allocated.
    public init(_ layer: any Layer, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        try CompressedTiedMatrix.requireIndicesFit(
            columns: max(layer.input.count, layer.extendedUnitCount), parameters: layer.weightParameterCount,
            of: "\(layer.specDescription) on \(layer.input)")
        try budget.require(Self.estimatedBytes(for: layer), for: "the sparse matrix of \(layer.specDescription) on \(layer.input)")
        if let direct = layer as? any DirectCompressedLayer {
            let (tied, border, offsetScale) = direct.directCompressedMatrices()
            self.init(layer: layer, tied: tied, border: border, offsetScale: offsetScale)
        } else {
            try self.init(layer.matrixForm())
        }
    }

    /// The compressed form of a matrix form, the layer's own or one from outside.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape` when an index would not fit an Int32.
    public init(_ form: MatrixForm) throws(ConvMatrixError) {
        let tied = try CompressedTiedMatrix(form.tied)
        let gradient =
            form.gradientTied.terms == form.tied.terms && form.gradientTied.coefficients == form.tied.coefficients
            ? tied : try CompressedTiedMatrix(form.gradientTied)
        let layer = form.layer
        let extended = layer.extendedUnitCount
        let border = try CompressedTiedMatrix(
            rows: tied.rows, columns: extended, rowBlockSize: tied.rowBlockSize,
            columnBlockSize: (layer as? Convolution)?.geometry.extendedInput.mapSize ?? extended,
            parameterCount: tied.parameterCount, terms: form.borderTerms)
        self.init(layer: layer, tied: tied, border: border, offsetScale: form.offsetScale, gradientTied: gradient)
    }

    init(layer: any Layer, tied: CompressedTiedMatrix, border: CompressedTiedMatrix, offsetScale: Double, gradientTied: CompressedTiedMatrix? = nil) {
        self.layer = layer
        self.tied = tied
        self.border = border
        self.offsetScale = offsetScale
        self.gradientTied = gradientTied ?? tied
    }

    /// Bytes the compressed form of `layer` holds at its peak, from the geometry alone.
    ///
    /// A kind with a direct builder states its own (``DirectCompressedLayer/directCompressedBytes``).
    /// Every other kind is built through its ``TiedMatrix``, so it is charged that
    /// structure (``Layer/structureEstimate``) plus the compressed copy at 16 bytes
    /// per bound entry (a coefficient or a constant beside the indices).
    public static func estimatedBytes(for layer: any Layer) -> Int {
        if let direct = layer as? any DirectCompressedLayer { return direct.directCompressedBytes }
        let copy = CompressedTiedMatrix.bytes(rows: layer.output.count, entries: layer.entryCountBound, hasCoefficients: true, constants: 0)
        return saturatingSum(layer.structureEstimate.bytes, copy)
    }
}
