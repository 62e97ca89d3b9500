/// The parts of an inversion that come from the full SVD Wᵀ = U Σ Vᵀ, and its cost.
extension Inversion {
    /// λ = (10⁻³·σ₁)²: the filter factor σ²/(σ² + λ) is ½ at σ = 10⁻³·σ₁, so
    /// components a thousand times weaker than the strongest are damped, and the
    /// rest pass nearly unchanged (0.99 at σ = 10⁻²·σ₁).
    public static func defaultLambda(spectralNorm: Double) -> Double {
        let scale = 1e-3 * spectralNorm
        return scale * scale
    }

    /// The rows of the full Vᵀ past the rank: an orthonormal basis of {x : Wᵀx = 0}
    /// (to rounding, for the singular values counted as zero).
    static func nullSpaceBasis(_ svd: SingularValueDecomposition, rank: Int) -> [[Double]] {
        guard let vt = svd.vt else { return [] }
        return (rank..<vt.rows).map { r in (0..<vt.columns).map { vt[r, $0] } }
    }

    /// The same null space in a form that does not depend on LAPACK's choice of
    /// basis: the reduced row-echelon basis (each vector 1 at its pivot unit and 0 at
    /// the others' pivots, pivots left to right) orthonormalised in order by
    /// Gram–Schmidt, each vector positive at its pivot. For [−1, 1] on a circle of n
    /// it is (1, …, 1)/√n.
    ///
    /// - Complexity: O(r²·n) for r vectors of n entries (for display: r and n small).
    public static func echelonBasis(_ basis: [[Double]]) -> [[Double]] {
        var rows = basis
        var pivotRow = 0
        for column in 0..<(rows.first?.count ?? 0) where pivotRow < rows.count {
            let best = (pivotRow..<rows.count).max { abs(rows[$0][column]) < abs(rows[$1][column]) } ?? pivotRow
            guard abs(rows[best][column]) > 1e-10 else { continue }
            rows.swapAt(pivotRow, best)
            let pivot = rows[pivotRow][column]
            rows[pivotRow] = rows[pivotRow].map { $0 / pivot }
            for r in rows.indices where r != pivotRow {
                let factor = rows[r][column]
                rows[r] = zip(rows[r], rows[pivotRow]).map { $0 - factor * $1 }
            }
            pivotRow += 1
        }
        var orthonormal: [[Double]] = []
        for row in rows.prefix(pivotRow) {
            var v = row
            for q in orthonormal {
                let projection = dot(q, v)
                v = zip(v, q).map { $0 - projection * $1 }
            }
            let norm = euclideanNorm(v)
            orthonormal.append(v.map { $0 / norm })
        }
        return orthonormal
    }

    /// x_λ = V · diag(σ_i/(σ_i² + λ)) · Uᵀ ỹ over the first `rank` singular pairs,
    /// the solution of the normal equations (W Wᵀ + λI) x = W ỹ restricted to the
    /// numerical range. The singular values gelsd counts as zero get factor 0, so
    /// that, like x̂, x_λ has no component in the null space, and x_0 = x̂.
    ///
    /// The factor is evaluated as 1/(σ + λ/σ), which equals σ/(σ² + λ) but never
    /// forms σ²: that underflows to 0 for σ below 1.5·10⁻¹⁵⁴ (so λ = 0 would divide
    /// by zero) and overflows for σ above 1.3·10¹⁵⁴. λ/σ = inf gives the right limit, 0.
    static func tikhonov(_ svd: SingularValueDecomposition, _ y: [Double], lambda: Double, rank: Int) -> [Double] {
        guard let u = svd.u, let vt = svd.vt else { return [] }
        let coefficients = u.multiply(y, transposed: true)
        var filtered = Array(repeating: 0.0, count: vt.rows)
        for (i, sigma) in svd.values.prefix(rank).enumerated() {
            filtered[i] = coefficients[i] / (sigma + lambda / sigma)
        }
        return vt.multiply(filtered, transposed: true)
    }

    /// Flops for `layer`: gelsd plus the full SVD (``FlopEstimate``).
    public static func flopEstimate(_ layer: any Layer) -> Double {
        let (m, n) = (layer.output.count, layer.input.count)
        return FlopEstimate.leastSquares(rows: m, columns: n)
            + FlopEstimate.singularValueDecomposition(rows: m, columns: n, vectors: .full)
    }

    /// Bytes for `layer`: Wᵀ with its parameters and terms (``Layer/materialisedEstimate``),
    /// gelsd's and gesdd's copies of Wᵀ, U (m×m), Vᵀ (n×n), and the null-space basis (at most n×n).
    public static func bytesEstimate(_ layer: any Layer) -> Int {
        let (m, n) = (layer.output.count, layer.input.count)
        let squares = saturatingSum(saturatingProduct(m, m), saturatingProduct(2, n, n))
        let doubles = saturatingSum(saturatingProduct(2, m, n), squares)
        return saturatingSum(saturatingProduct(doubles, MemoryLayout<Double>.stride), layer.materialisedEstimate.bytes)
    }

    /// Refuses, before anything is allocated, an inversion of `layer` beyond the budgets.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on `max-flops` or `max-memory`.
    public static func requireBudgets(_ layer: any Layer, memory: MemoryBudget, flops: FlopBudget) throws(ConvMatrixError) {
        let what =
            "inverting the \(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count)) Wᵀ of \(layer.specDescription) on \(layer.input) (gelsd and a full SVD)"
        try flops.require(flopEstimate(layer), for: what, alternatives: ["use a smaller input"])
        try memory.require(bytesEstimate(layer), for: what)
    }
}
