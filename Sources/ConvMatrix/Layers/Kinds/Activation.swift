import Foundation

/// The elementwise activations: PyTorch's `ReLU()`, `Tanh()` and `Sigmoid()`,
/// and LeCun 1989's scaled tanh as a ConvMatrix extension, `ScaledTanh()`.
///
///     ReLU:        f(x) = max(0, x)              f′(x) = 1 if x > 0, else 0   (ReLU′(0) = 0, as in PyTorch)
///     Tanh:        f(x) = tanh(x)                f′(x) = 1 − tanh²(x)
///     Sigmoid:     f(x) = σ(x) = 1/(1 + e⁻ˣ)     f′(x) = σ(x)·(1 − σ(x))
///     ScaledTanh:  f(x) = A·tanh(S·x)            f′(x) = A·S·(1 − tanh²(S·x)),   A = 1.7159, S = 2/3
///
/// Each is input-dependent (``InputDependentLayer``): at x its matrix is the
/// diagonal Jacobian
///
///     Wᵀ(x) = J(x) = diag(f′(x₁), …, f′(x_n)),     δx = J(x) δy = f′(x) ∘ δy
///
/// (zero entries, ReLU′ on x ≤ 0 or an underflowing tanh′, are left out).
/// Shapes: any input; y has x's shape. No weight, no bias.
///
/// x is drawn as quarters k/4 with k uniform in ±{1, …, 8}: within ±2, where
/// tanh and σ bend, and never within ¼ of ReLU's kink at 0.
///
///     let layer = try LayerRegistry.layer(parsing: "Tanh()", input: TensorShape(parsing: "2x3"))
///     layer.matrixForm().tied.constants.count   // 6: the diagonal
public struct Activation: InputDependentLayer, ParameterFreeLayer, Hashable {
    /// Which function is applied to every unit.
    public enum Function: String, CaseIterable, Hashable, Sendable {
        case relu = "ReLU"
        case tanh = "Tanh"
        case sigmoid = "Sigmoid"
        case scaledTanh = "ScaledTanh"
    }

    /// LeCun's A and S in f(x) = A·tanh(S·x).
    public static let scaledTanhAmplitude = 1.7159
    public static let scaledTanhSlope = 2.0 / 3.0

    public let function: Function
    /// ReLU's `inplace`, kept only so that the printed spec is the one written.
    public let inplace: Bool
    public let input: TensorShape
    public var point: JacobianPoint = .seed(JacobianPoint.defaultSeed)

    public init(_ function: Function, input: TensorShape, inplace: Bool = false) {
        self.function = function
        self.input = input
        self.inplace = inplace
    }

