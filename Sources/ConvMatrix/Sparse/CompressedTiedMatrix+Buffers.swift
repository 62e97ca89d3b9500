/// Raw views of a compressed matrix's arrays, for the passes' inner loops.
extension CompressedTiedMatrix {
    /// The arrays as buffer pointers, valid only inside ``withBuffers(_:)``.
    struct Buffers {
        let rowStarts: UnsafeBufferPointer<Int>
        let columns: UnsafeBufferPointer<Int32>
        let parameters: UnsafeBufferPointer<Int32>
        /// Empty when every coefficient is 1.
        let coefficients: UnsafeBufferPointer<Double>
        let constantRowStarts: UnsafeBufferPointer<Int>
        let constantColumns: UnsafeBufferPointer<Int32>
        let constantValues: UnsafeBufferPointer<Double>

        /// a_k.
        @inline(__always)
        func coefficient(_ k: Int) -> Double {
            coefficients.isEmpty ? 1 : coefficients[k]
        }
    }

    /// Calls `body` with buffer pointers on every array.
    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        rowStarts.withUnsafeBufferPointer { rowStarts in
            columnIndices.withUnsafeBufferPointer { columns in
                parameterIndices.withUnsafeBufferPointer { parameters in
                    (coefficients ?? []).withUnsafeBufferPointer { coefficients in
                        constantRowStarts.withUnsafeBufferPointer { constantRowStarts in
                            constantColumns.withUnsafeBufferPointer { constantColumns in
                                constantValues.withUnsafeBufferPointer { constantValues in
                                    body(
                                        Buffers(
                                            rowStarts: rowStarts, columns: columns, parameters: parameters, coefficients: coefficients,
                                            constantRowStarts: constantRowStarts, constantColumns: constantColumns, constantValues: constantValues))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
