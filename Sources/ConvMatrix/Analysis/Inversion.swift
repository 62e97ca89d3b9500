/// Undoing a layer: given its output y = Wᵀx + o + b, recover the input x.
///
/// The affine part is known, so it is subtracted first, ỹ = y − o − b, and what
/// remains is the linear system Wᵀ x = ỹ (m equations, n unknowns):
///
///     minimum norm   x̂   = argmin ‖x‖ over the minimisers of ‖Wᵀx − ỹ‖     (gelsd)
///     lost           x − x̂ = N Nᵀ x   when ỹ is exact                       (N: null-space basis)
///     Tikhonov       x_λ = argmin ‖Wᵀx − ỹ‖² + λ‖x‖² = Σ_{i ≤ r} σ_i/(σ_i² + λ) (u_iᵀ ỹ) v_i
///
/// The null space {x : Wᵀx = 0} is what the layer cannot see: a 'valid'
/// convolution loses the borders (n > m), circular differentiation loses the
/// constant (rank deficiency), average pooling over windows of k loses every
/// zero-mean pattern inside a window (k − 1 directions each). Any ``Layer`` can
/// be inverted; one without parameters has a constant Wᵀ and no weights. No method recovers that part; x̂ sets it to zero.
/// A small but nonzero σ_i is recoverable in principle, but noise in ỹ along u_i
/// comes back multiplied by 1/σ_i; x_λ trades that for a bias, damping the
/// components with σ_i² ≲ λ (filter factor σ_i²/(σ_i² + λ)).
public struct Inversion: Sendable {
    /// The input to recover.
    public let x: [Double]
    /// The layer's output y = Wᵀx + o + b, plus the noise if any.
    public let y: [Double]
    /// The noise added to y (zeros when none).
    public let noise: [Double]
    /// ỹ = y − o − b.
    public let linearOutput: [Double]
    /// The relative threshold below which σ_i counts as zero.
    public let rcond: Double
    /// gelsd's effective rank: #{σ_i > rcond·σ₁}.
    public let rank: Int
    /// σ₁ ≥ … ≥ σ_k of Wᵀ.
    public let singularValues: [Double]
    /// x̂, gelsd's minimum-norm solution.
    public let minimumNorm: [Double]
    /// An orthonormal basis of the null space: the rows of the full Vᵀ past the rank.
    public let nullSpaceBasis: [[Double]]
    /// λ of the Tikhonov solution.
    public let lambda: Double
    /// True when λ is the default (10⁻³·σ₁)², not given.
    public let lambdaIsDefault: Bool
    /// x_λ.
    public let tikhonov: [Double]
    /// ‖Wᵀx̂ − ỹ‖.
    public let residual: Double

