/// Check 5: central differences of E = ½‖Wᵀx + o + b − target‖² against the backward pass.
extension Checker {
    /// E is quadratic in x and in the parameters, so the central difference
    ///
    ///     (E(u + h·e_k) − E(u − h·e_k)) / 2h = ∂E/∂u_k
    ///
    /// has no truncation error for any step h. With integer data and h = 1 every
    /// value is an integer or a half-integer and the check is exact, held to 0.
    /// Each perturbed parameter rebuilds the dense Wᵀ from its terms; above
    /// ``finiteDifferenceSample`` inputs, or ``parameterSampleLimit(entryCount:)``
    /// parameters, a seeded sample is perturbed, and the note says so.
    func finiteDifferences(data: CheckData, budget: MemoryBudget) throws(ConvMatrixError) -> CheckReport.Check {
        let weights = givenWeights ?? data.integerWeights
        let m = try MaterialisedConvolution(form, weights: weights, budget: budget)
        let residual = zip(m.forward(data.x), data.target).map { $0 - $1 }
        let gradients = m.backward(input: data.x, outputGradient: residual)
        let energy = { (y: [Double]) in 0.5 * zip(y, data.target).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        var worst = 0.0

        let inputs = sample(count: layer.input.count, limit: Self.finiteDifferenceSample, salt: 1)
        for c in inputs {
            var plus = data.x, minus = data.x
            plus[c] += 1
            minus[c] -= 1
            let (ePlus, eMinus) = (energy(m.forward(plus)), energy(m.forward(minus)))
            worst = max(worst, abs((ePlus - eMinus) / 2 - gradients.input[c, 0]))
        }

        let parameterCount = weights.weight.count + (weights.bias?.count ?? 0)
        let parameters = sample(count: parameterCount, limit: Self.parameterSampleLimit(entryCount: form.tied.entryCount), salt: 2)
        let analytic = gradients.weight + (gradients.bias ?? [])
        for p in parameters {
            let (ePlus, eMinus) = (
                try perturbedEnergy(weights, p, by: 1, x: data.x, energy: energy, budget: budget),
                try perturbedEnergy(weights, p, by: -1, x: data.x, energy: energy, budget: budget)
            )
            worst = max(worst, abs((ePlus - eMinus) / 2 - analytic[p]))
        }

        let exact = isExact(weights, data.x)
        let tolerance = exact ? 0 : realTolerance(data: data)
        let sampled = inputs.count < layer.input.count || parameters.count < parameterCount
        let note =
            "central differences with step 1 on \(inputs.count) of \(layer.input.count) inputs and \(parameters.count) of \(parameterCount) parameters"
            + (sampled ? " (a seeded sample)" : "") + (exact ? "; integers: exact" : "")
        return .ran(.finiteDifferences, error: worst, tolerance: tolerance, note: note)
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

    /// How many parameters finite differences perturb at most: 200
    /// (``finiteDifferenceSample``), fewer when Wᵀ is large, because each perturbed
    /// parameter rebuilds the dense Wᵀ twice: at most ``finiteDifferenceEntryBudget``
    /// entries rebuilt in all, and never fewer than 8 parameters.
    /// `Conv2d(4, 12, 5)` on 4x14x14 (940,800 entries) perturbs 53 of its 1,212.
    public static func parameterSampleLimit(entryCount: Int) -> Int {
        min(finiteDifferenceSample, max(8, finiteDifferenceEntryBudget / max(1, entryCount)))
    }

    /// E with parameter p (weights first, then biases) moved by `step`.
    private func perturbedEnergy(
        _ weights: LayerWeights, _ p: Int, by step: Double, x: [Double],
        energy: ([Double]) -> Double, budget: MemoryBudget
    ) throws(ConvMatrixError) -> Double {
        var moved = weights
        if p < moved.weight.count {
            moved.weight[p] += step
        } else {
            moved.bias?[p - moved.weight.count] += step
        }
        return energy(try MaterialisedConvolution(form, weights: moved, budget: budget).forward(x))
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
