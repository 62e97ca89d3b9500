/// The counts a person asks of a layer first, shared by the text header and the JSON.
public struct LayerSummary: Sendable, Equatable {
    /// PyTorch's class name, e.g. `Conv2d`.
    public let kind: String
    /// The canonical spec.
    public let spec: String
    public let input: TensorShape
    public let output: TensorShape
    public let rows: Int
    public let columns: Int
    public let entries: Int
    /// Structural nonzeros of Wᵀ.
    public let nonzeros: Int
    /// Taps on the extended input: nonzeros of Wᵀ_valid (LeCun's connections,
    /// less biases); nil for a layer that is not a convolution.
    public let extendedNonzeros: Int?
    public let terms: Int
    /// Entries of Wᵀ that sum more than one term.
    public let summedEntries: Int
    public let weightParameters: Int
    public let biasParameters: Int
    /// The kind's sentence about its matrix, if it has one.
    public let note: String?
    /// For an input-dependent layer, its Jacobian's formula (`diag(1 − tanh²(x))`); nil for a linear one.
    public let jacobianFormula: String?
    /// x of an input-dependent layer, flat; nil for a linear one.
    public let point: [Double]?

    public init(layer: any Layer, tied: TiedMatrix) {
        self.init(
            layer: layer, rows: tied.rows, columns: tied.columns, entries: tied.entryCount, nonzeros: tied.nonzeroCount,
            terms: tied.termCount, summedEntries: tied.sharedEntryCount, weightParameters: tied.parameterCount)
    }

    /// The counts of a layer shown from its compressed form: the same numbers, from
    /// the geometry and one scan of the compressed rows (no ``TiedMatrix``).
    public init(layer: any Layer, compressed tied: CompressedTiedMatrix) {
        self.init(
            layer: layer, rows: tied.rows, columns: tied.columns, entries: saturatingProduct(tied.rows, tied.columns),
            nonzeros: tied.nonzeroCount, terms: tied.entryCount, summedEntries: tied.sharedEntryCount, weightParameters: tied.parameterCount)
    }

    /// The matrix's counts, whichever form they were read from; the rest from the layer.
    private init(layer: any Layer, rows: Int, columns: Int, entries: Int, nonzeros: Int, terms: Int, summedEntries: Int, weightParameters: Int) {
        kind = layer.kind
        spec = layer.specDescription
        input = layer.input
        output = layer.output
        self.rows = rows
        self.columns = columns
        self.entries = entries
        self.nonzeros = nonzeros
        extendedNonzeros = (layer as? Convolution)?.tapCount
        self.terms = terms
        self.summedEntries = summedEntries
        self.weightParameters = weightParameters
        biasParameters = layer.biasParameterCount
        note = layer.matrixNote
        jacobianFormula = (layer as? any InputDependentLayer)?.jacobianFormula
        point = (layer as? any InputDependentLayer)?.pointValues
    }

    /// Three lines for a terminal:
    ///
    ///     Conv1d(2, 3, kernel_size=3, bias=False) on input 2x6 → output 3x4
    ///     Wᵀ is 12 × 12: 144 entries, 72 structural nonzeros, 18 weight + 0 bias parameters
    ///     8.0 entries per weight parameter, 4.0 nonzeros per weight parameter
    public var text: String { text(maxWidth: nil) }

    /// ``text`` with each line broken to `maxWidth` characters (``TextWrap``); nil for no limit.
    public func text(maxWidth: Int?) -> String {
        let parameters = weightParameters + biasParameters
        let name = jacobianFormula == nil ? "Wᵀ" : "Wᵀ(x) = J(x)"
        var lines = [
            "\(spec) on input \(input) → output \(output)" + (jacobianFormula.map { ", at x: J(x) = \($0)" } ?? ""),
            "\(name) is \(NumberFormat.count(rows)) × \(NumberFormat.count(columns)): "
                + "\(NumberFormat.count(entries, "entry", plural: "entries")), \(NumberFormat.count(nonzeros, "structural nonzero")), "
                + "\(NumberFormat.count(weightParameters)) weight + \(NumberFormat.count(biasParameters)) bias parameters",
            weightParameters == 0
                ? "no weights: every nonzero is a constant of the layer"
                : "\(NumberFormat.ratio(entries, weightParameters)) entries per weight parameter, "
                    + "\(NumberFormat.ratio(nonzeros, weightParameters)) nonzeros per weight parameter"
                    + (parameters > 0 && summedEntries > 0 ? ", \(sharedEntries) several parameters" : ""),
        ]
        if let note { lines.append(note) }
        if let point { lines.append(Self.pointLine(point)) }
        if let extendedNonzeros, extendedNonzeros != nonzeros {
            lines.append("\(NumberFormat.count(extendedNonzeros, "tap")) on the padded input (Wᵀ_valid nonzeros)")
        }
        return lines.flatMap { TextWrap.lines($0, width: maxWidth) }.joined(separator: "\n") + "\n"
    }

    /// `4 entries sum`, `1 entry sums`: the entries that hold more than one term.
    private var sharedEntries: String {
        let shared = summedEntries
        return shared == 1 ? "1 entry sums" : "\(NumberFormat.count(shared)) entries sum"
    }

    /// The units shown of x before the line ends in `…`.
    static let shownPointUnits = 12

    /// `x = (0.75, −2, 1.5)`, the first ``shownPointUnits`` units and a count beyond.
    static func pointLine(_ x: [Double]) -> String {
        let shown = x.prefix(shownPointUnits).map { NumberFormat.significant($0, digits: 4).replacingOccurrences(of: "-", with: "−") }
        let rest = x.count > shownPointUnits ? ", … (\(NumberFormat.count(x.count)) units)" : ""
        return "x = (" + shown.joined(separator: ", ") + rest + ")"
    }
}
