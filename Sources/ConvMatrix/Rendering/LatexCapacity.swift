/// What pdflatex can typeset as one array, measured, and the refusal beyond it.
///
/// One display is one alignment, and TeX keeps every cell of an alignment in its
/// main memory until the alignment ends: TeX Live's pdflatex has 5,000,000 words of
/// it (`main_memory` in texmf.cnf), and the LaTeX kernel with amsmath, preview or
/// beamer already takes about 1,860,000 before the matrix starts. Measured with
/// TeX Live 2022 on this renderer's documents (the "words of memory" line of the
/// log), one cell takes about
///
///     a structural zero `0`                      88 words
///     a number such as `-0.314`                  86 words
///     a name v_{11}^{1}                         105 words
///     a name with separated indices v_{1,12}^{3,3}   150 words
///     a sum v_{11}^{1} + v_{11}^{21}            230 words
///
/// so the estimate is words = 90 · entries + 130 · terms (a term: one parameter
/// in one entry), which bounds every row above, and an array is refused when it
/// exceeds 3,000,000 words. Inside a Beamer frame every cell takes about 1.6 times
/// as much (Conv2d(1, 1, 5) on 1x10x10: 706,000 words against 367,000 in the tight
/// article), so a Beamer document counts its estimate twice: block (2, 1) of the
/// slides' 2-D layer (100 × 196) compiles as `--standalone` (3,693,330 words in all)
/// and is refused as `--beamer`, where pdflatex runs out of memory. The fragment
/// is counted as Beamer too, since it is meant to be pasted into a frame. Square arrays of zeros and names fail from about
/// 190 × 190 (36,100 entries: "TeX capacity exceeded, sorry [main memory
/// size=5000000]") and compile at 180 × 180, which the estimate (3,030,000 words)
/// already refuses: the limit is conservative, never optimistic.
///
/// Width is the other limit: no TeX box may be wider than \maxdimen, 16,383.99 pt.
/// A column of numbers at normal size is 40.5 pt wide (of names 23 pt, of a
/// two-term sum at \tiny 34 pt), so 400 columns of numbers would already touch
/// \maxdimen ("Dimension too large" from 1,000 columns of names); with a margin for
/// wider numbers and sums, at most 300 columns are written. The time pdflatex
/// takes grows with the square of the columns (12 s for 5,000, 175 s for 20,000
/// in one row), which the 300 columns keep to well under a second.
///
/// The slides' Conv2d(4, 12, 5) on 4x14x14 (1,200 × 784, 940,800 entries) needs
/// about 100,000,000 words: it is refused with the advice to show one block, whose
/// 100 × 196 entries fit.
public enum LatexCapacity {
    /// The most columns an array may have.
    public static let maxColumns = 300
    /// The words of pdflatex's main memory an array may take.
    public static let memoryWords = 3_000_000
    static let wordsPerEntry = 90
    static let wordsPerTerm = 130
    /// How much more a Beamer frame takes than an article, rounded up.
    static let beamerWeight = 2

    /// The estimated words of main memory for arrays with `entries` cells and `terms` parameter terms.
    public static func words(entries: Int, terms: Int) -> Int {
        saturatingSum(saturatingProduct(wordsPerEntry, entries), saturatingProduct(wordsPerTerm, terms))
    }

    /// True when an array of `rows` × `columns` with `terms` terms fits `document`.
    public static func fits(rows: Int, columns: Int, terms: Int, document: LatexRenderer.Document = .standalone) -> Bool {
        columns <= maxColumns && weight(document) * words(entries: saturatingProduct(rows, columns), terms: terms) <= memoryWords
    }

    /// Beamer's weight for a Beamer document and for the fragment, which is meant to be pasted into one.
    static func weight(_ document: LatexRenderer.Document) -> Int { document == .standalone ? 1 : beamerWeight }

    /// Refuses arrays that pdflatex cannot typeset in `document`: the widest has
    /// `columns` columns, and together they have `entries` cells and `terms` terms.
    ///
    /// - Parameters:
    ///   - what: the matrix in words, e.g. "Wᵀ (1,200 × 784)".
    ///   - advice: what to do instead, e.g. "show one block with --block j,i (100 × 196)".
    /// - Throws: ``ConvMatrixError`` of kind `.option`, field `format`, when it does not fit.
    static func require(
        columns: Int, entries: Int, terms: Int, document: LatexRenderer.Document, what: String, advice: String
    ) throws(ConvMatrixError) {
        let needed = saturatingProduct(weight(document), words(entries: entries, terms: terms))
        guard columns > maxColumns || needed > memoryWords else { return }
        let reason =
            columns > maxColumns
            ? "\(NumberFormat.count(columns)) columns, more than the \(maxColumns) a pdflatex box can be wide"
            : "about \(NumberFormat.count(needed)) words of pdflatex's main memory, more than the "
                + "\(NumberFormat.count(memoryWords)) left for one display"
        throw ConvMatrixError(.option, field: "format", reason: "\(what) as LaTeX needs \(reason); \(advice)")
    }
}
