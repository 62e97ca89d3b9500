/// Exit status 1 means the matrix form is wrong, never that the arithmetic left
/// the Double range. So before any check runs, the largest magnitude the checks
/// can compute is bounded from the data, and a layer whose bound exceeds the
/// largest Double (1.79769·10³⁰⁸) is refused as bad input (``FiniteValues``
/// states the rule). Let
///
///     V = max |v| + 1      over every weight a check uses (the drawn integers ≤ 3, the drawn
///                          reals ≤ 1/√fan_in, the given ones); + 1 because finite differences move each by ±1
///     X = max |x| + 1      over the drawn data (integers ≤ 3, reals ≤ 1, δy ≤ 3), + 1 likewise
///     C = |c|              the padding value (0 unless constant padding)
///     B = max |b| + 1      the bias, + 1 likewise
///     K                    the most terms one output unit reads (on input and border units)
///     n                    the output units
///
/// Each output unit sums at most K products v·x̃ with |x̃| ≤ max(X, C), and the bias, so
///
///     |y_r| ≤ F = K·V·(X + C) + B                           every forward, perturbed or not
///     E = ½ Σ_r (y_r − t_r)² ≤ ½·n·(F + 3)²                 finite differences (|t_r| ≤ 3)
///
/// and every other quantity is a sum of at most n·K such products or of n residuals
/// times at most F: the gradients of E (≤ n·(F + 3)·F), the adjoint's ⟨Wᵀx, δy⟩
/// (≤ 3·n·F), W δy, the rounding bounds (a tiny multiple of these). All are at most
/// n·(F + 3)², so the checks are safe when 4·n·(F + 3)² is finite: the factor 4
/// covers E⁺ + E⁻ and rounding, which moves a computed value by a factor 1 + γ at most.
/// The bound is computed in Double, where an overflow on the way is itself inf.
///
/// A final guard stays behind it: a check whose error or tolerance comes out
/// non-finite throws instead of failing (``requireFiniteResults(_:)``).
struct CheckRange {
    let weight: Double
    let paddingValue: Double
    let bias: Double
    /// F, the bound on every output unit.
    let outputBound: Double
    /// 4·n·(F + 3)², the bound on everything the checks compute.
    let bound: Double

    init(form: MatrixForm, data: CheckData, given: LayerWeights?) {
        let weights = [data.integerWeights, data.realWeights] + (given.map { [$0] } ?? [])
        weight = weights.map { FiniteValues.maxMagnitude($0.weight) }.max() ?? 0
        bias = weights.map { FiniteValues.maxMagnitude($0.bias ?? []) }.max() ?? 0
        paddingValue = abs(form.convolution?.padding.borderValue ?? 0)
        let x = [data.x, data.realX, data.dy].map(FiniteValues.maxMagnitude).max() ?? 0
        let k = Double(Self.mostTermsInOneRow(form))
        outputBound = k * (weight + 1) * (x + 1 + paddingValue) + bias + 1
        bound = 4 * Double(form.tied.rows) * (outputBound + 3) * (outputBound + 3)
    }

    /// Throws unless every value the checks compute stays finite.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on the largest of what
    ///   the user gave: `weight`, `padding_value` or `bias`.
    func require() throws(ConvMatrixError) {
        guard !bound.isFinite else { return }
        let (field, value) = [("weight", weight), ("padding_value", paddingValue), ("bias", bias)].max { $0.1 < $1.1 } ?? ("weight", weight)
        throw ConvMatrixError(
            .numerical, field: field,
            reason: "with \(field == "weight" ? "weights" : field) up to \(FiniteValues.describe(value)), the outputs reach "
                + "\(outputBound.isFinite ? FiniteValues.describe(outputBound) : "beyond \(FiniteValues.largest)") and the check's "
                + "E = ½‖y − t‖² would exceed the largest Double (\(FiniteValues.largest)); \(field == "weight" ? "scale the weights down" : "use a smaller \(field)")"
        )
    }

    /// max_r (terms + constants + border terms of row r): a pooling row reads its
    /// window through constants alone.
    static func mostTermsInOneRow(_ form: MatrixForm) -> Int {
        var counts = (0..<form.tied.rows).map { form.tied.rowStarts[$0 + 1] - form.tied.rowStarts[$0] }
        for entry in form.tied.constants { counts[entry.row] += 1 }
        for term in form.borderTerms { counts[term.row] += 1 }
        return counts.max() ?? 0
    }

    /// The final guard: a check that computed a non-finite error or tolerance did not
    /// find a wrong matrix; the arithmetic overflowed.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `numerical`.
    static func requireFiniteResults(_ checks: [CheckReport.Check]) throws(ConvMatrixError) {
        for check in checks where check.ran {
            let values = [check.maxAbsError ?? 0, check.tolerance ?? 0]
            guard values.allSatisfy(\.isFinite) else {
                throw ConvMatrixError(
                    .numerical, field: "numerical",
                    reason:
                        "the \(check.name.rawValue) check computed \(values.map { FiniteValues.describe($0) }.joined(separator: " against a tolerance of ")): "
                        + "the data overflow the Double range")
            }
        }
    }
}
