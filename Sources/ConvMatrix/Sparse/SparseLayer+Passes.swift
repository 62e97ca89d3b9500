/// The gradients of a batch whose samples are rows (the layout of the sparse passes).
public struct SampleRowGradients: Equatable, Sendable {
    /// ∂E/∂x: one row per sample, batch × input units.
    public var input: Matrix
    /// ∂E/∂v, in the weight's flat order, summed over the batch.
    public var weight: [Double]
    /// ∂E/∂b, summed over the batch, or nil without a bias.
    public var bias: [Double]?
}

/// The batched passes on the compressed rows: one pass over the structure per
/// batch, whatever its size.
///
/// Layout: samples are ROWS of a column-major ``Matrix`` (batch × units), so
/// that the B values of one unit, X[·, c], are contiguous. Each entry
/// (r, c, p, a) then does one contiguous length-B update,
///
///     forward:   Y[·, r] += a·v_p · X[·, c]             (axpy)
///     backward:  δX[·, c] += a·v_p · δY[·, r]           (axpy)
///                δv_p     += a · ⟨δY[·, r], X[·, c]⟩    (dot)
///
/// With samples as columns the same loop would stride by the unit count and
/// touch a new cache line per sample. ``forward(batch:)`` and
/// ``backward(batch:outputGradients:)`` take MaterialisedLayer's layout (samples
/// as columns) and transpose in and out.
extension SparseLayer {
    /// Y = Wᵀ X + (o + b) for a batch whose rows are samples (B × inputs → B × outputs).
    public func forward(sampleRows x: Matrix) -> Matrix {
        let tied = form.tied
        precondition(x.columns == tied.columns, "batch has \(x.columns) units, expected \(tied.columns)")
        let batch = x.rows
        var y = Matrix(rows: batch, columns: tied.rows)
        y.storage.withUnsafeMutableBufferPointer { out in
            x.storage.withUnsafeBufferPointer { input in
                weights.weight.withUnsafeBufferPointer { v in
                    tied.withBuffers { m in
                        for r in 0..<tied.rows {
                            let row = r * batch
                            for s in 0..<batch { out[row + s] = rowConstant[r] }
                            for k in m.rowStarts[r]..<m.rowStarts[r + 1] {
                                let w = m.coefficient(k) * v[Int(m.parameters[k])]
                                let from = Int(m.columns[k]) * batch
                                for s in 0..<batch { out[row + s] += w * input[from + s] }
                            }
                            for k in m.constantRowStarts[r]..<m.constantRowStarts[r + 1] {
                                let w = m.constantValues[k]
                                let from = Int(m.constantColumns[k]) * batch
                                for s in 0..<batch { out[row + s] += w * input[from + s] }
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// δX = W δY, δv and δb for a batch whose rows are samples; δX and δv in one
    /// pass over the entries when the gradient's entries are Wᵀ's own.
    public func backward(sampleRows x: Matrix, outputGradientRows dy: Matrix) -> SampleRowGradients {
        let tied = form.tied
        precondition(
            x.columns == tied.columns && dy.columns == tied.rows && x.rows == dy.rows, "batch shapes do not fit a \(tied.rows)×\(tied.columns) matrix")
        let fused = form.gradientTied == tied
        var dx = Matrix(rows: x.rows, columns: tied.columns)
        var weight = Array(repeating: 0.0, count: tied.parameterCount)
        dx.storage.withUnsafeMutableBufferPointer { dx in
            weight.withUnsafeMutableBufferPointer { weight in
                accumulate(over: tied, input: x, outputGradient: dy, inputGradient: dx, weightGradient: fused ? weight : nil)
                if !fused { accumulate(over: form.gradientTied, input: x, outputGradient: dy, inputGradient: nil, weightGradient: weight) }
            }
        }
        let summed = (0..<dy.columns).map { r in (0..<dy.rows).reduce(0.0) { $0 + dy[$1, r] } }
        for r in 0..<form.border.rows {
            for k in form.border.entries(inRow: r) { weight[Int(form.border.parameterIndices[k])] += form.offsetScale * summed[r] }
        }
        return SampleRowGradients(input: dx, weight: weight, bias: biasGradient(summedOutputGradient: summed))
    }

    /// One pass over `matrix`: δX[·, c] += a·v_p·δY[·, r] and δv_p += a·⟨δY[·, r], X[·, c]⟩,
    /// each only when its output is given; constants add to δX only.
    private func accumulate(
        over matrix: CompressedTiedMatrix, input x: Matrix, outputGradient dy: Matrix,
        inputGradient dx: UnsafeMutableBufferPointer<Double>?, weightGradient dv: UnsafeMutableBufferPointer<Double>?
    ) {
        let batch = x.rows
        x.storage.withUnsafeBufferPointer { input in
            dy.storage.withUnsafeBufferPointer { outputGradient in
                weights.weight.withUnsafeBufferPointer { v in
                    matrix.withBuffers { m in
                        for r in 0..<matrix.rows {
                            let row = r * batch
                            for k in m.rowStarts[r]..<m.rowStarts[r + 1] {
                                let (a, p, column) = (m.coefficient(k), Int(m.parameters[k]), Int(m.columns[k]) * batch)
                                if let dx {
                                    let w = a * v[p]
                                    for s in 0..<batch { dx[column + s] += w * outputGradient[row + s] }
                                }
                                if let dv {
                                    var dot = 0.0
                                    for s in 0..<batch { dot += outputGradient[row + s] * input[column + s] }
                                    dv[p] += a * dot
                                }
                            }
                            guard let dx else { continue }
                            for k in m.constantRowStarts[r]..<m.constantRowStarts[r + 1] {
                                let (w, column) = (m.constantValues[k], Int(m.constantColumns[k]) * batch)
                                for s in 0..<batch { dx[column + s] += w * outputGradient[row + s] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Y = Wᵀ X + (o + b) for a batch whose columns are samples, as ``MaterialisedLayer/forward(batch:)``.
    public func forward(batch inputs: Matrix) -> Matrix {
        forward(sampleRows: inputs.transposed).transposed
    }

    /// The backward pass for a batch whose columns are samples, as ``MaterialisedLayer/backward(batch:outputGradients:)``.
    public func backward(batch inputs: Matrix, outputGradients dY: Matrix) -> Gradients {
        let gradients = backward(sampleRows: inputs.transposed, outputGradientRows: dY.transposed)
        return Gradients(input: gradients.input.transposed, weight: gradients.weight, bias: gradients.bias)
    }

    /// δb_j = Σ_{r : β(r) = j} Σ_samples δy_r.
    private func biasGradient(summedOutputGradient dy: [Double]) -> [Double]? {
        guard let bias = weights.bias else { return nil }
        var gradient = Array(repeating: 0.0, count: bias.count)
        for (r, value) in dy.enumerated() { if let j = layer.biasParameter(ofRow: r) { gradient[j] += value } }
        return gradient
    }
}

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
