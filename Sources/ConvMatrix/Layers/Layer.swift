/// A layer kind as an explicit matrix: what the checker, the renderers and every
/// command need of a layer, whatever its kind.
///
///     y = Wᵀ x + o + b,      Wᵀ[r, c] = Σ_{terms (r, c, p, a)} a · v_p + κ[r, c]
///
/// Wᵀ's entries are linear forms in the layer's weights v (``TiedMatrix``);
/// o is an offset per output unit, a linear form in v that reads no input
/// (constant padding's c · Σ v_p over the border terms, ``MatrixForm``), and b
/// the bias, b_{β(r)} for output unit r. A layer without weights (pooling,
/// Flatten, Identity) has only constants.
///
/// Notes: forward is y = Wᵀx + o + b, backward δx = W δy (the same matrix,
/// transposed), and the weight gradient is the tied reduction of δy xᵀ; each
/// conforming kind states its own formula, adjoint and shapes in its doc
/// comment. Units are flattened as torch's `.flatten()` flattens a
/// (C, *spatial) tensor.
///
/// A new kind is one file conforming to this protocol plus one line in
/// ``LayerRegistry`` (docs/adding-a-layer.md).
public protocol Layer: Sendable {
    /// PyTorch's class name: `Conv2d`, `AvgPool2d`, `Linear`, `ConvTranspose1d`.
    var kind: String { get }
    /// The canonical spec, as `show` prints it: `AvgPool2d(kernel_size=2)`.
    var specDescription: String { get }
    /// The input shape x is read as.
    var input: TensorShape { get }
    /// The output shape y is written as.
    var output: TensorShape { get }
    /// The weight's shape in PyTorch's layout; [] for a layer without weights.
    var weightShape: [Int] { get }
    /// The bias's shape; nil for a layer without a bias.
    var biasShape: [Int]? { get }

    /// The name of weight parameter p, the flat index into the weight (v_{ji}^t, w_{ji}).
    func parameterName(_ p: Int) -> ParameterName
    /// β(r): the bias parameter output unit r adds, or nil without a bias.
    func biasParameter(ofRow r: Int) -> Int?
    /// The matrix form: Wᵀ's terms and constants, and the offset's terms.
    func matrixForm() -> MatrixForm

    /// The naive reference, written from the layer's formula with plain loops,
    /// sharing no index code with ``matrixForm()``: y for input x.
    ///
    /// Generic so that the checker can run it on formal variables
    /// (``SymbolicScalar``) and read off the matrix it computes.
    func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S]
    /// The reference input gradient δx = W δy, from the formula's adjoint.
    func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double]
    /// The reference weight gradient ∂E/∂v for input x and output gradient δy
    /// ([] for a layer without weights).
    func referenceWeightGradient(input x: [Double], outputGradient dy: [Double]) -> [Double]
    /// The reference bias gradient ∂E/∂b, nil without a bias (a default reads it off
    /// ``referenceForward(x:weight:bias:)``).
    func referenceBiasGradient(outputGradient dy: [Double]) -> [Double]?

    /// The reference on a sample, for the sparse check (Layer+SampledReference.swift,
    /// defaulted to the whole-layer reference): y at the flat output units `units`.
    func referenceForward(x: [Double], weight: [Double], bias: [Double]?, units: [Int]) -> [Double]
    /// δx = W δy at the flat input units `units`.
    func referenceInputGradient(outputGradient dy: [Double], weight: [Double], units: [Int]) -> [Double]
    /// ∂E/∂v at the flat weight indices `parameters`.
    func referenceWeightGradient(input x: [Double], outputGradient dy: [Double], parameters: [Int]) -> [Double]
    /// Rows `rows` of y = Wᵀx + o, each the formal linear form the reference computes
    /// on x_c for every input unit and v_p for every weight (no bias): what the
    /// sparse structure proof compares the sampled rows of Wᵀ with.
    func referenceFormalRows(_ rows: [Int]) -> [SymbolicScalar]
    /// What those sampled references cost, for the check's estimate (Checking/SampledReferenceCost.swift).
    var sampledReferenceCost: SampledReferenceCost { get }

    /// An upper bound on the terms and constants of Wᵀ, from the geometry alone,
    /// for the size guard (``ResourceEstimate``): what building the form will hold.
    var entryCountBound: Int { get }

    /// One sentence the text view adds about what the matrix means, or nil.
    var matrixNote: String? { get }

    /// Structural nonzeros of Wᵀ from the geometry alone, or nil for a kind (or
    /// configuration) without a rule, whose terms are then counted.
    var geometricNonzeroCount: Int? { get }
    /// LeCun's connections from the geometry alone (taps on the extended input,
    /// plus one per biased unit; a pooling's window entries), or nil without a rule.
    var geometricConnectionCount: Int? { get }
    /// The matrix LeCun's connections are read off: Wᵀ by default, Wᵀ_valid for a
    /// convolution (its border taps are connections), every window for max pooling.
    func connectionMatrix() -> TiedMatrix
    /// False for a map that acts unit by unit (an activation, Flatten, Identity):
    /// LeCun's table leaves it out.
    var hasConnections: Bool { get }
}

extension Layer {
    /// Weight parameters: ∏ weightShape, 0 without weights.
    public var weightParameterCount: Int { weightShape.isEmpty ? 0 : saturatingProduct(weightShape) }
    /// Bias parameters: ∏ biasShape, 0 without a bias.
    public var biasParameterCount: Int { biasShape.map { saturatingProduct($0) } ?? 0 }
    /// Weights and biases together.
    public var layerParameterCount: Int { saturatingSum(weightParameterCount, biasParameterCount) }

    /// The reference bias gradient ∂E/∂b = Σ_r δy_r ∂y_r/∂b, read off the
    /// reference forward run on formal bias variables (y is affine in b); nil
    /// without a bias.
    public func referenceBiasGradient(outputGradient dy: [Double]) -> [Double]? {
        guard biasShape != nil else { return nil }
        let zeroX = Array(repeating: SymbolicScalar.zero, count: input.count)
        let zeroWeight = Array(repeating: SymbolicScalar.zero, count: weightParameterCount)
        let bias = (0..<biasParameterCount).map { SymbolicScalar.parameter($0) }
        let y = referenceForward(x: zeroX, weight: zeroWeight, bias: bias)
        var gradient = Array(repeating: 0.0, count: biasParameterCount)
        for (r, value) in y.enumerated() {
            for (j, coefficient) in value.expanded.constantProducts { gradient[j] += coefficient * dy[r] }
        }
        return gradient
    }

    /// No note by default.
    public var matrixNote: String? { nil }

    /// No rule by default: the terms are counted.
    public var geometricNonzeroCount: Int? { nil }
    public var geometricConnectionCount: Int? { nil }
    public func connectionMatrix() -> TiedMatrix { matrixForm().tied }
    public var hasConnections: Bool { true }

    /// Output units that add a bias: all of them for a layer with one.
    var biasedUnitCount: Int { biasShape == nil ? 0 : output.count }

    /// By default every output unit may read fan_in inputs, or a whole input map
    /// for a layer without weights: a kind whose rows are shorter says so.
    public var entryCountBound: Int {
        saturatingProduct(output.count, max(1, fanIn, weightShape.isEmpty ? input.mapSize : 0))
    }
}
