/// The weight-sharing matrix checks its own structure against the layer it claims to be.
extension TiedMatrix {
    /// Every way this matrix breaks the structure of `layer`'s Wᵀ, as sentences with
    /// 1-based indices; empty when it keeps every invariant:
    ///
    /// - its shape and block sizes are those of the layer's output and input;
    /// - each term lies in the block of its parameter: output map j, input map i of v_{ji};
    /// - a parameter appears at most once in each row (a kernel tap reads one unit
    ///   per output unit), so each parameter occupies at most one entry per output unit;
    /// - a row has at most in/groups · ∏k terms.
    public func invariantViolations(for layer: Convolution) -> [String] {
        var problems: [String] = []
        if rows != layer.output.count || columns != layer.input.count {
            problems.append("shape \(rows)×\(columns) differs from the layer's \(layer.output.count)×\(layer.input.count)")
        }
        if rowBlockSize != layer.output.mapSize || columnBlockSize != layer.input.mapSize {
            problems.append("blocks of \(rowBlockSize)×\(columnBlockSize) differ from the maps' \(layer.output.mapSize)×\(layer.input.mapSize)")
        }
        guard problems.isEmpty else { return problems }
        let notation = self.notation
        for term in terms {
            let name = parameters[term.parameter]
            let block = (term.row / rowBlockSize + 1, term.column / columnBlockSize + 1)
            if block != (name.outputMap, name.inputMap) {
                problems.append(
                    "\(notation.latex(name)) at row \(term.row + 1), column \(term.column + 1) lies in block (\(block.0), \(block.1)), not (\(name.outputMap), \(name.inputMap))"
                )
            }
        }
        let tapsPerRow = layer.spec.inChannelsPerGroup * layer.spec.tapsPerKernel
        for r in 0..<rows {
            let rowTerms = terms(inRow: r)
            if rowTerms.count > tapsPerRow {
                problems.append("row \(r + 1) has \(rowTerms.count) terms, more than the \(tapsPerRow) taps of one output unit")
            }
            var seen = Set<Int>()
            for term in rowTerms where !seen.insert(term.parameter).inserted {
                problems.append("\(notation.latex(parameters[term.parameter])) appears twice in row \(r + 1)")
            }
        }
        return problems
    }
}
