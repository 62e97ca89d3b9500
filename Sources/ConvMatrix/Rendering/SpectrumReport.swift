/// The JSON document of `convmat spectrum --format json`, version 1 (docs/json.md).
///
/// Every documented key is always present. JSON has no infinity, so the
/// condition number of a rank-deficient layer is null with `rank_deficient`
/// true; `rank_deficient` is present in every document.
public struct SpectrumReport: Encodable, Sendable {
    public static let version = 1

    public let result: LayerSpectrum
    public let requested: SpectrumMethod
    public let weightSource: WeightSource

    public init(_ result: LayerSpectrum, requested: SpectrumMethod, weightSource: WeightSource) {
        self.result = result
        self.requested = requested
        self.weightSource = weightSource
    }

    enum Key: String, CodingKey {
        case version, spec, input_shape, output_shape, input_dependent, x, rows, cols, method, method_requested, weight
        case singular_values, rank, rank_tolerance, nullity, rank_deficient, condition_number
        case spectral_norm, frobenius_norm, frobenius_from_entries, frobenius_from_parameters, fourier_difference
    }

    public func encode(to encoder: any Encoder) throws {
        let spectrum = result.spectrum
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encode(result.layer.specDescription, forKey: .spec)
        try c.encode(result.layer.input.extents, forKey: .input_shape)
        try c.encode(result.layer.output.extents, forKey: .output_shape)
        let point = (result.layer as? any InputDependentLayer)?.pointValues
        try c.encode(point != nil, forKey: .input_dependent)
        try c.encodeNullable(point, forKey: .x)
        try c.encode(spectrum.rows, forKey: .rows)
        try c.encode(spectrum.columns, forKey: .cols)
        try c.encode(result.ran.rawValue, forKey: .method)
        try c.encode(requested.rawValue, forKey: .method_requested)
        try c.encode(weightSource, forKey: .weight)
        try c.encode(spectrum.singularValues, forKey: .singular_values)
        try c.encode(spectrum.rank, forKey: .rank)
        try c.encode(spectrum.rankTolerance, forKey: .rank_tolerance)
        try c.encode(spectrum.nullity, forKey: .nullity)
        try c.encode(spectrum.isRankDeficient, forKey: .rank_deficient)
        try c.encodeNullable(spectrum.conditionNumber, forKey: .condition_number)
        try c.encode(spectrum.spectralNorm, forKey: .spectral_norm)
        try c.encode(spectrum.frobeniusNorm, forKey: .frobenius_norm)
        try c.encodeNullable(result.frobenius.fromEntries, forKey: .frobenius_from_entries)
        try c.encodeNullable(result.frobenius.fromParameters, forKey: .frobenius_from_parameters)
        try c.encodeNullable(result.fourierDifference, forKey: .fourier_difference)
    }

    /// Values listed in text before the list is cut (all of them are in the JSON).
    public static let textListLimit = 40

    /// Below this fraction of σ₁ a singular value or difference is shown as a bound
    /// in text: rounding decides its digits, which differ from one BLAS to another.
    public static let roundingFloor = 1e-12

    /// The figures, aligned and labelled, then the singular values:
    ///
    ///     spectral norm     σ₁ = 1          largest gain ‖Wᵀx‖/‖x‖: the layer's Lipschitz constant
    ///     rank               r = 7 of 8     σ > 1.77636e-15 = max(m, n)·ε·σ₁ (NumPy's matrix_rank)
    /// `Wᵀ`, or for an input-dependent layer `J(x) = diag(…) at x drawn from seed 1`.
    private var matrixName: String {
        guard let nonlinear = result.layer as? any InputDependentLayer else { return "Wᵀ" }
        return "J(x) = \(nonlinear.jacobianFormula) at x \(nonlinear.point.sourceDescription)"
    }

