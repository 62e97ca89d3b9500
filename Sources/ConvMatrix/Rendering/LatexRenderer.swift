/// Wᵀ as LaTeX in the slides' notation, as a fragment or a compilable document.
///
/// The fragment is the slide's matrix: a `\left(\begin{array}{…}…\end{array}\right)`
/// with entries v_{ji}^{t} (an entry that sums parameters writes
/// `v_{11}^{1} + v_{11}^{4}`), zeros as `0`, a `|` between column blocks and `\hline`
/// between row blocks. For the slide's Conv1d(2, 3, kernel_size=3) on 2×6:
///
///     \left(\begin{array}{cccccc|cccccc}
///     v_{11}^{1} & v_{11}^{2} & v_{11}^{3} & 0 & 0 & 0 & v_{12}^{1} & v_{12}^{2} & v_{12}^{3} & 0 & 0 & 0 \\
///     …
///     \end{array}\right)
///
/// (The slide's own column spec draws a bar every 4 columns; the blocks are the 6
/// units of each input map, as its entries show.) As a ``Document`` other than the
/// fragment, the result is a whole document for pdflatex displaying `W^\top = …`
/// (``LatexDocument``); ``factor(layer:values:)`` writes Wᵀ = Wᵀ_valid · P as three
/// matrices and ``renderBlock(_:j:i:values:)`` one block. Arrays that pdflatex
/// cannot hold are refused before any text is built (``LatexCapacity``).
///
///     let tex = try LatexRenderer(document: .beamer).render(MatrixView(layer: layer))
public struct LatexRenderer: Sendable {
    /// What the output is: a fragment to paste, or a document to compile.
    public enum Document: String, Sendable, CaseIterable {
        /// The bare array (or `aligned` for the factor form).
        case fragment
        /// An article whose pages are cropped tight around each display (preview.sty).
        case standalone
        /// A Beamer presentation with one frame per display, shrunk to fit the frame.
        case beamer
    }

    public var entries: MatrixEntries
    /// Digits after the decimal point for numeric entries that are not integers.
    public var fractionDigits: Int
    public var document: Document
    /// What the document displays the matrix as: `W^\top`, or for a Jacobian its formula.
    public var title = "W^\\top"
    /// A `%` comment line above the fragment, or nil.
    public var comment: String?
    /// Plain text naming the picture, e.g. the layer and its input: a Beamer frame's title.
    public var caption: String?

    public init(entries: MatrixEntries = .symbolic, fractionDigits: Int = 3, document: Document = .fragment) {
        self.entries = entries
        self.fractionDigits = fractionDigits
        self.document = document
    }

    /// The renderer of a fragment, or with `standalone` of the tight document.
    public init(entries: MatrixEntries = .symbolic, fractionDigits: Int = 3, standalone: Bool) {
        self.init(entries: entries, fractionDigits: fractionDigits, document: standalone ? .standalone : .fragment)
    }

    /// True for a whole document.
    public var standalone: Bool { document != .fragment }

    /// The view as a LaTeX matrix; its blocks (maps or positions) set the bars and rules.
    ///
    /// - Parameters:
    ///   - view: Wᵀ in maps or positions order.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Returns: the fragment, or a document, ending in a newline.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter; of kind `.option` (field `format`)
    ///   when pdflatex could not typeset the array (``LatexCapacity``).
    /// - Complexity: O(rows · columns) characters, for arrays that pdflatex can hold.
    public func render(_ view: MatrixView, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let tied = view.tied
        try LatexCapacity.require(
            columns: tied.columns, entries: tied.entryCount, terms: tied.termCount, document: document,
            what: "Wᵀ (\(NumberFormat.count(tied.rows)) × \(NumberFormat.count(tied.columns)))", advice: advice(for: tied))
        let values = try EntryText.checkedValues(values, for: tied, entries: entries)
        return wrapped(title, array(tied, entryText: entryText(tied, values: values)), columns: tied.columns)
    }

    /// Block (j, i) of the stored (maps-order) Wᵀ, 1-based as in v_{ji}: the band
    /// matrix of the convolution w_{ji} ∗ x_i, displayed as `[W^\top]_{ji} = …`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, field `block`, when (j, i) is not
    ///   a block of Wᵀ; otherwise as ``render(_:values:)``.
    public func renderBlock(_ tied: TiedMatrix, j: Int, i: Int, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let block = try tied.block(j: j, i: i)
        try LatexCapacity.require(
            columns: block.columns, entries: block.entryCount, terms: block.termCount, document: document,
            what: "block (\(j), \(i)) (\(NumberFormat.count(block.rows)) × \(NumberFormat.count(block.columns)))",
            advice: "draw it with --format svg")
        let values = try EntryText.checkedValues(values, for: block, entries: entries)
        let symbol = title.components(separatedBy: " = ").first ?? title
        let index = tied.notation.indices(of: ParameterName(outputMap: j, inputMap: i, tap: [])).lower
        return wrapped("[\(symbol)]_{\(index)}", array(block, entryText: entryText(block, values: values)), columns: block.columns)
    }

    /// The matrix as the fragment (with its comment line), or displayed as `name = matrix` in a document.
    func wrapped(_ name: String, _ matrix: String, columns: Int) -> String {
        switch document {
        case .fragment: return (comment.map { "% \($0)\n" } ?? "") + matrix + "\n"
        case .standalone: return LatexDocument.standalone([name + " = " + matrix], columns: columns)
        case .beamer: return LatexDocument.beamer([name + " = " + matrix], columns: columns, caption: caption)
        }
    }

    /// What to do instead of a matrix too large: one block when a block fits this
    /// document, or else the tight document; SVG when no block fits.
    func advice(for tied: TiedMatrix) -> String {
        let blocks = saturatingProduct(tied.rowBlocks, tied.columnBlocks)
        let blockTerms = tied.termCount / max(blocks, 1)
        let size = "(\(NumberFormat.count(tied.rowBlockSize)) × \(NumberFormat.count(tied.columnBlockSize)))"
        func fits(_ document: Document) -> Bool {
            blocks > 1 && LatexCapacity.fits(rows: tied.rowBlockSize, columns: tied.columnBlockSize, terms: blockTerms, document: document)
        }
        if fits(document) { return "show one block with --block j,i \(size)" }
        if fits(.standalone) { return "show one block with --block j,i --standalone \(size)" }
        return "draw it with --format svg"
    }

    /// The array of a tied matrix with its own blocks.
    func array(_ tied: TiedMatrix, entryText: EntryText) -> String {
        LatexArray.matrix(
            rows: tied.rows, columns: tied.columns, rowBlockSize: tied.rowBlockSize, columnBlockSize: tied.columnBlockSize,
            row: { entryText.row(tied, $0) })
    }

    /// Entry texts in LaTeX: v_{11}^{1}, sums joined by " + ", numbers compact.
    func entryText(_ tied: TiedMatrix, values: [Double]?) -> EntryText {
        guard let values else {
            return EntryText(symbolic: tied, name: { $0.latex($1) }, separator: " + ").withConstants { Fraction($0)?.latex ?? NumberFormat.compact($0) }
        }
        let digits = fractionDigits
        return EntryText(numeric: values) { NumberFormat.compact($0, fractionDigits: digits) }
    }
}
