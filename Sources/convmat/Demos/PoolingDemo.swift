import ConvMatrix

/// Pooling as matrices: average and sum pooling are fixed matrices with no
/// parameters, max pooling is a selection matrix J(x) that changes with x, a
/// global pooling keeps one unit per map, and pooling on top of a convolution
/// turns its translation equivariance into invariance to small shifts.
///
///     average:  Wᵀ[r, u] = 1/k  for u in window r        sum:  Wᵀ[r, u] = 1
///     max:      J(x)[r, a(r)] = 1, a(r) = arg max_{u ∈ window r} x_u,   f(x) = J(x)·x
struct PoolingDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "Pooling as a matrix: averages, sums, selections and invariance"

    func steps() throws -> [DemoStep] {
        [
            DemoStep(
                title: "Average pooling: a fixed matrix with entries 1/k",
                explanation: """
                    An average pooling over windows of k units is a linear map with no parameters: row r of \
                    Wᵀ holds 1/k on the units of window r. Nothing is learned; the matrix is the layer.
                    """, body: try average()),
            DemoStep(
                title: "Sum pooling: the same windows with coefficient 1",
                explanation: """
                    Sum pooling, the slides' φ_struct = Σₛ φ(s), reads the same windows and adds them: its Wᵀ \
                    is k times the average's.
                    """, body: try sum()),
            DemoStep(
                title: "Max pooling: a selection J(x) that changes with x",
                explanation: """
                    Max pooling is not linear, but at a point x it is its Jacobian J(x): a 0/1 matrix with \
                    one 1 per row, at the window's arg-max, and f(x) = J(x)·x. Another x selects other units.
                    """, body: try maximum()),
            DemoStep(
                title: "Global pooling: one unit per map, whatever the length",
                explanation: """
                    A global pooling has one window per map: Wᵀ = I_C ⊗ 1ᵀ for the sum, I_C ⊗ 1ᵀ/L for the \
                    average. Inputs of any length give feature vectors of C units.
                    """, body: try global()),
            DemoStep(
                title: "Pooling after a convolution: invariance to small shifts",
                explanation: """
                    A convolution is equivariant: shifting x shifts Wᵀx. A pooling on top forgets where in \
                    its window a feature was, so shifts that keep the feature inside its window leave the \
                    pooled output unchanged.
                    """, body: try invariance()),
        ]
    }

    private func layer(_ spec: String, _ shape: String) throws -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: shape))
    }

    /// The dense matrix of a layer without parameters (or its Jacobian at its point).
    private func matrix(_ layer: any Layer) throws -> MaterialisedLayer {
        try MaterialisedLayer(layer, weights: LayerWeights(weight: [], bias: nil, for: layer))
    }

    private func integers(_ count: Int, offset: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed &+ offset)
        return (0..<count).map { _ in Double(random.nextInt(in: 0...6)) }
    }

    private func average() throws -> String {
        let pool = try layer("AvgPool1d(3)", "1x9")
        let tied = pool.matrixForm().tied
        guard let window = (pool as? SlidingPooling)?.kernelSize[0] else { preconditionFailure("AvgPool1d is a sliding pooling") }
        let ones = tied.constants.filter { $0.value == 1 / Double(window) }.count
        let x = integers(pool.input.count, offset: 1)
        let y = try matrix(pool).forward(x)
        let direct = pool.referenceForward(x: x, weight: [], bias: nil)
        return "\(pool.specDescription) on \(pool.input): k = \(window), \(tied.parameterCount) parameters\n"
            + DemoStyle.renderer().render(tied, input: pool.input, output: pool.output)
            + "\(ones) of \(tied.nonzeroCount) nonzeros are 1/k = \(NumberFormat.compact(1 / Double(window)))\n\n"
            + "x    = \(VectorText.tuple(x, width: 2))\n" + "Wᵀx  = \(VectorText.tuple(y, width: 6))\n"
            + "mean of each window, plain loops = \(VectorText.tuple(direct, width: 6))\n"
            + "max |difference| = \(NumberFormat.bounded(maxAbsDifference(y, direct), floor: 1e-12))\n"
    }

    private func sum() throws -> String {
        let pool = try layer("SumPool1d(3)", "1x9")
        let average = try matrix(layer("AvgPool1d(3)", "1x9")).matrix
        let sums = try matrix(pool).matrix
        guard let k = (pool as? SlidingPooling)?.kernelSize[0] else { preconditionFailure("SumPool1d is a sliding pooling") }
        let x = integers(pool.input.count, offset: 1)
        return "\(pool.specDescription) on \(pool.input): \(pool.matrixForm().tied.parameterCount) parameters\n"
            + DemoStyle.renderer().render(pool.matrixForm().tied, input: pool.input, output: pool.output)
            + "max |Wᵀ_sum − \(k)·Wᵀ_average| = \(NumberFormat.compact(maxAbsDifference(sums.storage, average.storage.map { Double(k) * $0 })))\n"
            + "Wᵀx = \(VectorText.tuple(sums.multiply(x), width: 3)) on the x above\n"
    }

    private func maximum() throws -> String {
        guard let pool = try layer("MaxPool1d(3)", "1x9") as? MaxPooling else { preconditionFailure("MaxPool1d is a max pooling") }
        let x = pool.drawPoint(seed: seed &+ 1)
        let other = x.map { -$0 }
        let (at, atOther) = (try pool.at(x: x), try pool.at(x: other))
        let (j, jOther) = (try matrix(at), try matrix(atOther))
        let rows = (0..<j.matrix.rows).filter { r in (0..<j.matrix.columns).contains { j.matrix[r, $0] != jOther.matrix[r, $0] } }
        let f = pool.value(at: x)
        return "x  = \(VectorText.tuple(x))\nx′ = −x = \(VectorText.tuple(other))\n\n"
            + SideBySide.matrices(("J(x)", at), ("J(x′): each maximum is now a minimum", atOther))
            + "\nJ(x) and J(x′) differ in \(rows.count) of \(j.matrix.rows) rows\n"
            + "f(x) = \(VectorText.tuple(f)), J(x)·x = \(VectorText.tuple(j.forward(x))): "
            + "max |difference| = \(NumberFormat.compact(maxAbsDifference(f, j.forward(x))))\n"
            + "f(x′) = \(VectorText.tuple(pool.value(at: other))), J(x′)·x′ = \(VectorText.tuple(jOther.forward(other)))\n"
    }

    private func global() throws -> String {
        let (sum, average) = (try layer("GlobalSumPool()", "2x4"), try layer("AdaptiveAvgPool1d(1)", "2x4"))
        let longer = try layer("GlobalSumPool()", "2x7")
        return SideBySide.matrices((sum.specDescription, sum), (average.specDescription, average))
            + "\n\(sum.specDescription) on \(sum.input) → \(sum.output) units, on \(longer.input) → \(longer.output) units\n"
    }

    /// A unit impulse in the middle of a pooling window, shifted by −2…2, through a
    /// convolution and then a sum and a max pooling. Its sign makes the
    /// response's largest entry positive, so that the max pooling sees it above the zeros.
    private func invariance() throws -> String {
        let conv = try layer("Conv1d(1, 1, 3, padding=1, bias=False)", "1x15")
        let m = try MaterialisedLayer(conv, weights: LayerWeights.integers(for: conv, seed: seed))
        let sums = try matrix(layer("SumPool1d(5)", "1x15"))
        guard let maxPool = try layer("MaxPool1d(5)", "1x15") as? MaxPooling else { preconditionFailure("MaxPool1d is a max pooling") }
        let centre = conv.input.count / 2
        let unit = (0..<conv.input.count).map { $0 == centre ? 1.0 : 0 }
        // The sign that makes the response's largest entry positive: a feature the max pooling sees.
        let sign: Double = (m.forward(unit).max { abs($0) < abs($1) } ?? 0) < 0 ? -1 : 1
        let impulse = unit.map { sign * $0 }
        let shifted = { (v: [Double], t: Int) in v.indices.map { v.indices.contains($0 - t) ? v[$0 - t] : 0 } }
        let z0 = m.forward(impulse)
        var lines = [
            "\(conv.specDescription), taps \(VectorText.tuple(m.weights.weight, width: 2)) (seed \(seed)),",
            "then Σ = \(sums.layer.specDescription) or M = \(maxPool.specDescription);",
            "x = \(sign < 0 ? "−" : "")e\(VectorText.subscripted(centre + 1)) of length \(conv.input.count) (signed so that Wᵀx peaks above 0);",
            "Sᵗ shifts by t units, zeros coming in",
            "Wᵀx = \(VectorText.tuple(z0, width: 2))", "",
            "max |difference| between",
            "  t    " + ["Wᵀ Sᵗx, Sᵗ Wᵀx", "Wᵀ Sᵗx, Wᵀx", "Σ Wᵀ Sᵗx, Σ Wᵀx", "M(Wᵀ Sᵗx), M(Wᵀx)"].map(Self.column).joined(),
        ]
        for t in -2...2 {
            let z = m.forward(shifted(impulse, t))
            let columns = [
                maxAbsDifference(z, shifted(z0, t)), maxAbsDifference(z, z0),
                maxAbsDifference(sums.forward(z), sums.forward(z0)), maxAbsDifference(maxPool.value(at: z), maxPool.value(at: z0)),
            ].map { Self.column(NumberFormat.compact($0)) }
            let label = (t > 0 ? "+\(t)" : "\(t)").leftPadded(to: 3)
            lines.append(label + "    " + columns.joined())
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    private static func column(_ text: String) -> String {
        text.padding(toLength: 18, withPad: " ", startingAt: 0)
    }
}
