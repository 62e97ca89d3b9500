/// PyTorch's `Linear(in_features, out_features, bias=True)` on one sample, as a
/// weight-sharing matrix. It acts on the input's last extent.
///
/// With L leading positions (every extent but the last, multiplied) and the
/// weight w of shape (out_features, in_features):
///
///     y[l, j]    = b_j + Σ_i w_{ji} · x[l, i]          (forward)
///     δx[l, i]   = Σ_j w_{ji} · δy[l, j]               (adjoint: δx = W δy)
///     ∂E/∂w_{ji} = Σ_l δy[l, j] · x[l, i]              (tied reduction of δy xᵀ)
///     Wᵀ         = I_L ⊗ w,   Wᵀ[l·out + j, l·in + i] = w_{ji}
///
/// On a vector (`--input 192`, L = 1) Wᵀ = w is dense and shares nothing: each
/// entry is its own parameter, the contrast that makes a convolution's sharing
/// visible. On (…, in_features) the one w is repeated along the block diagonal,
/// once per leading position, and so is the bias b_j.
///
/// Shapes: x is the input, whose last extent (``TensorShape/spatial``'s last,
/// or the channels of a vector) is in_features; y is the same shape with that
/// extent replaced by out_features; w is (out_features, in_features), b is
/// (out_features,). Row and column blocks are the output's and input's maps.
///
///     let layer = try LayerRegistry.layer(parsing: "Linear(6, 3)", input: TensorShape(parsing: "4x6"))
///     layer.output   // 4x3
public struct Linear: Hashable, Sendable {
    public let inFeatures: Int
    public let outFeatures: Int
    public let bias: Bool
    public let input: TensorShape
    public let output: TensorShape

    /// A linear layer on `input`.
    ///
    /// - Throws: ``ConvMatrixError``: `.spec` on `in_features`/`out_features` for a
    ///   count below 1 or above ``ConvolutionSpec/largestArgument``; `.shape` on
    ///   `input` when its last extent is not in_features or the matrix is too large.
    public init(inFeatures: Int, outFeatures: Int, bias: Bool = true, input: TensorShape) throws(ConvMatrixError) {
        for (name, value) in [("in_features", inFeatures), ("out_features", outFeatures)] {
            if let reason = Self.featureCountProblem(value) { throw .spec(name, reason) }
        }
        try self.init(checkedInFeatures: inFeatures, outFeatures: outFeatures, bias: bias, input: input)
    }

    /// The layer a parsed `Linear(…)` call writes, on `input`.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        let arguments = try SpecArguments(call, kind: "Linear", parameters: ["in_features", "out_features", "bias"], required: 2)
        let inFeatures = try arguments.integer("in_features")
        let outFeatures = try arguments.integer("out_features")
        for (name, value) in [("in_features", inFeatures), ("out_features", outFeatures)] {
            if let reason = Self.featureCountProblem(value) { throw arguments.error(name, reason) }
        }
        try call.refuseNone("bias", position: 2, "expected True or False, got None (PyTorch reads None as False: write bias=False)")
        let bias = try arguments.boolean("bias", default: true)
        try self.init(checkedInFeatures: inFeatures, outFeatures: outFeatures, bias: bias, input: input)
    }

    private init(checkedInFeatures inFeatures: Int, outFeatures: Int, bias: Bool, input: TensorShape) throws(ConvMatrixError) {
        let last = input.spatial.last ?? input.channels
        guard last == inFeatures else {
            throw .shape("input", "the last extent \(last) of \(input) is not in_features \(inFeatures)")
        }
        let output =
            input.spatial.isEmpty
            ? TensorShape(channels: outFeatures, spatial: [])
            : TensorShape(channels: input.channels, spatial: input.spatial.dropLast() + [outFeatures])
        let terms = saturatingProduct(input.count, outFeatures)
        guard terms <= ConvolutionSpec.largestCount else {
            throw .shape("input", "Linear(\(inFeatures), \(outFeatures)) on \(input) would have more than \(ConvolutionSpec.largestCount) terms")
        }
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.bias = bias
        self.input = input
        self.output = output
    }

    /// Why a feature count is refused, or nil. PyTorch refuses a negative count
    /// ("negative dimension") and accepts 0; a layer without units has an empty
    /// matrix, so ConvMatrix refuses 0 too.
    private static func featureCountProblem(_ value: Int) -> String? {
        if value < 1 { return "must be at least 1, got \(value) (a layer without features has an empty matrix)" }
        if value > ConvolutionSpec.largestArgument {
            return "\(value) is larger than \(ConvolutionSpec.largestArgument), the largest extent ConvMatrix accepts"
        }
        return nil
    }

    /// L: the leading positions the weight is shared across (1 on a vector).
    public var leadingPositions: Int { input.count / inFeatures }

    /// Terms of Wᵀ: L · out · in, one per entry of the block diagonal.
    public var termCount: Int { leadingPositions * outFeatures * inFeatures }

    /// `Linear(6, 3)` or `Linear(6, 3, bias=False)`: what PyTorch accepts, defaults omitted.
    public var canonical: String {
        "Linear(\(inFeatures), \(outFeatures)\(bias ? "" : ", bias=False"))"
    }
}

