/// Building the terms of Wᵀ_valid and Wᵀ = Wᵀ_valid · P.
extension Convolution {
    /// Wᵀ_valid, on the extended input: rows = output units, columns = extended units.
    ///
    /// Output unit (j, o) reads, for each input map i that j reads (its group's, or
    /// the list C_j of `connections`) and each tap t,
    ///
    ///     x̃[i, o·s + t·d]      with parameter v_{ji}^{t} = weight[(firstPairs[j] + local(i))·∏k + t]
    ///
    /// (the slides' z_j(t) = Σ_i Σ_s w_{ji}^s x_i^{t+s}, strided and dilated).
    ///
    /// - Complexity: O(output units · in/groups · ∏k) time and memory.
    public func validTiedMatrix() -> TiedMatrix {
        TiedMatrix(
            rows: output.count, columns: geometry.extendedInput.count,
            rowBlockSize: output.mapSize, columnBlockSize: geometry.extendedInput.mapSize,
            parameters: parameterNames, terms: validTerms())
    }

    /// Wᵀ = Wᵀ_valid · P: each valid term on extended unit e becomes a term on the
    /// input unit P copies into e; terms on constant border units disappear.
    public func tiedMatrix() -> TiedMatrix {
        composed().tied
    }

    /// The valid terms that land on border units holding the padding constant c:
    /// they make the offset o_r = c · Σ v_p over row r's border terms.
    public func borderTerms() -> [Term] {
        composed().border
    }

    /// Wᵀ and the border terms from one pass over the valid terms: each lands either
    /// on the input unit P copies into it, or on a border unit.
    func composed() -> (tied: TiedMatrix, border: [Term]) {
        var terms: [Term] = []
        var border: [Term] = []
        for term in validTerms() {
            if let source = padding.source(term.column) {
                terms.append(Term(row: term.row, column: source, parameter: term.parameter))
            } else {
                border.append(term)
            }
        }
        let tied = TiedMatrix(
            rows: output.count, columns: input.count,
            rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: parameterNames, terms: terms)
        return (tied, border)
    }

    private func validTerms() -> [Term] {
        let extended = RowMajor(geometry.extendedInput.spatial)
        let outputBox = RowMajor(output.spatial)
        let kernel = RowMajor(spec.kernelSize)
        // Σ_d t_d·d_d·stride_d(x̃): where each tap lands relative to the window's corner.
        let tapOffsets = kernel.allIndices.map { t in
            t.indices.reduce(0) { $0 + t[$1] * spec.dilation[$1] * extended.strides[$1] }
        }
        // Σ_d o_d·s_d·stride_d(x̃): the corner of output position o's window.
        let windowCorners = outputBox.allIndices.map { o in
            o.indices.reduce(0) { $0 + o[$1] * spec.stride[$1] * extended.strides[$1] }
        }
        var terms: [Term] = []
        terms.reserveCapacity(output.mapSize * spec.weightParameterCount)
        for j in 0..<spec.outChannels {
            let inputMaps = spec.inputMaps(ofOutputMap: j)
            for (o, corner) in windowCorners.enumerated() {
                let row = j * output.mapSize + o
                for (localInput, i) in inputMaps.enumerated() {
                    let mapStart = i * extended.count
                    let firstParameter = (firstPairs[j] + localInput) * tapOffsets.count
                    for (t, tapOffset) in tapOffsets.enumerated() {
                        terms.append(Term(row: row, column: mapStart + corner + tapOffset, parameter: firstParameter + t))
                    }
                }
            }
        }
        return terms
    }
}