    /// Recovers `x` from the output of `layer`, refusing before anything is
    /// allocated what exceeds the budgets (``requireBudgets(_:memory:flops:)``).
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget`, `.option` (see
    ///   ``init(_:x:noise:rcond:lambda:)``), `.shape` when the weights do not fit,
    ///   `.numerical` from LAPACK.
    public init(
        _ layer: any Layer, weights: LayerWeights, x: [Double], noise: [Double]? = nil,
        rcond: Double? = nil, lambda: Double? = nil, memory: MemoryBudget = .default, flops: FlopBudget = .default
    ) throws(ConvMatrixError) {
        try Self.requireBudgets(layer, memory: memory, flops: flops)
        try self.init(MaterialisedLayer(layer, weights: weights, budget: memory), x: x, noise: noise, rcond: rcond, lambda: lambda)
    }

    /// Recovers `x` from the output of a materialised layer, with optional additive noise.
    ///
    /// - Parameters:
    ///   - rcond: nil means ε·max(m, n) (``Matrix/defaultRcond(rows:columns:)``).
    ///   - lambda: nil means ``defaultLambda(spectralNorm:)``, (10⁻³·σ₁)².
    /// - Throws: ``ConvMatrixError`` of kind `.shape` on `x` or `noise` when its length
    ///   does not fit the layer; `.option` on `rcond` or `lambda` when one is negative
    ///   or not finite; `.numerical` (``FiniteValues`` states the rule) on `x` or
    ///   `noise` when a value is not finite or y overflows, on `weight` when ‖Wᵀ‖_F
    ///   does, on `lambda` when the default λ leaves the range of normal Doubles or x_λ
    ///   overflows, on `rcond` when x̂ overflows (a tiny σ inverted), and from LAPACK.
    /// - Complexity: one gelsd and one full SVD of the m×n Wᵀ (``flopEstimate(_:)``).
    public init(
        _ layer: MaterialisedLayer, x: [Double], noise: [Double]? = nil,
        rcond: Double? = nil, lambda: Double? = nil
    ) throws(ConvMatrixError) {
        for (field, value) in [("rcond", rcond), ("lambda", lambda)] {
            if let value, !(value.isFinite && value >= 0) {
                throw ConvMatrixError(.option, field: field, reason: "\(value) must be a finite number ≥ 0")
            }
        }
        let matrix = layer.matrix
        guard x.count == matrix.columns else {
            throw .shape("x", "\(x.count) units, but \(layer.layer.specDescription) on \(layer.layer.input) reads \(matrix.columns)")
        }
        let noise = noise ?? Array(repeating: 0, count: matrix.rows)
        guard noise.count == matrix.rows else {
            throw .shape("noise", "\(noise.count) units, but \(layer.layer.specDescription) on \(layer.layer.input) writes \(matrix.rows)")
        }
        try Self.requireFinite(x, noise)
        self.x = x
        self.noise = noise
        (y, linearOutput) = try Self.outputs(layer, x: x, noise: noise)
        try matrix.requireFactorable(field: "weight", name: "Wᵀ")
        let solved = try matrix.leastSquares(linearOutput, rcond: rcond)
        self.rcond = solved.rcond
        rank = solved.rank
        singularValues = solved.singularValues
        minimumNorm = solved.solution
        guard minimumNorm.allSatisfy(\.isFinite) else {
            throw ConvMatrixError(
                .numerical, field: "rcond",
                reason:
                    "the minimum-norm solution overflowed: singular values near zero were inverted; raise --rcond (it is \(FiniteValues.describe(solved.rcond)))"
            )
        }
        residual = euclideanNorm(zip(matrix.multiply(minimumNorm), linearOutput).map { $0 - $1 })
        let svd = try matrix.singularValueDecomposition(vectors: .full)
        nullSpaceBasis = Self.nullSpaceBasis(svd, rank: solved.rank)
        if let lambda {
            self.lambda = lambda
        } else {
            self.lambda = try Self.requireDefaultLambda(spectralNorm: svd.values.first ?? 0)
        }
        self.lambdaIsDefault = lambda == nil
        tikhonov = Self.tikhonov(svd, linearOutput, lambda: self.lambda, rank: solved.rank)
        guard tikhonov.allSatisfy(\.isFinite) else {
            throw ConvMatrixError(
                .numerical, field: "lambda",
                reason:
                    "the Tikhonov solution overflowed: singular values near zero were inverted with λ = \(FiniteValues.describe(self.lambda)); raise --lambda")
        }
        guard residual.isFinite, RecoveryError(x, minimumNorm).norm.isFinite, RecoveryError(x, tikhonov).norm.isFinite else {
            throw ConvMatrixError(
                .numerical, field: "x", reason: "the residual or the recovery error overflows the largest Double (\(FiniteValues.largest)); scale x down")
        }
    }

    /// n − rank: the dimension of what the layer cannot see.
    public var nullity: Int { x.count - rank }

    /// How far x̂ is from x.
    public var minimumNormError: RecoveryError { RecoveryError(x, minimumNorm) }

    /// How far x_λ is from x.
    public var tikhonovError: RecoveryError { RecoveryError(x, tikhonov) }

    /// ‖N Nᵀ x‖: the part of x in the null space, which no solution can recover.
    /// Without noise, the minimum-norm error equals it (to rounding).
    public var lostNorm: Double {
        var lost = Array(repeating: 0.0, count: x.count)
        for v in nullSpaceBasis {
            let coefficient = dot(v, x)
            for i in lost.indices { lost[i] += coefficient * v[i] }
        }
        return euclideanNorm(lost)
    }
}

/// ‖x̂ − x‖, relative to ‖x‖, and the largest entry of x̂ − x.
public struct RecoveryError: Sendable, Equatable {
    public let norm: Double
    /// ‖x̂ − x‖ / ‖x‖ (0 when x = 0 and x̂ = 0).
    public let relative: Double
    /// max_i |x̂_i − x_i|.
    public let largestEntry: Double

    public init(_ x: [Double], _ estimate: [Double]) {
        let difference = zip(estimate, x).map { $0 - $1 }
        norm = euclideanNorm(difference)
        let size = euclideanNorm(x)
        relative = size > 0 ? norm / size : norm
        largestEntry = difference.reduce(0) { max($0, abs($1)) }
    }
}