/// Linear as a ``Layer``: Wᵀ = I_L ⊗ w and the plain-loop reference (Reference/ReferenceLinear.swift).
extension Linear: Layer {
    public var kind: String { "Linear" }
    public var specDescription: String { canonical }
    /// On (…, in_features) the weight is shared across the leading positions.
    public var geometricNonzeroCount: Int? { termCount }
    public var geometricConnectionCount: Int? { saturatingSum(termCount, biasedUnitCount) }

    public var matrixNote: String? {
        leadingPositions == 1
            ? "a fully connected layer: every entry is its own weight wⱼᵢ, nothing is shared"
            : "Wᵀ = I\(UnicodeIndices.lowered(String(leadingPositions))) ⊗ W: the same \(outFeatures) × \(inFeatures) weight at each of the \(leadingPositions) leading positions"
    }
    /// (out_features, in_features).
    public var weightShape: [Int] { [outFeatures, inFeatures] }
    /// (out_features,), or nil with `bias=False`.
    public var biasShape: [Int]? { bias ? [outFeatures] : nil }

    /// w_{ji} for p = j · in + i (row-major over (out, in)), as v_{ji} with no tap.
    public func parameterName(_ p: Int) -> ParameterName {
        ParameterName(outputMap: p / inFeatures + 1, inputMap: p % inFeatures + 1, tap: [], letter: "w")
    }

    /// b_j for output unit r = l · out + j: the bias is shared across leading positions.
    public func biasParameter(ofRow r: Int) -> Int? { bias ? r % outFeatures : nil }

    /// Wᵀ[l·out + j, l·in + i] = w_{ji}: one copy of w per leading position l.
    public func matrixForm() -> MatrixForm {
        var terms: [Term] = []
        terms.reserveCapacity(termCount)
        for l in 0..<leadingPositions {
            for j in 0..<outFeatures {
                for i in 0..<inFeatures {
                    terms.append(Term(row: l * outFeatures + j, column: l * inFeatures + i, parameter: j * inFeatures + i))
                }
            }
        }
        let names = (0..<weightParameterCount).map(parameterName)
        let tied = TiedMatrix(
            rows: output.count, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: names, terms: terms)
        return MatrixForm(layer: self, tied: tied)
    }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceLinear.forward(inFeatures: inFeatures, outFeatures: outFeatures, x: x, weight: weight, bias: bias)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferenceLinear.inputGradient(inFeatures: inFeatures, outFeatures: outFeatures, outputGradient: dy, weight: weight)
    }

    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double]) -> [Double] {
        ReferenceLinear.weightGradient(inFeatures: inFeatures, outFeatures: outFeatures, x: x, outputGradient: dy)
    }

    /// Σ_l δy[l, j], from the reference's loops (not a formal run of L · out · in zero products).
    public func referenceBiasGradient(outputGradient dy: [Double]) -> [Double]? {
        bias ? ReferenceLinear.biasGradient(outFeatures: outFeatures, outputGradient: dy) : nil
    }
}

/// The sampled reference of the sparse check (Reference/ReferenceLinear+Samples.swift):
/// each unit, parameter or formal row at the cost of its own sum.
extension Linear {
    public func referenceForward(x: [Double], weight: [Double], bias: [Double]?, units: [Int]) -> [Double] {
        ReferenceLinear.forward(inFeatures: inFeatures, outFeatures: outFeatures, x: x, weight: weight, bias: bias, units: units)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double], units: [Int]) -> [Double] {
        ReferenceLinear.inputGradient(inFeatures: inFeatures, outFeatures: outFeatures, outputGradient: dy, weight: weight, units: units)
    }

    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double], parameters: [Int]) -> [Double] {
        ReferenceLinear.weightGradient(inFeatures: inFeatures, outFeatures: outFeatures, x: x, outputGradient: dy, parameters: parameters)
    }

    /// Row by row, with only that row's in_features inputs and weights formal: never all L · out · in.
    public func referenceFormalRows(_ rows: [Int]) -> [SymbolicScalar] {
        rows.map { ReferenceLinear.formalRow(inFeatures: inFeatures, outFeatures: outFeatures, leadingPositions: leadingPositions, row: $0) }
    }
}
