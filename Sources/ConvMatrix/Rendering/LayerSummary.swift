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
    public let weightParameters: Int
    public let biasParameters: Int
    /// The kind's sentence about its matrix, if it has one.
    public let note: String?

    public init(layer: any Layer, tied: TiedMatrix) {
        kind = layer.kind
        spec = layer.specDescription
        input = layer.input
        output = layer.output
        rows = tied.rows
        columns = tied.columns
        entries = tied.entryCount
        nonzeros = tied.nonzeroCount
        extendedNonzeros = (layer as? Convolution)?.tapCount
        terms = tied.termCount
        weightParameters = tied.parameterCount
        biasParameters = layer.biasParameterCount
        note = layer.matrixNote
    }

    /// Three lines for a terminal:
    ///
    ///     Conv1d(2, 3, kernel_size=3, bias=False) on input 2x6 → output 3x4
    ///     Wᵀ is 12 × 12: 144 entries, 72 structural nonzeros, 18 weight + 0 bias parameters
    ///     8.0 entries per parameter, 4.0 nonzeros per parameter
    public var text: String {
        let parameters = weightParameters + biasParameters
        var lines = [
            "\(spec) on input \(input) → output \(output)",
            "Wᵀ is \(NumberFormat.count(rows)) × \(NumberFormat.count(columns)): "
                + "\(NumberFormat.count(entries)) entries, \(NumberFormat.count(nonzeros)) structural nonzeros, "
                + "\(NumberFormat.count(weightParameters)) weight + \(NumberFormat.count(biasParameters)) bias parameters",
            weightParameters == 0
                ? "no weights: every nonzero is a constant of the layer"
                : "\(NumberFormat.ratio(entries, weightParameters)) entries per weight parameter, "
                    + "\(NumberFormat.ratio(nonzeros, weightParameters)) nonzeros per weight parameter"
                    + (parameters > 0 && terms != nonzeros ? ", \(NumberFormat.count(terms - nonzeros)) entries sum several parameters" : ""),
        ]
        if let note { lines.append(note) }
        if let extendedNonzeros, extendedNonzeros != nonzeros {
            lines.append("\(NumberFormat.count(extendedNonzeros)) taps on the padded input (Wᵀ_valid nonzeros)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
