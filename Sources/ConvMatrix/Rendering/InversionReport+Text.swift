/// The inversion for people: what was solved, what is lost, how close each solution came.
extension InversionReport {
    /// Inputs up to this many units get a table of x, x̂ and x_λ side by side.
    public static let unitTableLimit = 32
    /// Null spaces up to this dimension have their basis printed (all of it is in the JSON).
    public static let basisListLimit = 8

    /// The report, e.g. for [−1, 1] on a circle of 6:
    ///
    ///     rank                     r = 5 of 6    gelsd: σ > rcond·σ₁, rcond = ε·max(m, n) = 1.33227e-15
    ///     nullity              n − r = 1         what the layer cannot see, lost to every method
    public var text: String {
        let inv = inversion
        let noise = noiseAmplitude > 0 ? "plus noise uniform in ±\(NumberFormat.significant(noiseAmplitude))" : "no noise"
        let header = [
            "\(layer.spec) on input \(layer.input) → output \(layer.output)",
            "Wᵀ is \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) (m × n); weights: \(weightSource.text); x: \(inputSource.text)",
            "y = Wᵀx + o + b (\(noise)); the solvers see ỹ = y − o − b",
        ]
        let rcondNote = inv.rcond == Matrix.defaultRcond(rows: layer.output.count, columns: layer.input.count)
            ? "rcond = ε·max(m, n) = " : "rcond = "
        let figures: [(String, String, String, String)] = [
            ("rank", "r", "\(inv.rank) of \(inv.singularValues.count)", "gelsd: σ > rcond·σ₁, \(rcondNote)\(NumberFormat.significant(inv.rcond))"),
            ("nullity", "n − r", "\(inv.nullity)", "what the layer cannot see, lost to every method"),
            ("lost part", "‖NNᵀx‖", NumberFormat.significant(inv.lostNorm), "the part of x in the null space"),
            ("residual", "‖Wᵀx̂ − ỹ‖", NumberFormat.significant(inv.residual), "how well x̂ explains ỹ"),
        ]
        let solutions: [(String, RecoveryError)] = [
            ("minimum norm x̂ (gelsd)", inv.minimumNormError),
            ("Tikhonov x_λ, λ = \(NumberFormat.significant(inv.lambda, digits: 3))\(lambdaIsDefault ? " (default (10⁻³σ₁)²)" : "")", inv.tikhonovError),
        ]
        let errorTable = Self.columns(
            [["", "‖error‖", "‖error‖/‖x‖", "max |errorᵢ|"]]
                + solutions.map { [$0.0, NumberFormat.significant($0.1.norm), NumberFormat.significant($0.1.relative), NumberFormat.significant($0.1.largestEntry)] },
            rightAligned: [false, true, true, true])
        var lines = header + [""] + Self.figureLines(figures) + [""] + errorTable + basisLines
        if layer.input.count <= Self.unitTableLimit {
            let rows = (0..<layer.input.count).map { u in
                [UnitLabel.name("x", unit: u, shape: layer.input)] + [inv.x[u], inv.minimumNorm[u], inv.tikhonov[u]].map { NumberFormat.significant($0, digits: 4) }
            }
            lines += [""] + Self.columns([["unit", "x", "x̂", "x_λ"]] + rows, rightAligned: [false, true, true, true])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var lambdaIsDefault: Bool {
        inversion.lambda == Inversion.defaultLambda(spectralNorm: inversion.singularValues.first ?? 0)
    }

    private var basisLines: [String] {
        let basis = inversion.nullSpaceBasis
        guard !basis.isEmpty else { return ["", "null space: none; every input is seen"] }
        let title = "null space: \(basis.count) orthonormal vector\(basis.count == 1 ? "" : "s") of \(layer.input.count) units (rows of Vᵀ past the rank)"
        guard basis.count <= Self.basisListLimit, layer.input.count <= Self.unitTableLimit else {
            return ["", title + "; listed in --format json"]
        }
        return ["", title + ":"] + basis.enumerated().map { i, v in
            "  N" + UnicodeIndices.lowered(String(i + 1)) + " = (" + v.map { NumberFormat.significant(abs($0) < 1e-15 ? 0 : $0, digits: 3) }.joined(separator: ", ") + ")"
        }
    }

    private static func figureLines(_ figures: [(String, String, String, String)]) -> [String] {
        let widths = (figures.map { $0.0.count }.max() ?? 0, figures.map { $0.1.count }.max() ?? 0, figures.map { $0.2.count }.max() ?? 0)
        return figures.map { label, symbol, value, note in
            "  " + label.padded(to: widths.0) + "  " + symbol.leftPadded(to: widths.1) + " = " + value.padded(to: widths.2) + "   " + note
        }
    }

    /// Rows of cells as aligned columns, two spaces apart.
    static func columns(_ rows: [[String]], rightAligned: [Bool]) -> [String] {
        let widths = rightAligned.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            ("  " + row.indices.map { c in rightAligned[c] ? row[c].leftPadded(to: widths[c]) : row[c].padded(to: widths[c]) }
                .joined(separator: "  ")).trailingSpacesRemoved
        }
    }
}
