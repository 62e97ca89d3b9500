/// Building a convolution's compressed Wᵀ directly from its geometry, row by row.
///
/// Row r = (j, o) of Wᵀ holds, for each input map i that output map j reads
/// (ascending: its group's maps, or C_j), the valid taps of window o:
///
///     Wᵀ[(j, o), i·|map| + ω]  gains  v_{(firstPairs[j] + local(i))·∏k + τ}
///
/// for each (ω, τ) of o in ``ConvolutionWindowTable``. Maps ascend and each
/// window's taps ascend by (unit, tap), so the entries come out in
/// (row, column, parameter) order with nothing sorted and no ``Term`` list; the
/// arrays are allocated once at their exact size, known from the geometry.
extension Convolution: DirectCompressedLayer {
    /// Entries of the compressed Wᵀ: kernels · Σ_o (valid taps of window o).
    public var compressedEntryCount: Int {
        saturatingProduct(spec.weightPairCount, ConvolutionWindowTable.validTapCount(self))
    }

    /// Entries of the compressed offset: the taps on constant border units, when the layer has an offset.
    public var compressedBorderEntryCount: Int {
        guard padding.hasOffset else { return 0 }
        return saturatingProduct(spec.weightPairCount, saturatingProduct(output.mapSize, spec.tapsPerKernel) - ConvolutionWindowTable.validTapCount(self))
    }

    /// Its exact entries (``compressedEntryCount``) and border entries at 8 bytes
    /// each, two row offsets per row, and the window table: one output map's taps
    /// at 16 bytes each (8, twice for the slack of arrays that grow by doubling),
    /// its offsets, and the per-dimension lists it is made from.
    public var directCompressedBytes: Int {
        let rows = output.count
        let tied = CompressedTiedMatrix.bytes(rows: rows, entries: compressedEntryCount, hasCoefficients: false, constants: 0)
        let border = CompressedTiedMatrix.bytes(rows: rows, entries: compressedBorderEntryCount, hasCoefficients: false, constants: 0)
        let positions = output.mapSize
        let window = saturatingProduct(saturatingProduct(positions, spec.tapsPerKernel), 4 * MemoryLayout<Int32>.size)
        let table = saturatingSum(window, saturatingSum(saturatingProduct(positions, 4 * MemoryLayout<Int>.size), ConvolutionWindowTable.axisBytes(self)))
        return saturatingSum(saturatingSum(tied, border), table)
    }

    /// Wᵀ, the offset's border terms and c = the padding value (0 without an offset).
    public func directCompressedMatrices() -> (tied: CompressedTiedMatrix, border: CompressedTiedMatrix, offsetScale: Double) {
        let (tied, border) = compressedMatrices()
        return (tied, border, padding.hasOffset ? padding.borderValue : 0)
    }

    /// Wᵀ and the offset's border terms (on extended units), compressed, built in row order.
    ///
    /// - Precondition: the indices fit an Int32 (``CompressedTiedMatrix/requireIndicesFit(columns:parameters:of:)``).
    func compressedMatrices() -> (tied: CompressedTiedMatrix, border: CompressedTiedMatrix) {
        let table = ConvolutionWindowTable(self, withBorder: padding.hasOffset)
        let tied = compressed(
            columns: input.count, columnBlockSize: input.mapSize,
            window: (starts: table.starts, columns: table.columns, taps: table.taps))
        let extended = geometry.extendedInput
        let border = compressed(
            columns: extended.count, columnBlockSize: extended.mapSize,
            window: (starts: table.borderStarts, columns: table.borderColumns, taps: table.borderTaps))
        return (tied, border)
    }

    /// One compressed matrix whose row (j, o) repeats window o's (offset, tap) list
    /// for each input map j reads; an empty window table (one start) gives an empty matrix.
    private func compressed(
        columns: Int, columnBlockSize: Int, window: (starts: [Int], columns: [Int32], taps: [Int32])
    ) -> CompressedTiedMatrix {
        let positions = window.starts.count - 1
        let rowStarts = compressedRowStarts(windowStarts: window.starts)
        let count = rowStarts[rowStarts.count - 1]
        let columnIndices = repeatedWindows(window.columns, starts: window.starts, count: count, positions: positions) { i, _ in i * columnBlockSize }
        let taps = spec.tapsPerKernel
        let parameterIndices = repeatedWindows(window.taps, starts: window.starts, count: count, positions: positions) { _, kernel in kernel * taps }
        return CompressedTiedMatrix(
            rows: output.count, columns: columns, rowBlockSize: output.mapSize, columnBlockSize: columnBlockSize,
            parameterCount: spec.weightParameterCount, rowStarts: rowStarts, columnIndices: columnIndices, parameterIndices: parameterIndices)
    }

    /// rowStarts[(j, o) + 1] − rowStarts[(j, o)] = |maps of j| · |window o|, or 0 for every row without a window table.
    private func compressedRowStarts(windowStarts: [Int]) -> [Int] {
        var starts = Array(repeating: 0, count: output.count + 1)
        guard windowStarts.count == output.mapSize + 1 else { return starts }
        var row = 0
        for j in 0..<spec.outChannels {
            let maps = firstPairs[j + 1] - firstPairs[j]
            for o in 0..<output.mapSize {
                starts[row + 1] = starts[row] + maps * (windowStarts[o + 1] - windowStarts[o])
                row += 1
            }
        }
        return starts
    }

    /// The entry array, in row order: for each (j, o) and each input map i of j
    /// (the `kernel`-th of the weight), window o's values shifted by base(i, kernel).
    private func repeatedWindows(
        _ values: [Int32], starts: [Int], count: Int, positions: Int, base: (_ inputMap: Int, _ kernel: Int) -> Int
    ) -> [Int32] {
        guard count > 0 else { return [] }
        return [Int32](unsafeUninitializedCapacity: count) { buffer, initialised in
            values.withUnsafeBufferPointer { values in
                var k = 0
                for j in 0..<spec.outChannels {
                    let maps = spec.inputMaps(ofOutputMap: j)
                    for o in 0..<positions {
                        for (local, i) in maps.enumerated() {
                            let shift = Int32(truncatingIfNeeded: base(i, firstPairs[j] + local))
                            for m in starts[o]..<starts[o + 1] {
                                buffer.initializeElement(at: k, to: shift &+ values[m])
                                k += 1
                            }
                        }
                    }
                }
                precondition(k == count, "filled \(k) of \(count) entries")
                initialised = k
            }
        }
    }
}
