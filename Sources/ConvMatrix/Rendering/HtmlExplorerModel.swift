/// What the explorer page draws, as one JSON object its script reads: the
/// structural nonzeros of Wᵀ with the parameters each sums, the parameters'
/// names and colours, the shapes of x and y, and the bins of a big matrix.
///
/// An entry (r, c) is a structural nonzero of Wᵀ, a term's or a constant's:
///
///     Wᵀ[r, c] = Σ_{terms (r, c, p, a)} a · v_p + κ[r, c]
///
/// and its parameters are the p of its terms (none for a constant alone). Two
/// entries are tied when they share a parameter; the window of output unit r
/// is the set of columns of row r's entries, the reach of input unit c the set
/// of rows of column c's entries. The page derives all three from `entries`
/// and `entry_parameters`, the same terms that `show --format json` prints.
public struct HtmlExplorerModel: Encodable, Sendable {
    /// One parameter v_p: its name's letter and indices, its block and tap, its colour.
    struct Parameter: Encodable, Sendable {
        let letter: String
        let lower: String
        let upper: String
        /// (j, i), 1-based: the block of Wᵀ it sits in.
        let block: [Int]
        /// t, 1-based, one index per spatial dimension.
        let tap: [Int]
        let colour: String
    }

    let spec: String
    let kind: String
    let title: String
    let input_shape: [Int]
    let output_shape: [Int]
    let rows: Int
    let cols: Int
    /// [row, col] of every structural nonzero, row-major.
    let entries: [[Int]]
    /// The parameters each entry sums, parallel to `entries`.
    let entry_parameters: [[Int]]
    /// Wᵀ[r, c] for each entry with `--entries numeric`, else null.
    let entry_values: [Double]?
    let parameters: [Parameter]
    /// The kernel extents, the largest tap index along each dimension.
    let kernel: [Int]
    /// The binned form of a big matrix, else null.
    let bins: HtmlBins?

    /// The model of `layer`; `numeric` adds each entry's value.
    init(layer: WeightedForm, title: String, numeric: Bool, binningThreshold: Int) {
        let tied = layer.tied
        spec = layer.layer.specDescription
        kind = layer.layer.kind
        self.title = title
        input_shape = layer.layer.input.extents
        output_shape = layer.layer.output.extents
        rows = tied.rows
        cols = tied.columns
        let palette = SvgSharingPalette(parameters: tied.parameters)
        let notation = tied.notation
        parameters = tied.parameters.enumerated().map { p, name in
            let (lower, upper) = notation.indices(of: name)
            return Parameter(
                letter: name.letter, lower: lower, upper: upper, block: [name.outputMap, name.inputMap], tap: name.tap,
                colour: palette.parameterColours[p].hex)
        }
        kernel = palette.kernel
        var entries: [[Int]] = []
        var entryParameters: [[Int]] = []
        var values: [Double] = []
        Self.visitEntries(tied, weights: layer.weights.weight) { row, column, parameters, value in
            entries.append([row, column])
            entryParameters.append(parameters)
            values.append(value)
        }
        self.entries = entries
        entry_parameters = entryParameters
        entry_values = numeric ? values : nil
        let binSize = SvgAxis.binSize(for: [tied.rows, tied.columns], limit: binningThreshold)
        bins = binSize > 1 ? HtmlBins(tied, binSize: binSize) : nil
    }

    /// Every structural nonzero of `tied`, row by row and column by column: its
    /// parameters and its value Σ a · v_p + κ.
    ///
    /// - Complexity: O(terms + constants).
    static func visitEntries(
        _ tied: TiedMatrix, weights: [Double], _ visit: (_ row: Int, _ column: Int, _ parameters: [Int], _ value: Double) -> Void
    ) {
        for r in 0..<tied.rows {
            var sums: [Int: (parameters: [Int], value: Double)] = [:]
            for k in tied.rowStarts[r]..<tied.rowStarts[r + 1] {
                let term = tied.terms[k]
                let weight = term.parameter < weights.count ? weights[term.parameter] : 0
                sums[term.column, default: ([], 0)].parameters.append(term.parameter)
                sums[term.column, default: ([], 0)].value += tied.coefficient(ofTerm: k) * weight
            }
            for constant in tied.constants(inRow: r) {
                sums[constant.column, default: ([], 0)].value += constant.value
            }
            for column in sums.keys.sorted() {
                let entry = sums[column] ?? ([], 0)
                visit(r, column, Array(Set(entry.parameters)).sorted(), entry.value)
            }
        }
    }
}
