/// Building a linear layer's compressed Wᵀ directly, row by row, without a ``Term`` list.
///
/// Wᵀ = I_L ⊗ w: row r = l·out + j holds, for each input feature i ascending,
///
///     Wᵀ[l·out + j, l·in + i]  gains  w_{ji} = v_{j·in + i}
///
/// so every row has exactly `in` entries, ascending in column, with coefficient 1,
/// no constants and no offset. The arrays are allocated once at their exact size,
/// L · out · in entries (``Linear/termCount``): Linear(9216, 4096), AlexNet's fc6,
/// is 37,748,736 entries, about 302 MB, where its term list would be about 4.8 GB.
extension Linear: DirectCompressedLayer {
    /// Two Int32 per entry and two row offsets per row.
    public var directCompressedBytes: Int {
        CompressedTiedMatrix.bytes(rows: output.count, entries: termCount, hasCoefficients: false, constants: 0)
    }

    /// Wᵀ; an empty border (no offset) and c = 0.
    public func directCompressedMatrices() -> (tied: CompressedTiedMatrix, border: CompressedTiedMatrix, offsetScale: Double) {
        let rows = output.count
        let rowStarts = (0...rows).map { $0 * inFeatures }
        let tied = CompressedTiedMatrix(
            rows: rows, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameterCount: weightParameterCount, rowStarts: rowStarts, columnIndices: entryArray(column: true),
            parameterIndices: entryArray(column: false))
        let border = CompressedTiedMatrix(
            rows: rows, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameterCount: weightParameterCount, rowStarts: Array(repeating: 0, count: rows + 1), columnIndices: [], parameterIndices: [])
        return (tied, border, 0)
    }

    /// One Int32 per entry in row order (l, j, i), i fastest: the column l·in + i, or the parameter j·in + i.
    private func entryArray(column: Bool) -> [Int32] {
        let count = termCount
        return [Int32](unsafeUninitializedCapacity: count) { buffer, initialised in
            var k = 0
            for l in 0..<leadingPositions {
                for j in 0..<outFeatures {
                    let base = Int32(truncatingIfNeeded: (column ? l : j) * inFeatures)
                    for i in 0..<Int32(truncatingIfNeeded: inFeatures) {
                        buffer.initializeElement(at: k, to: base + i)
                        k += 1
                    }
                }
            }
            precondition(k == count, "filled \(k) of \(count) entries")
            initialised = k
        }
    }
}
