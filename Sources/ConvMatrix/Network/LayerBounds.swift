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

    /// The bounds of a linear layer with weights `weights`, in one scan of its
    /// compressed rows (a dense layer's terms converted: the same entries in the same order).
    init(linear form: CompressedMatrixForm, weights: LayerWeights) {
        let (tied, border) = (form.tied, form.border)
        let c = abs(form.offsetScale)
        let v = weights.weight
        var columns = Array(repeating: 0.0, count: tied.columns)
        var columnCounts = Array(repeating: 0, count: tied.columns)
        var reachByParameter = Array(repeating: 0.0, count: tied.parameterCount)
        // Σ |a| of each parameter in the current row, reset through the parameters it touched.
        var inRow = Array(repeating: 0.0, count: tied.parameterCount)
        var touched: [Int] = []
        var constants = (0..<tied.rows).map { r in abs(form.layer.biasParameter(ofRow: r).map { weights.bias?[$0] ?? 0 } ?? 0) }
        var borderSlope = Array(repeating: 0.0, count: tied.parameterCount)
        var (entryRun, rowCount) = (1, 0)
        for r in 0..<tied.rows {
            var row = 0.0
            var previous: Int32 = -1
            var run = 0
            for k in tied.entries(inRow: r) {
                let (p, column) = (Int(tied.parameterIndices[k]), tied.columnIndices[k])
                let a = abs(tied.coefficient(ofEntry: k))
                let product = a * abs(v[p])
                row += product
                columns[Int(column)] += product
                columnCounts[Int(column)] += 1
                reachByParameter[p] += a
                if inRow[p] == 0 { touched.append(p) }
                inRow[p] += a
                run = column == previous ? run + 1 : 1
                previous = column
                entryRun = max(entryRun, run)
            }
            for p in touched {
                slope = max(slope, inRow[p])
                inRow[p] = 0
            }
            touched.removeAll(keepingCapacity: true)
            for k in tied.constants(inRow: r) {
                let value = abs(tied.constantValues[k])
                row += value
                columns[Int(tied.constantColumns[k])] += value
                columnCounts[Int(tied.constantColumns[k])] += 1
            }
            for k in border.entries(inRow: r) {
                let p = Int(border.parameterIndices[k])
                constants[r] += c * abs(v[p])
                reachByParameter[p] += c
                borderSlope[p] += c
            }
            rowNorm = r == 0 ? row : max(rowNorm, row)
            rowCount = max(rowCount, tied.entries(inRow: r).count + tied.constants(inRow: r).count + border.entries(inRow: r).count)
        }
        if tied.rows == 0 { rowNorm = 0 }
        columnNorm = columns.max() ?? 0
        constant = constants.max() ?? 0
        slope = max(slope, form.layer.biasShape == nil ? 0 : 1) + (borderSlope.max() ?? 0)
        let mapSize = max(1, form.layer.output.mapSize)
        reach = max(reachByParameter.max() ?? 0, form.layer.biasShape == nil ? 0 : Double(mapSize))
        // m, K and L as ``RoundingCounts`` counts them on the terms.
        let entry = entryRun + (tied.coefficients == nil ? 0 : 1)
        forwardRoundings = entry + rowCount + 3
        backwardRoundings = entry - 1 + (columnCounts.max() ?? 0)
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
