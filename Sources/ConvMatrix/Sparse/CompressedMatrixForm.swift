/// A layer's matrix form in compressed rows: Wᵀ, the offset's border terms and
/// the terms the tied gradient sums, as ``MatrixForm`` holds them, at 8 bytes an
/// entry instead of 24 and without a term list for a convolution.
///
///     y = Wᵀ x + o + b,      o_r = c · Σ_{border entries (r, e, p)} v_p
///
/// A convolution builds it directly from its geometry, in row order
/// (Convolution+Compressed.swift); every other kind converts its ``TiedMatrix``.
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
        if let convolution = layer as? Convolution {
            let (tied, border) = convolution.compressedMatrices()
            self.init(layer: layer, tied: tied, border: border, offsetScale: convolution.padding.hasOffset ? convolution.padding.borderValue : 0)
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
    /// A convolution: its exact entries (``Convolution/compressedEntryCount``) and
    /// border entries at 8 bytes each, two row offsets per row, and the window
    /// table: one output map's taps at 16 bytes each (8, twice for the slack of
    /// arrays that grow by doubling), its offsets, and the per-dimension lists it
    /// is made from. Every other kind is built through its ``TiedMatrix``, so it
    /// is charged that structure (``Layer/structureEstimate``) plus the compressed
    /// copy at 16 bytes per bound entry (a coefficient or a constant beside the indices).
    public static func estimatedBytes(for layer: any Layer) -> Int {
        guard let convolution = layer as? Convolution else {
            let copy = CompressedTiedMatrix.bytes(rows: layer.output.count, entries: layer.entryCountBound, hasCoefficients: true, constants: 0)
            return saturatingSum(layer.structureEstimate.bytes, copy)
        }
        let rows = layer.output.count
        let tied = CompressedTiedMatrix.bytes(rows: rows, entries: convolution.compressedEntryCount, hasCoefficients: false, constants: 0)
        let border = CompressedTiedMatrix.bytes(rows: rows, entries: convolution.compressedBorderEntryCount, hasCoefficients: false, constants: 0)
        let positions = layer.output.mapSize
        let window = saturatingProduct(saturatingProduct(positions, convolution.spec.tapsPerKernel), 4 * MemoryLayout<Int32>.size)
        let table = saturatingSum(
            window, saturatingSum(saturatingProduct(positions, 4 * MemoryLayout<Int>.size), ConvolutionWindowTable.axisBytes(convolution)))
        return saturatingSum(saturatingSum(tied, border), table)
    }
}
