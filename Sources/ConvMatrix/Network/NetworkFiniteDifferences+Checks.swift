/// The differences themselves: each class's sampled directions, against the backward pass at x.
extension NetworkFiniteDifferences {
    /// ∂E/∂x, then ∂E/∂θ layer by layer.
    ///
    /// - Throws: ``ConvMatrixError``: `.budget` when a Jacobian or a rebuilt layer exceeds `budget`.
    func checks(budget: MemoryBudget) throws(ConvMatrixError) -> [NetworkCheckReport.Check] {
        let (inputs, y) = trace
        let gradients = try materialised.backward(input: x, outputGradient: y)
        var checks = [inputCheck(gradients.input)]
        for layer in parameterLayers {
            checks.append(try parameterCheck(layer, gradients: gradients.layers[layer.name], inputs: inputs, budget: budget))
        }
        return checks
    }

    static func energy(_ y: [Double]) -> Double { y.reduce(0) { $0 + $1 * $1 } / 2 }

    /// Input directions whose ± evaluations run as one batch.
    static let directionsPerBatch = 16

    /// u with u_k moved by `step`.
    static func moving(_ u: [Double], at k: Int, by step: Double) -> [Double] {
        var moved = u
        moved[k] += step
        return moved
    }

    private func inputCheck(_ analytic: [Double]) -> NetworkCheckReport.Check {
        let name = "∂E/∂x"
        guard let chosen = steps[""] ?? nil else { return .skipped(name, because: noStepNote) }
        let h = chosen.step
        let limit = min(Checker.finiteDifferenceSample, NetworkChecker.directionLimit(for: network))
        let sampled = Self.sample(count: x.count, limit: limit, seed: seed, salt: 1)
        var worst = 0.0
        // x ± h·e_k for several k as one batch: one pass over each layer's structure per chunk.
        for start in stride(from: 0, to: sampled.count, by: Self.directionsPerBatch) {
            let chunk = sampled[start..<min(start + Self.directionsPerBatch, sampled.count)]
            let moved = chunk.flatMap { k in [-h, h].map { step in Self.moving(x, at: k, by: step) } }
            let y = materialised.forward(batch: Matrix(columns: moved, rows: x.count))
            for (j, k) in chunk.enumerated() {
                let quotient = (Self.energy(y.column(2 * j + 1)) - Self.energy(y.column(2 * j))) / (2 * h)
                worst = max(worst, abs(quotient - analytic[k]))
            }
        }
        return .ran(name, error: worst, tolerance: chosen.tolerance, note: note(step: h, sampled: sampled.count, of: x.count, what: "inputs", limit: limit))
    }

    private func parameterCheck(
        _ layer: NetworkLayer, gradients: Gradients?, inputs: [String: [Double]], budget: MemoryBudget
    ) throws(ConvMatrixError) -> NetworkCheckReport.Check {
        let name = "∂E/∂θ \(layer.name)"
        guard let chosen = steps[layer.name] ?? nil, let m = materialised.linear[layer.name], let gradients else {
            return .skipped(name, because: noStepNote)
        }
        let h = chosen.step
        let weights = m.weights
        let count = weights.weight.count + (weights.bias?.count ?? 0)
        let analytic = gradients.weight + (gradients.bias ?? [])
        let limit = min(NetworkChecker.parameterSampleLimit(entryCount: layer.layer.entryCount), NetworkChecker.directionLimit(for: network))
        let sampled = Self.sample(count: count, limit: limit, seed: seed, salt: 2 &+ UInt64(layer.line))
        var worst = 0.0
        for p in sampled {
            let plus = try energy(moving: p, of: m, named: layer.name, by: h, inputs: inputs, budget: budget)
            let minus = try energy(moving: p, of: m, named: layer.name, by: -h, inputs: inputs, budget: budget)
            worst = max(worst, abs((plus - minus) / (2 * h) - analytic[p]))
        }
        return .ran(name, error: worst, tolerance: chosen.tolerance, note: note(step: h, sampled: sampled.count, of: count, what: "parameters", limit: limit))
    }

    /// E with parameter p of `m` (weights first, then biases) moved by `step`.
    private func energy(
        moving p: Int, of m: LayerPasses, named name: String, by step: Double, inputs: [String: [Double]], budget: MemoryBudget
    ) throws(ConvMatrixError) -> Double {
        var moved = m.weights
        if p < moved.weight.count {
            moved.weight[p] += step
        } else {
            moved.bias?[p - moved.weight.count] += step
        }
        let rebuilt = try m.with(moved, budget: budget)
        let network = materialised.replacing(name, with: rebuilt)
        // Up to a top-level layer nothing has moved: the pass resumes there from the input it saw.
        if let input = inputs[name], let y = network.forward(resumingAt: name, input: input) { return Self.energy(y) }
        return Self.energy(network.forward(x))
    }

    private func note(step h: Double, sampled: Int, of count: Int, what: String, limit: Int) -> String {
        let budgeted = limit == NetworkChecker.directionLimit(for: network) && limit < Checker.finiteDifferenceSample
        let sample =
            sampled >= count
            ? "" : budgeted ? " (a seeded sample, sized to \(NetworkChecker.finiteDifferenceWorkNote) of forward passes)" : " (a seeded sample)"
        return "central differences of E = ½‖y‖² with step \(Checker.powerOfTwo(h)) on \(sampled) of \(count) \(what)\(sample)"
            + (exact ? "; integers: exact" : "; τ = h²·|E‴|/6 + εE/h + εg")
    }

    private var noStepNote: String {
        if let reach = roundingReach {
            return "not certified at any step: at \(reach.name)'s input the rounding bound 2·Er = \(Checker.noteDistance(reach.error)) "
                + "reaches the nearest kink, \(Checker.noteDistance(reach.distance)) away (NetworkBounds' ∞-norm bounds grow with every layer); "
                + "the layers' own checks above stand"
        }
        let kink = nearestKink?.description ?? "none"
        return "no step down to 2⁻⁴⁰ keeps the segment off the nearest kink (\(kink)) after \(NetworkChecker.drawAttempts) draws of x"
    }

    /// All of 0..<count, or `limit` of them drawn without replacement, sorted.
    static func sample(count: Int, limit: Int, seed: UInt64, salt: UInt64) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        var random = SplitMix64(seed: seed ^ (0xFD00 &+ salt))
        var chosen = Set<Int>()
        while chosen.count < limit { chosen.insert(random.nextInt(in: 0...(count - 1))) }
        return chosen.sorted()
    }
}
