/// Wᵀ as aligned text for a terminal: entries in columns, │ between column blocks,
/// ─ with ┼ between row blocks, structural zeros as ·.
///
///           │ input map 1                   │ input map 2
///     y₁(1) │ v₁₁¹ v₁₁² v₁₁³ ·    ·    ·    │ v₁₂¹ v₁₂² v₁₂³ ·    ·    ·
///     y₁(2) │ ·    v₁₁¹ v₁₁² v₁₁³ ·    ·    │ ·    v₁₂¹ v₁₂² v₁₂³ ·    ·
///
/// It draws a ``MatrixView``, so the same layer reads map by map (blocks are
/// convolutions) or position by position (blocks are out × in matrices of taps).
/// Entries are parameter names or numbers (``MatrixEntries``). With `colour`, each
/// convolution block w_{ji} gets its own ANSI 256-colour foreground, in both orders,
/// and zeros are dim. With `maxWidth`, a matrix wider than that becomes a summary:
/// a map of its blocks and block (1, 1) (see ``render(_:values:)``).
///
///     let text = try MatrixTextRenderer().render(MatrixView(layer: layer, order: .positions))
///
/// Returns Strings; printing is the caller's business.
public struct MatrixTextRenderer: Sendable {
    /// What each entry shows (the name the CLI has always used).
    public typealias Entries = MatrixEntries

    public var entries: Entries
    /// Digits after the decimal point for numeric entries that are not integers.
    public var fractionDigits: Int
    /// ANSI 256-colour escapes: a foreground per convolution block (j, i), dim zeros.
    public var colour: Bool
    /// The widest text the caller can show, in terminal columns; nil for no limit.
    public var maxWidth: Int?

    public init(entries: Entries = .symbolic, fractionDigits: Int = 3, colour: Bool = false, maxWidth: Int? = nil) {
        self.entries = entries
        self.fractionDigits = fractionDigits
        self.colour = colour
        self.maxWidth = maxWidth
    }

    /// The text of a view: the whole matrix, or a summary when it is wider than `maxWidth`.
    ///
    /// The summary says how wide the matrix would be, maps how many nonzeros each
    /// block holds (· for an empty block), shows block (1, 1) cropped to the width,
    /// and ends with the line `use --format svg for a picture, or --block j,i for one block`.
    ///
    /// - Parameters:
    ///   - view: Wᵀ in maps or positions order.
    ///   - values: the weight values, one per parameter; needed for numeric entries.
    /// - Returns: lines ending in newlines.
    /// - Throws: ``ConvMatrixError`` of kind `.shape` (field `values`) when numeric
    ///   entries lack one value per parameter, `.spec` (field `width`) when
    ///   `maxWidth` is not positive.
    /// - Complexity: O(rows · columns) for the whole matrix; O(terms) for a summary.
    public func render(_ view: MatrixView, values: [Double]? = nil) throws(ConvMatrixError) -> String {
        if let maxWidth, maxWidth < 1 {
            throw .spec("width", "\(maxWidth) columns is too narrow to show anything")
        }
        let values = try EntryText.checkedValues(values, for: view.tied, entries: entries)
        return text(view, entryText: entryText(view.tied, values: values))
    }

    /// The text of a stored (maps-order) Wᵀ whose rows are the units of `output` and
    /// columns the units of `input`; numeric entries show `values` when given and
    /// names otherwise.
    ///
    /// - Precondition: the shapes match the matrix, and `values` has one value per parameter.
    public func render(_ tied: TiedMatrix, values: [Double]? = nil, input: TensorShape, output: TensorShape) -> String {
        let numbers = entries == .numeric ? values : nil
        precondition(
            numbers.map { $0.count == tied.parameterCount } ?? true,
            "\(numbers?.count ?? 0) values for \(tied.parameterCount) parameters")
        let view = MatrixView(checked: tied, input: input, output: output, order: .maps)
        return text(view, entryText: entryText(tied, values: numbers))
    }

    /// The whole grid, or the summary when it does not fit. A matrix whose
    /// narrowest drawing (``narrowestWidth(columns:)``) is already too wide and
    /// that has more than ``exactWidthLimit`` nonzeros goes to the summary without
    /// laying out a single row (its width then a lower bound), so that a summary
    /// costs the terms, not rows × columns.
    private func text(_ view: MatrixView, entryText: EntryText) -> String {
        var grid = TextGrid(view: view, rows: 0..<view.tied.rows, columns: 0..<view.tied.columns, entryText: entryText)
        grid.blockTitles = true
        grid.colour = colour
        if let maxWidth, maxWidth > 0 {
            let narrowest = Self.narrowestWidth(columns: view.tied.columns)
            if narrowest > maxWidth, view.tied.nonzeroCount > Self.exactWidthLimit {
                return summary(view, entryText: entryText, fullWidth: (narrowest, true), maxWidth: maxWidth)
            }
            let width = grid.metrics().totalWidth
            if width > maxWidth {
                return summary(view, entryText: entryText, fullWidth: (width, false), maxWidth: maxWidth)
            }
        }
        return grid.lines().joined(separator: "\n") + "\n"
    }

    /// Up to this many nonzeros a summary states the drawing's exact width,
    /// which takes every entry's text.
    public static let exactWidthLimit = 1_000_000

    /// A lower bound on the width of the whole drawing: every column takes a
    /// space and at least one character, and a column block opens with " │".
    public static func narrowestWidth(columns: Int) -> Int {
        saturatingSum(saturatingProduct(2, columns), 3)
    }

    /// Entry texts in the terminal notation: v₁₁¹, sums joined by +, numbers compact.
    func entryText(_ tied: TiedMatrix, values: [Double]?) -> EntryText {
        guard let values else {
            return EntryText(symbolic: tied, name: { $0.unicode($1) }, separator: "+")
        }
        let digits = fractionDigits
        return EntryText(numeric: values) { NumberFormat.compact($0, fractionDigits: digits) }
    }
}

extension String {
    /// Left-aligned in a field of `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Right-aligned in a field of `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
