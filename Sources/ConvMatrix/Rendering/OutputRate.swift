/// What each output format costs per item it draws, for the size and time guard
/// of `show` (``ResourceEstimate``).
///
/// Bytes are the peak the renderer holds per item (the cells, the document it
/// builds, the String and the byte copy written out); work is the time per item
/// in flops' worth (1 µs ≈ 10⁴ flops, ``ResourceEstimate/Rate``). They were
/// measured on the two-core machine of docs/cli.md by dividing the peak resident
/// memory above a trivial run, and the release build's wall time, by the items
/// drawn, on layers of 10⁶ and 4·10⁶ entries with 10³ to 2·10⁵ terms
/// (`Conv1d(1, 1, 101)` on 1x2100: text 40 B and 250 ns an entry, csv 25 B and
/// 150 ns, LaTeX and Markdown 30 B and 90 ns, JSON 330 B a term), and rounded up
/// with room to spare: `PeakMemoryTests` holds every format to them.
public enum OutputRate {
    /// A dense entry laid out as a text cell (the full matrix is laid out even when a summary is printed).
    public static let text = ResourceEstimate.Rate(bytes: 64, work: 3_000)
    /// A dense entry of a LaTeX array.
    public static let latex = ResourceEstimate.Rate(bytes: 48, work: 1_500)
    /// A dense entry of a Markdown table.
    public static let markdown = ResourceEstimate.Rate(bytes: 48, work: 1_500)
    /// A dense entry of a CSV table.
    public static let csv = ResourceEstimate.Rate(bytes: 40, work: 2_000)
    /// A dense entry of JSON's `matrix` and `tie`.
    public static let jsonEntry = ResourceEstimate.Rate(bytes: 160, work: 2_000)
    /// A term of JSON's `terms` (or of `valid.terms`, `padding.terms`).
    public static let jsonTerm = ResourceEstimate.Rate(bytes: 400, work: 3_000)
    /// A term of JSON's `terms` streamed from the compressed form (ShowReport+Sparse.swift): written
    /// once into a reused chunk, so no bytes held per term; AlexNet's conv1 took 43.5 s for
    /// 105,415,200 terms (413 ns, 2.4 GB of JSON, release build), rounded up.
    public static let jsonStreamedTerm = ResourceEstimate.Rate(bytes: 0, work: 5_000)
    /// An entry of SVG's tie table.
    public static let svgEntry = ResourceEstimate.Rate(bytes: 8, work: 20)
    /// A term drawn (or binned) in SVG.
    public static let svgTerm = ResourceEstimate.Rate(bytes: 200, work: 1_000)
    /// A dense entry written as .npy: the matrix, its bytes and their copy.
    public static let npy = ResourceEstimate.Rate(bytes: 24, work: 20)
}