    /// The layer a parsed `ReLU(inplace=False)`, `Tanh()`, `Sigmoid()` or `ScaledTanh()` writes.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` for an argument the class does not take.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        guard let function = Function(rawValue: call.name) else { preconditionFailure("\(call.name) is not an activation") }
        let parameters = function == .relu ? ["inplace"] : []
        let arguments = try SpecArguments(call, kind: call.name, parameters: parameters, required: 0)
        self.init(function, input: input, inplace: function == .relu ? try arguments.boolean("inplace", default: false) : false)
    }

    public var kind: String { function.rawValue }
    public var specDescription: String { inplace ? "\(kind)(inplace=True)" : "\(kind)()" }
    public var output: TensorShape { input }

    /// f(x), unit by unit.
    public func value(at x: [Double]) -> [Double] { x.map(function.value) }

    /// f′(x), unit by unit: the diagonal of J(x).
    public func derivative(at x: [Double]) -> [Double] { x.map(function.derivative) }

    public var jacobianFormula: String {
        switch function {
        case .relu: return "diag(1[x > 0])"
        case .tanh: return "diag(1 − tanh²(x))"
        case .sigmoid: return "diag(σ(x)·(1 − σ(x)))"
        case .scaledTanh: return "diag(1.7159·⅔·(1 − tanh²(⅔x)))"
        }
    }

    public var jacobianLatex: String {
        switch function {
        case .relu: return "\\operatorname{diag}(\\mathbf{1}[x > 0])"
        case .tanh: return "\\operatorname{diag}(1 - \\tanh^2(x))"
        case .sigmoid: return "\\operatorname{diag}(\\sigma(x)\\,(1 - \\sigma(x)))"
        case .scaledTanh: return "\\operatorname{diag}(1.7159 \\cdot \\tfrac{2}{3} (1 - \\tanh^2(\\tfrac{2}{3} x)))"
        }
    }

    /// max |f‴|: 2 for tanh (at 0), 1/8 for σ (at 0), A·S³·2 for the scaled tanh, 0 for ReLU off its kink.
    public var thirdDerivativeBound: Double {
        switch function {
        case .relu: return 0
        case .tanh: return 2
        case .sigmoid: return 0.125
        case .scaledTanh: return 2 * Self.scaledTanhAmplitude * Self.scaledTanhSlope * Self.scaledTanhSlope * Self.scaledTanhSlope
        }
    }

    /// Quarters k/4, k uniform in ±{1, …, 8}.
    public func drawPoint(seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<input.count).map { _ in
            let k = random.nextInt(in: 1...8)
            return Double(random.nextInt(in: 0...1) == 0 ? k : -k) / 4
        }
    }

    /// ReLU's kink is at 0: the unit nearest to it. The others are smooth.
    public func nearestKink(to x: [Double]) -> Kink? {
        guard function == .relu, let nearest = x.indices.min(by: { abs(x[$0]) < abs(x[$1]) }) else { return nil }
        return Kink(distance: abs(x[nearest]), description: "x[\(nearest)] = \(NumberFormat.compact(x[nearest])) and ReLU's kink at 0")
    }

    public var entryCountBound: Int { input.count }
    /// J(x)'s support at any x: the diagonal (a zero slope is still the structure).
    public var geometricNonzeroCount: Int? { input.count }
    /// f acts unit by unit: no connections.
    public var hasConnections: Bool { false }

    public var matrixNote: String? {
        "x \(point.sourceDescription); entry u is f′(x_u), the zero ones left out."
    }
}

extension Activation.Function {
    /// f(x).
    func value(_ x: Double) -> Double {
        switch self {
        case .relu: return x > 0 ? x : 0
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return 1 / (1 + exp(-x))
        case .scaledTanh: return Activation.scaledTanhAmplitude * Foundation.tanh(Activation.scaledTanhSlope * x)
        }
    }

    /// f′(x), written as ``ReferenceActivation`` writes it, so that both round alike.
    func derivative(_ x: Double) -> Double {
        switch self {
        case .relu: return x > 0 ? 1 : 0
        case .tanh:
            let t = Foundation.tanh(x)
            return 1 - t * t
        case .sigmoid:
            let s = 1 / (1 + exp(-x))
            return s * (1 - s)
        case .scaledTanh:
            let t = Foundation.tanh(Activation.scaledTanhSlope * x)
            return Activation.scaledTanhAmplitude * Activation.scaledTanhSlope * (1 - t * t)
        }
    }
}

/// The Jacobian as a ``Layer``: diag(f′(x)) and the plain-loop reference.
extension Activation {
    /// Wᵀ(x)[u, u] = f′(x_u), the zero ones left out.
    ///
    /// - Complexity: O(n) for n = input.count.
    public func matrixForm() -> MatrixForm {
        let slopes = derivative(at: pointValues)
        let constants = slopes.indices.compactMap { u in slopes[u] == 0 ? nil : ConstantEntry(row: u, column: u, value: slopes[u]) }
        let tied = TiedMatrix(
            rows: input.count, columns: input.count, rowBlockSize: input.mapSize, columnBlockSize: input.mapSize,
            parameters: [], terms: [], constants: constants)
        return MatrixForm(layer: self, tied: tied)
    }

    public func referenceValue(at x: [Double]) -> [Double] {
        ReferenceActivation.value(function, x: x)
    }

    public func referenceForward<S: ReferenceScalar>(x u: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceActivation.jacobianProduct(function, at: pointValues, u)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferenceActivation.jacobianProduct(function, at: pointValues, dy)
    }

}
