import Foundation

/// `show --format json` of a layer on the sparse path (``SparsePath``): the same
/// version-2 document as the terms path, byte for byte, without ever holding it.
///
/// The document is encoded with `terms` empty (``init(sparse:)``), and the terms
/// are then written between its brackets from the compressed rows, in chunks
/// (``streamTerms(_:chunkBytes:emit:)``). AlexNet's conv1 has 105,415,200 terms,
/// about 2.8 GB of JSON: a `JSONEncoder` document of them would need about
/// 400 bytes a term (``OutputRate/jsonTerm``), 42 GB. `matrix` and `tie` are
/// null above ``denseEntryLimit`` entries, as on the terms path.
extension ShowReport {
    /// The document of `m` with `terms` empty: everything else as ``init(layer:factor:order:)`` in maps order.
    public init(sparse m: SparseLayer) {
        self.init(
            summary: LayerSummary(layer: m.layer, compressed: m.form.tied), weights: m.weights, weightShape: m.layer.weightShape,
            biasShape: m.layer.biasShape, paddingMode: (m.layer as? Convolution)?.spec.paddingMode.name, offset: m.offset)
    }

    /// The text where the streamed terms go: the document splits around it.
    public static let emptyTerms = "\"terms\":[]"

    /// The terms of `tied` as the terms path writes them: `[row,col,parameter,coefficient]`,
    /// sorted by (row, column, parameter), comma-separated, emitted in chunks of
    /// about `chunkBytes` bytes.
    ///
    /// - Throws: what `emit` throws.
    /// - Complexity: O(entries), about 25 bytes an entry.
    public static func streamTerms(
        _ tied: CompressedTiedMatrix, chunkBytes: Int = 1 << 20, emit: ([UInt8]) throws(ConvMatrixError) -> Void
    ) throws(ConvMatrixError) {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkBytes + 128)
        var first = true
        for r in 0..<tied.rows {
            let entries = tied.entries(inRow: r).sorted { a, b in
                (tied.columnIndices[a], tied.parameterIndices[a]) < (tied.columnIndices[b], tied.parameterIndices[b])
            }
            for k in entries {
                if !first { chunk.append(UInt8(ascii: ",")) }
                first = false
                chunk.append(UInt8(ascii: "["))
                appendDigits(r, to: &chunk)
                chunk.append(UInt8(ascii: ","))
                appendDigits(Int(tied.columnIndices[k]), to: &chunk)
                chunk.append(UInt8(ascii: ","))
                appendDigits(Int(tied.parameterIndices[k]), to: &chunk)
                chunk.append(UInt8(ascii: ","))
                appendNumber(tied.coefficient(ofEntry: k), to: &chunk)
                chunk.append(UInt8(ascii: "]"))
                if chunk.count >= chunkBytes {
                    try emit(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        if !chunk.isEmpty { try emit(chunk) }
    }

    /// The decimal digits of n ≥ 0.
    private static func appendDigits(_ n: Int, to bytes: inout [UInt8]) {
        guard n >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(n)) }
        appendDigits(n / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// A coefficient as ``JSONNumber`` writes it: an integer when it is one, else JSONEncoder's Double.
    private static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 0x1p53 {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            return appendDigits(Int(abs(value)), to: &bytes)
        }
        bytes += (try? JSONEncoder().encode(value)).map(Array.init) ?? Array("\(value)".utf8)
    }
}
