/// The checker: proves, for one layer configuration, that the matrix form is the
/// sliding-window convolution, and verifies every gradient identity of the slides.
///
///     let report = Checker(layer: layer).run()
///     #expect(report.passed)
///
/// Each check compares the matrix form (BLAS products on Wᵀ and its tied
/// reduction) with the naive reference, which shares no index arithmetic with
/// it. docs/checker.md explains what each check proves.
public struct Checker: Sendable {
    /// Above this many taps the structure proof runs, by default, on a sample of input units.
    public static let defaultStructureTapLimit = 2_000_000
    /// Finite differences perturb at most this many inputs and this many parameters.
    public static let finiteDifferenceSample = 200

    /// The layer checked.
    public let layer: any Layer
    /// The terms form, or nil on the sparse path (``SparsePath``).
    private let termsForm: MatrixForm?
    public let seed: UInt64
    /// The user's weights, which replace the integer forward run; nil to draw them.
    public let givenWeights: LayerWeights?
    /// Above this many taps the structure proof tracks a seeded sample of input units.
    public var structureTapLimit = Checker.defaultStructureTapLimit

    /// A checker for `layer`'s own matrix form: its compressed form when
    /// ``SparsePath/applies(to:termLimit:denseEntryLimit:)`` (Checker+Sparse.swift), else its terms.
    ///
    /// - Parameters:
    ///   - sparseTermLimit: the rule's term limit; tests lower it to force a convolution or a linear layer onto the sparse path.
    ///   - sparseDenseLimit: the rule's dense limit; tests lower it to force any kind onto the sparse path.
    public init(
        layer: any Layer, seed: UInt64 = 0, weights: LayerWeights? = nil, sparseTermLimit: Int = SparsePath.termLimit,
        sparseDenseLimit: Int = SparsePath.denseEntryLimit
    ) {
        self.layer = layer
        termsForm = SparsePath.applies(to: layer, termLimit: sparseTermLimit, denseEntryLimit: sparseDenseLimit) ? nil : layer.matrixForm()
        self.seed = seed
        self.givenWeights = weights
    }

    /// A checker for a matrix form from outside, e.g. a deliberately corrupted one.
    public init(form: MatrixForm, seed: UInt64 = 0, weights: LayerWeights? = nil) {
        layer = form.layer
        termsForm = form
        self.seed = seed
        self.givenWeights = weights
    }

    /// True when the check runs on the compressed form, without a ``TiedMatrix``.
    public var usesSparsePath: Bool { termsForm == nil }

    /// The terms form the checks of the terms path read.
    ///
    /// - Precondition: not on the sparse path.
    public var form: MatrixForm {
        guard let termsForm else { preconditionFailure("the sparse path of \(layer.specDescription) has no terms form") }
        return termsForm
    }

    /// Runs every check.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` when the dense matrix exceeds `budget`;
    ///   `.numerical` when the data could take a computed value beyond the Double range
    ///   (``CheckRange``): overflow is bad input, never a failed check.
    public func run(budget: MemoryBudget = .default) throws(ConvMatrixError) -> CheckReport {
        if usesSparsePath { return try runSparse(budget: budget) }
        let data = CheckData(layer: layer, seed: seed)
        try CheckRange(form: form, data: data, given: givenWeights).require()
        let integerLayer = try MaterialisedConvolution(form, weights: data.integerWeights, budget: budget)
        let realLayer = try MaterialisedConvolution(form, weights: data.realWeights, budget: budget)
        let givenLayer = try givenWeights.map { w throws(ConvMatrixError) in try MaterialisedConvolution(form, weights: w, budget: budget) }
        var checks = [structure()]
        if let givenLayer {
            checks.append(.skipped(.forwardIntegers, because: "replaced by the given weights"))
            checks.append(forward(givenLayer, x: data.x, name: .forwardGivenWeights))
        } else {
            checks.append(forward(integerLayer, x: data.x, name: .forwardIntegers))
            checks.append(.skipped(.forwardGivenWeights, because: "no --weight given"))
        }
        checks.append(forward(realLayer, x: data.realX, name: .forwardReals))
        let gradientLayer = givenLayer ?? integerLayer
        checks.append(inputGradient(gradientLayer, dy: data.dy))
        checks.append(weightGradient(gradientLayer, x: data.x, dy: data.dy))
        checks.append(biasGradient(gradientLayer, x: data.x, dy: data.dy))
        checks.append(offset(gradientLayer))
        let point = (layer as? any InputDependentLayer).map { ($0, $0.pointValues) }
        if let (nonlinear, x) = point {
            checks.insert(forwardAtPoint(nonlinear, x: x), at: 1)
            checks.append(finiteDifferencesAtPoint(nonlinear, x: x, jacobian: integerLayer.matrix))
        } else {
            checks.append(finiteDifferences(gradientLayer, data: data))
        }
        checks.append(adjoint(gradientLayer, x: data.x, y: data.dy))
        try CheckRange.requireFiniteResults(checks)
        return CheckReport(
            spec: layer.specDescription, input: layer.input, seed: seed, point: point?.1,
            pointSource: point?.0.point.sourceDescription, checks: checks)
    }
}

/// The seeded data every check draws from: small nonzero integers for exact runs, reals
/// (PyTorch's initialisation, inputs uniform in ±1) for the rounding-bound run.
struct CheckData {
    let integerWeights: LayerWeights
    let realWeights: LayerWeights
    let x: [Double]
    let realX: [Double]
    let dy: [Double]
    let target: [Double]

    init(layer: any Layer, seed: UInt64) {
        integerWeights = LayerWeights.integers(for: layer, seed: seed)
        realWeights = LayerWeights.pytorchDefault(for: layer, seed: seed)
        var random = SplitMix64(seed: seed ^ 0x5EED)
        // Nonzero integers: a zero in x or δy would hide a corrupted entry it multiplies.
        x = (0..<layer.input.count).map { _ in Double(random.nextSmallNonzeroInteger()) }
        realX = (0..<layer.input.count).map { _ in random.nextSymmetric(bound: 1) }
        dy = (0..<layer.output.count).map { _ in Double(random.nextSmallNonzeroInteger()) }
        target = (0..<layer.output.count).map { _ in Double(random.nextInt(in: -3...3)) }
    }
}