    public var text: String {
        let s = result.spectrum
        let k = s.singularValues.count
        let kName = "σ" + UnicodeIndices.lowered(String(k))
        let header = [
            "\(result.layer.specDescription) on input \(result.layer.input) → output \(result.layer.output)",
            matrixName + " is \(NumberFormat.count(s.rows)) × \(NumberFormat.count(s.columns)) (m × n); weights: \(weightSource.text(for: result.layer))",
            "method: " + methodLine,
        ]
        let frobeniusWays =
            ["√Σσ²"] + (result.frobenius.fromEntries == nil ? [] : ["√Σ entries²"])
            + (result.frobenius.fromParameters == nil ? [] : [result.layer.weightParameterCount == 0 ? "√Σ constants²" : "√Σ v²·occupancy"])
        let agreement =
            frobeniusWays.count > 1
            ? " (relative difference \(NumberFormat.bounded(result.frobenius.largestRelativeDifference, floor: Self.roundingFloor)))" : ""
        let figures: [TextTable.Figure] = [
            ("spectral norm", "σ₁", NumberFormat.significant(s.spectralNorm), "largest gain ‖Wᵀx‖/‖x‖: the layer's Lipschitz constant"),
            ("smallest", kName, sigma(s.smallestSingularValue), "smallest gain over the \(NumberFormat.count(k)) directions the shape allows"),
            (
                "rank", "r", "\(NumberFormat.count(s.rank)) of \(NumberFormat.count(k))",
                "σ > \(NumberFormat.significant(s.rankTolerance)) = max(m, n)·ε·σ₁ (NumPy's matrix_rank)"
            ),
            ("nullity", "n − r", NumberFormat.count(s.nullity), "dimension of the inputs the layer sends to zero"),
            (
                "condition number", "κ", s.conditionNumber.map { NumberFormat.significant($0) } ?? "∞",
                s.conditionNumber == nil ? "rank-deficient: σ₁/\(kName) is infinite" : "σ₁/\(kName): relative errors in y grow up to κ times in x"
            ),
            ("Frobenius norm", "‖Wᵀ‖_F", NumberFormat.significant(s.frobeniusNorm), frobeniusWays.joined(separator: " = ") + agreement),
        ]
        let table = TextTable.figures(figures)
        return (header + [""] + table + ["", "singular values, descending (gains ‖Wᵀv_i‖/‖v_i‖, no unit):"] + valueList)
            .joined(separator: "\n") + "\n"
    }

    /// σ, or a bound below 10⁻¹²·σ₁.
    private func sigma(_ value: Double) -> String {
        NumberFormat.bounded(value, floor: Self.roundingFloor * result.spectrum.spectralNorm)
    }

    private var methodLine: String {
        switch result.ran {
        case .dense: "dense SVD of Wᵀ (LAPACKE_dgesdd)"
        case .fourier: "Fourier (Sedghi, Gupta, Long 2019), without the dense Wᵀ"
        case .both:
            "dense SVD and Fourier (Sedghi, Gupta, Long 2019); largest difference "
                + sigma(result.fourierDifference ?? 0)
        }
    }

    private var valueList: [String] {
        let values = result.spectrum.singularValues
        let shown = values.count <= Self.textListLimit ? Array(values.indices) : Array(0..<30) + Array((values.count - 10)..<values.count)
        let nameWidth = 1 + String(values.count).count
        var lines: [String] = []
        for (position, i) in shown.enumerated() {
            if position > 0, shown[position - 1] != i - 1 {
                lines.append("  " + String(repeating: " ", count: nameWidth) + "  … \(values.count - shown.count) more (all in --format json)")
            }
            lines.append("  " + ("σ" + UnicodeIndices.lowered(String(i + 1))).leftPadded(to: nameWidth) + "  " + sigma(values[i]))
        }
        return lines
    }
}

extension WeightSource {
    /// ``text``, or `none (AvgPool1d has no parameters)` for a layer without
    /// weights or bias, whose Wᵀ is constant whatever the source says.
    func text(for layer: any Layer) -> String {
        layer.layerParameterCount == 0 ? "none (\(layer.kind) has no parameters)" : text
    }
}
