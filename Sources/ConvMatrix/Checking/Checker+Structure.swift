/// Check 1, structure: a proof, for this configuration, that Wᵀ's terms are the
/// terms of the sliding-window sum.
extension Checker {
    /// Runs the reference once on formal variables (x_c for input units, v_p for
    /// weights). Each output is then exactly the linear form
    /// Σ a_{pc} v_p x_c + Σ b_c x_c + Σ g_p v_p that the layer's formula produces
    /// (for a convolution the direct sum z_j(t) = Σ_i Σ_s w_{ji}^s x̃_i^{t·s+s·d}).
    /// Row r of Wᵀ must carry exactly the terms (r, c, p, a) with a = a_{pc}, the
    /// constants κ[r, c] = b_c, and the offset terms g_p = c · (their count). Two
    /// linear maps with the same coefficients are the same map: for this
    /// configuration it is a proof.
    func structure() -> CheckReport.Check {
        let sampled = structureSample()
        let xs: [SymbolicScalar] = (0..<layer.input.count).map { sampled.contains($0) ? .input($0) : .zero }
        let ws: [SymbolicScalar] = (0..<layer.weightParameterCount).map { .parameter($0) }
        let reference = layer.referenceForward(x: xs, weight: ws, bias: nil)
        var tally = CoefficientTally()
        let notation = form.tied.notation
        let c = form.offsetScale
        let borderByRow = Dictionary(grouping: form.borderTerms, by: \.row)
        let constantsByRow = Dictionary(grouping: form.tied.constants, by: \.row)
        let tied = form.tied
        for r in 0..<tied.rows {
            var expected: [SymbolicScalar.Pair: Double] = [:]
            for k in tied.rowStarts[r]..<tied.rowStarts[r + 1] where sampled.contains(tied.terms[k].column) {
                expected[SymbolicScalar.Pair(parameter: tied.terms[k].parameter, input: tied.terms[k].column), default: 0] += tied.coefficient(ofTerm: k)
            }
            var expectedInputs: [Int: Double] = [:]
            for entry in constantsByRow[r] ?? [] where sampled.contains(entry.column) { expectedInputs[entry.column] = entry.value }
            var expectedConstant: [Int: Double] = [:]
            for term in borderByRow[r] ?? [] { expectedConstant[term.parameter, default: 0] += c }
            let found = reference[r].expanded
            tally.compare(expectedInputs, found.inputTerms) { c, matrix, sum in
                "row \(r + 1), column \(c + 1): Wᵀ holds the constant \(NumberFormat.compact(matrix)), the reference \(NumberFormat.compact(sum))"
            }
            tally.compare(expected, found.products) { pair, matrix, sum in
                "row \(r + 1), column \(pair.input + 1): Wᵀ has \(NumberFormat.compact(matrix)) × \(notation.latex(form.tied.parameters[pair.parameter])), the sliding-window sum \(NumberFormat.compact(sum))"
            }
            tally.compare(expectedConstant, found.constantProducts) { p, matrix, sum in
                "row \(r + 1): the constant part of \(notation.latex(form.tied.parameters[p])) is \(matrix) in the matrix form, \(sum) in the sliding-window sum"
            }
        }
        let scope =
            sampled.count == layer.input.count
            ? "all \(NumberFormat.count(form.tied.rows)) rows"
            : "every row on a seeded sample of \(NumberFormat.count(sampled.count)) of \(NumberFormat.count(layer.input.count)) input units (taps above \(NumberFormat.count(structureTapLimit)))"
        let note =
            tally.first.map { "\(tally.mismatches) coefficient\(tally.mismatches == 1 ? "" : "s") differ; first: \($0)" }
            ?? "\(layer.isInputDependent ? "J(x)'s entries equal the \(layer.kind) formula's at x" : "terms equal the sliding-window sum") on \(scope); \(occupancyNote())"
        return .ran(.structure, error: tally.largest, tolerance: 0, note: note)
    }

    /// The input units whose formal variables the proof tracks: all of them unless
    /// the layer has more taps than the limit.
    private func structureSample() -> Set<Int> {
        let units = layer.input.count
        let taps = layer.entryCountBound
        guard taps > structureTapLimit else { return Set(0..<units) }
        let share = max(1, units * structureTapLimit / taps)
        var random = SplitMix64(seed: seed ^ 0x57AC)
        var sample = Set<Int>()
        while sample.count < min(share, units) { sample.insert(random.nextInt(in: 0...(units - 1))) }
        return sample
    }

    /// How many entries each parameter occupies against the positions it slides over.
    private func occupancyNote() -> String {
        let occupancy = form.tied.occupancy
        let positions = layer.output.mapSize
        let zeros = form.tied.entryCount - form.tied.nonzeroCount
        guard let least = occupancy.min(), let most = occupancy.max() else {
            return "no parameters; \(NumberFormat.count(form.tied.constants.count)) constant entries, "
                + "and the \(NumberFormat.count(zeros)) zero entries are exactly those the formula never reaches"
        }
        let sliding =
            "each parameter slides over \(positions) position\(positions == 1 ? "" : "s") and occupies "
            + (least == most ? "\(least) entries" : "\(least) to \(most) entries")
        let border = least < positions ? " (fewer where taps fall on a constant or zero border)" : ""
        return sliding + border + "; the \(NumberFormat.count(zeros)) zero entries are exactly those no tap reaches"
    }
}

/// Coefficients that differ between the matrix form and the sliding-window sum:
/// how many, the largest difference, and a sentence about the first.
struct CoefficientTally {
    private(set) var mismatches = 0
    private(set) var largest = 0.0
    private(set) var first: String?

    /// Compares two coefficient maps key by key (a missing key is 0); `describe`
    /// gets the key and both coefficients of the first mismatch.
    mutating func compare<Key: Hashable>(
        _ matrix: [Key: Double], _ sum: [Key: Double], describe: (Key, Double, Double) -> String
    ) {
        for key in Set(matrix.keys).union(sum.keys) {
            let (a, b) = (matrix[key] ?? 0, sum[key] ?? 0)
            guard a != b else { continue }
            mismatches += 1
            largest = max(largest, abs(a - b))
            first = first ?? describe(key, a, b)
        }
    }
}
