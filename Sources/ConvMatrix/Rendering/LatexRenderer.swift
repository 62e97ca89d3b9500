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
/// units of each input map, as its entries show.) With `standalone`, the result is
/// a whole document for pdflatex displaying `W^\top = …`; ``factor(layer:values:)``
/// writes Wᵀ = Wᵀ_valid · P as three matrices.
///
///     let tex = try LatexRenderer(standalone: true).render(MatrixView(layer: layer))
public struct LatexRenderer: Sendable {
    public var entries: MatrixEntries
    /// Digits after the decimal point for numeric entries that are not integers.
    public var fractionDigits: Int
    /// A whole document (article, amsmath, geometry) instead of a fragment.
    public var standalone: Bool
    /// What the document displays the matrix as: `W^\top`, or for a Jacobian its formula.
    public var title = "W^\\top"
    /// A `%` comment line above the fragment, or nil.
    public var comment: String?

    public init(entries: MatrixEntries = .symbolic, fractionDigits: Int = 3, standalone: Bool = false) {
        self.entries = entries
        self.fractionDigits = fractionDigits
        self.standalone = standalone
    }

    /// The view as a LaTeX matrix; its blocks (maps or positions) set the bars and rules.
    ///
    /// - Parameters:
    ///   - view: Wᵀ in maps or positions order.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Returns: the fragment, or with `standalone` a document, ending in a newline.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter.
    /// - Complexity: O(rows · columns) characters: meant for matrices a page can hold.
    public func render(_ view: MatrixView, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        let values = try EntryText.checkedValues(values, for: view.tied, entries: entries)
        let matrix = array(view.tied, entryText: entryText(view.tied, values: values))
        guard standalone else { return (comment.map { "% \($0)\n" } ?? "") + matrix + "\n" }
        return LatexDocument.standalone([title + " = " + matrix], columns: view.tied.columns, rows: view.tied.rows)
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
