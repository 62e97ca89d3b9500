import Foundation

/// The ∞-norm constants of one layer that the network's finite-difference
/// bounds (``NetworkBounds``) propagate, read off its terms, never a dense matrix.
///
/// For a linear layer, with |Wᵀ|_terms[r, c] = Σ_{terms (r, c, p, a)} |a|·|v_p| + |κ[r, c]|
/// (every product counted apart, as ``Tolerance`` counts them):
///
///     rowNorm      R  = max_r Σ_c |Wᵀ|_terms[r, c]       |Wᵀz|_∞ ≤ (R + h·A)·|z|_∞ with one parameter moved by h
///     columnNorm   C  = max_c Σ_r |Wᵀ|_terms[r, c]       |W δ|_∞ ≤ C·|δ|_∞
///     constant     C₀ = max_r |c|·Σ_border |v_p| + |b_r|          (+ h·A with one parameter moved by h)
///     slope        A  = max_{r, p} Σ_{terms of p in row r} |a| + |c|·#border terms of p in row r   (1 for a bias)
///     reach        T  = max_p Σ_{terms of p} |a| + |c|·#border terms of p   (a bias: the rows of its map)
///
/// A is how fast an output moves per unit of one parameter (per unit of input
/// value), T how many products one parameter's gradient sums. For an
/// input-dependent layer, F₁, F₂, F₃ bound |f′|, |f″|, |f‴| everywhere (0 for
/// f″, f‴ of a piecewise linear kind on one piece), F₀ bounds |f| (nil: |f(z)| ≤ |z|),
/// and the column norm is the most windows whose maximum one unit can be.
struct LayerBounds {
    var rowNorm = 1.0
    var columnNorm = 1.0
    var constant = 0.0
    var slope = 0.0
    var reach = 0.0
    /// m − 1 + K + 3: the roundings one product meets in the forward pass (``Tolerance``),
    /// one more for the rounded perturbed weight and one for o + b.
    var forwardRoundings = 0
    /// m − 1 + L: the roundings of the input gradient W δ.
    var backwardRoundings = 0
    var valueBound: Double? = nil
    var derivatives = (1.0, 0.0, 0.0)
    /// True for an input-dependent layer that is piecewise linear (ReLU, max pooling).
    var isPiecewiseLinear = false
    var isInputDependent = false

    /// The bounds of a linear layer with weights `weights`.
    init(linear form: MatrixForm, weights: LayerWeights) {
        let tied = form.tied
        let c = abs(form.offsetScale)
        var rows = Array(repeating: 0.0, count: tied.rows)
        var columns = Array(repeating: 0.0, count: tied.columns)
        var reachByParameter = Array(repeating: 0.0, count: tied.parameterCount)
        var slopeInRow: [Int: Double] = [:]
        var currentRow = -1
        for (k, term) in tied.terms.enumerated() {
            if term.row != currentRow {
                slope = max(slope, slopeInRow.values.max() ?? 0)
                slopeInRow = [:]
                currentRow = term.row
            }
            let a = abs(tied.coefficient(ofTerm: k))
            let product = a * abs(weights.weight[term.parameter])
            rows[term.row] += product
            columns[term.column] += product
            reachByParameter[term.parameter] += a
            slopeInRow[term.parameter, default: 0] += a
        }
        slope = max(slope, slopeInRow.values.max() ?? 0)
        for entry in tied.constants {
            rows[entry.row] += abs(entry.value)
            columns[entry.column] += abs(entry.value)
        }
        var constants = (0..<tied.rows).map { r in abs(form.layer.biasParameter(ofRow: r).map { weights.bias?[$0] ?? 0 } ?? 0) }
        var borderSlope: [Int: Double] = [:]
        for term in form.borderTerms {
            constants[term.row] += c * abs(weights.weight[term.parameter])
            reachByParameter[term.parameter] += c
            borderSlope[term.parameter, default: 0] += c
        }
        let counts = RoundingCounts(form)
        rowNorm = rows.max() ?? 0
        columnNorm = columns.max() ?? 0
        constant = constants.max() ?? 0
        slope = max(slope, form.layer.biasShape == nil ? 0 : 1) + (borderSlope.values.max() ?? 0)
        let mapSize = max(1, form.layer.output.mapSize)
        reach = max(reachByParameter.max() ?? 0, form.layer.biasShape == nil ? 0 : Double(mapSize))
        forwardRoundings = counts.entry + counts.row + 3
        backwardRoundings = counts.entry - 1 + counts.column
    }

    /// The bounds of an input-dependent layer linearised at `x` (its Jacobian's column sums).
    init(inputDependent layer: any InputDependentLayer, jacobian: MatrixForm) {
        isInputDependent = true
        isPiecewiseLinear = layer.thirdDerivativeBound == 0
        var columns = Array(repeating: 0.0, count: jacobian.tied.columns)
        var rows = Array(repeating: 0.0, count: jacobian.tied.rows)
        for entry in jacobian.tied.constants {
            columns[entry.column] += abs(entry.value)
            rows[entry.row] += abs(entry.value)
        }
        let (f0, f1, f2) = Self.activationBounds(layer)
        valueBound = f0
        derivatives = (f1, f2, layer.thirdDerivativeBound)
        rowNorm = isPiecewiseLinear ? max(1, rows.max() ?? 0) : f1
        columnNorm = isPiecewiseLinear ? max(1, columns.max() ?? 0) : f1
    }

    /// sup|f| (nil when |f(z)| ≤ |z|), sup|f′| and sup|f″|:
    /// tanh 1, 1, 4/(3√3); σ 1, ¼, √3/18; A·tanh(S·z) A, A·S, A·S²·4/(3√3).
    static func activationBounds(_ layer: any InputDependentLayer) -> (Double?, Double, Double) {
        guard let activation = layer as? Activation else { return (nil, 1, 0) }
        let tanhBend = 4 / (3 * 3.0.squareRoot()) * (1 + 1e-12)
        switch activation.function {
        case .relu: return (nil, 1, 0)
        case .tanh: return (1, 1, tanhBend)
        case .sigmoid: return (1, 0.25, 3.0.squareRoot() / 18 * (1 + 1e-12))
        case .scaledTanh:
            let (a, s) = (Activation.scaledTanhAmplitude, Activation.scaledTanhSlope)
            return (a, a * s, a * s * s * tanhBend)
        }
    }
}
