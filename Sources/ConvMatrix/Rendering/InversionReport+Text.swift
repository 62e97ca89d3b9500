/// The inversion for people: what was solved, what is lost, how close each solution came.
extension InversionReport {
    /// Inputs up to this many units get a table of x, x̂ and x_λ side by side, with
    /// four significant digits of the largest entry. Rounding-level figures are
    /// shown as bounds (``SpectrumReport/roundingFloor``), as in the spectrum.
    public static let unitTableLimit = 32
    /// Null spaces up to this dimension have their basis printed (all of it is in the JSON).
    public static let basisListLimit = 8

    /// The report, e.g. for [−1, 1] on a circle of 6:
    ///
    ///     rank                     r = 5 of 6    gelsd: σ > rcond·σ₁, rcond = ε·max(m, n) = 1.33227e-15
    ///     nullity              n − r = 1         what the layer cannot see, lost to every method
    public var text: String {
        let inv = inversion
        let floor = SpectrumReport.roundingFloor
        let xNorm = euclideanNorm(inv.x)
        let noise = noiseAmplitude > 0 ? "plus noise uniform in ±\(NumberFormat.significant(noiseAmplitude))" : "no noise"
        let header = [
            "\(layer.specDescription) on input \(layer.input) → output \(layer.output)",
            "Wᵀ is \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) (m × n); weights: \(weightSource.text(for: layer)); x: \(inputSource.text)",
            "y = Wᵀx + o + b (\(noise)); the solvers see ỹ = y − o − b",
        ]
        let rcondNote =
            inv.rcond == Matrix.defaultRcond(rows: layer.output.count, columns: layer.input.count)
            ? "rcond = ε·max(m, n) = " : "rcond = "
        let figures: [TextTable.Figure] = [
            (
                "rank", "r", "\(NumberFormat.count(inv.rank)) of \(NumberFormat.count(inv.singularValues.count))",
                "gelsd: σ > rcond·σ₁, \(rcondNote)\(NumberFormat.significant(inv.rcond))"
            ),
            ("nullity", "n − r", NumberFormat.count(inv.nullity), "what the layer cannot see, lost to every method"),
            ("lost part", "‖NNᵀx‖", NumberFormat.bounded(inv.lostNorm, floor: floor * xNorm), "the part of x in the null space"),
            ("residual", "‖Wᵀx̂ − ỹ‖", NumberFormat.bounded(inv.residual, floor: floor * euclideanNorm(inv.linearOutput)), "how well x̂ explains ỹ"),
        ]
        let solutions: [(String, RecoveryError)] = [
            ("minimum norm x̂ (gelsd)", inv.minimumNormError),
            ("Tikhonov x_λ, λ = \(NumberFormat.significant(inv.lambda, digits: 3))\(inv.lambdaIsDefault ? " (default (10⁻³σ₁)²)" : "")", inv.tikhonovError),
        ]
        let errorTable = TextTable.columns(
            [["", "‖error‖", "‖error‖/‖x‖", "max |errorᵢ|"]]
                + solutions.map {
                    [
                        $0.0, NumberFormat.bounded($0.1.norm, floor: floor * xNorm), NumberFormat.bounded($0.1.relative, floor: floor),
                        NumberFormat.bounded($0.1.largestEntry, floor: floor * xNorm),
                    ]
                },
            rightAligned: [false, true, true, true])
        var lines = header + [""] + TextTable.figures(figures) + [""] + errorTable + basisLines
        if layer.input.count <= Self.unitTableLimit {
            let scale = (inv.x + inv.minimumNorm + inv.tikhonov).map(abs).max() ?? 0
            let rows = (0..<layer.input.count).map { u in
                [UnitLabel.name("x", unit: u, shape: layer.input)]
                    + [inv.x[u], inv.minimumNorm[u], inv.tikhonov[u]].map { NumberFormat.fixed($0, scale: scale, digits: 4) }
            }
            lines += [""] + TextTable.columns([["unit", "x", "x̂", "x_λ"]] + rows, rightAligned: [false, true, true, true])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var basisLines: [String] {
        let basis = inversion.nullSpaceBasis
        guard !basis.isEmpty else { return ["", "null space: none; every input is seen"] }
        let title = "null space: \(basis.count) orthonormal vector\(basis.count == 1 ? "" : "s") of \(layer.input.count) units"
        guard basis.count <= Self.basisListLimit, layer.input.count <= Self.unitTableLimit else {
            return ["", title + "; listed in --format json"]
        }
        return ["", title + " (echelon form; --format json has LAPACK's):"]
            + Inversion.echelonBasis(basis).enumerated().map { i, v in
                "  N" + UnicodeIndices.lowered(String(i + 1)) + " = (" + v.map { NumberFormat.fixed($0, scale: 1, digits: 4) }.joined(separator: ", ") + ")"
            }
    }
}
