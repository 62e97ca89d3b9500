/// Check 5: central differences of E = ½‖Wᵀx + o + b − target‖² against the backward pass.
extension Checker {
    /// E is quadratic in x and in the parameters, so the central difference
    ///
    ///     (E(u + h·e_k) − E(u − h·e_k)) / 2h = ∂E/∂u_k
    ///
    /// has no truncation error for any step h. With integer data and h = 1 every
    /// value is an integer or a half-integer and the check is exact, held to 0.
    ///
    /// y is linear in x and in the parameters, so a perturbed forward pass needs
    /// no new matrix: one forward pass y = Wᵀx + o + b, then
    ///
    ///     y(x ± h·e_c) = y ± h·Wᵀ[:, c]                          (a column of the dense Wᵀ)
    ///     y(v ± h·e_p) = y ± h·(T_p x + c·n_p)                   (T_p: p's terms with their coefficients,
    ///                                                             n_p: its border terms per row)
    ///     y(b ± h·e_j) = y ± h·1[β(r) = j]
    ///
    /// and E is evaluated in full on each. Up to ``finiteDifferenceSample``
    /// inputs and as many parameters are perturbed (a seeded sample beyond, and
    /// the note says so), whatever the size of Wᵀ.
    func finiteDifferences(_ m: MaterialisedConvolution, data: CheckData) -> CheckReport.Check {
        let weights = m.weights
        let y = m.forward(data.x)
        let residual = zip(y, data.target).map { $0 - $1 }
        let gradients = m.backward(input: data.x, outputGradient: residual)
        var worst = 0.0

        let inputs = sample(count: layer.input.count, limit: Self.finiteDifferenceSample, salt: 1)
        for c in inputs {
            let column = m.matrix.column(c)
            worst = max(worst, abs(centralDifference(y, direction: column.indices.map { ($0, column[$0]) }, data: data) - gradients.input[c, 0]))
        }

        let parameterCount = weights.weight.count + (weights.bias?.count ?? 0)
        let parameters = sample(count: parameterCount, limit: Self.finiteDifferenceSample, salt: 2)
        let directions = parameterDirections(parameters, weightCount: weights.weight.count, x: data.x)
        let analytic = gradients.weight + (gradients.bias ?? [])
        for p in parameters {
            worst = max(worst, abs(centralDifference(y, direction: directions[p] ?? [], data: data) - analytic[p]))
        }

        let exact = isExact(weights, data.x)
        let tolerance = exact ? 0 : realTolerance(data: data)
        let sampled = inputs.count < layer.input.count || parameters.count < parameterCount
        let note =
            "central differences with step 1 on \(inputs.count) of \(layer.input.count) inputs and \(parameters.count) of \(parameterCount) parameters"
            + (sampled ? " (a seeded sample)" : "") + (exact ? "; integers: exact" : "")
        return .ran(.finiteDifferences, error: worst, tolerance: tolerance, note: note)
    }

    /// (E(y + d) − E(y − d)) / 2 for the sparse direction d = [(row, value)], step 1.
    private func centralDifference(_ y: [Double], direction: [(row: Int, value: Double)], data: CheckData) -> Double {
        var plus = y, minus = y
        for (r, value) in direction {
            plus[r] += value
            minus[r] -= value
        }
        return (energy(plus, data.target) - energy(minus, data.target)) / 2
    }

    /// E = ½‖y − target‖².
    private func energy(_ y: [Double], _ target: [Double]) -> Double {
        0.5 * zip(y, target).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    /// ∂y/∂θ_p for each sampled parameter p (weights first, then biases), as sparse
    /// columns: a·x_c on row r for each term (r, c, p, a), c on row r for each border
    /// term, 1 on each row that adds bias j.
    private func parameterDirections(_ parameters: [Int], weightCount: Int, x: [Double]) -> [Int: [(row: Int, value: Double)]] {
        let wanted = Set(parameters)
        var directions: [Int: [(row: Int, value: Double)]] = [:]
        let tied = form.tied
        for (k, term) in tied.terms.enumerated() where wanted.contains(term.parameter) {
            directions[term.parameter, default: []].append((term.row, tied.coefficient(ofTerm: k) * x[term.column]))
        }
        for term in form.borderTerms where wanted.contains(term.parameter) {
            directions[term.parameter, default: []].append((term.row, form.offsetScale))
        }
        for r in 0..<layer.output.count {
            if let j = layer.biasParameter(ofRow: r), wanted.contains(weightCount + j) {
                directions[weightCount + j, default: []].append((r, 1))
            }
        }
        return directions
    }

    /// The bound with given (real) weights. Every output, perturbed or not, is at most
    /// F (``CheckRange``), every residual at most F + 3, and E± and each analytic
    /// gradient are sums whose products' absolute values add up to at most
    /// n·(F + 3)² (E ≤ ½·n·(F + 3)², a gradient of E ≤ n·(F + 3)·F). A product meets
    /// at most m + K + 1 roundings in y (``Tolerance``), 3 more in (y − t)² and the
    /// halving, n in the sum over outputs and 1 in E⁺ − E⁻; the analytic gradient
    /// takes the residual (m + K + 2) through at most m − 1 + max(L, 2n) more.
    /// E⁺ and E⁻ each err, and so does the gradient:
    ///
    ///     |FD − analytic| ≤ 3·γ_J·n·(F + 3)²,   J = m + K + n + max(L, 2n) + 6.
    ///
    /// Loose (F takes the largest weight of every run), but sound where the
    /// previous 2γ·(E⁺ + E⁻) was not: rounding in y that cancels (M_r ≫ |y_r|)
    /// enters E through the residual, not in proportion to E.
    private func realTolerance(data: CheckData) -> Double {
        let counts = RoundingCounts(form)
        let n = layer.output.count
        let range = CheckRange(form: form, data: data, given: givenWeights)
        let j = counts.entry + counts.row + n + max(counts.column, 2 * n) + 6
        return 3 * Tolerance.gamma(j) * Double(n) * (range.outputBound + 3) * (range.outputBound + 3)
    }

    /// All of 0..<count, or `limit` of them drawn without replacement, sorted.
    func sample(count: Int, limit: Int, salt: UInt64) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        var random = SplitMix64(seed: seed ^ (0xFD00 + salt))
        var chosen = Set<Int>()
        while chosen.count < limit { chosen.insert(random.nextInt(in: 0...(count - 1))) }
        return chosen.sorted()
    }
}
