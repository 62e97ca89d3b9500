import Testing

@testable import ConvMatrix

/// One layer on one input shape, named as a PyTorch spec so that a failure says which.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    let spec: ConvolutionSpec
    let input: TensorShape

    init(
        _ dimensions: Int, _ inChannels: Int, _ outChannels: Int, _ kernel: [Int], on input: [Int],
        stride: [Int]? = nil, padding: Padding? = nil, dilation: [Int]? = nil, groups: Int = 1,
        mode: PaddingMode = .zeros
    ) {
        spec = ConvolutionSpec(
            spatialDimensions: dimensions, inChannels: inChannels, outChannels: outChannels, kernelSize: kernel,
            stride: stride, padding: padding, dilation: dilation, groups: groups, bias: true, paddingMode: mode)
        self.input = TensorShape(channels: inChannels, spatial: input)
    }

    var testDescription: String {
        let t = ConvolutionSpec.tuple
        var arguments = ["\(spec.inChannels)", "\(spec.outChannels)", t(spec.kernelSize)]
        if spec.stride.contains(where: { $0 != 1 }) { arguments.append("stride=\(t(spec.stride))") }
        switch spec.padding {
        case .valid: arguments.append("padding='valid'")
        case .same: arguments.append("padding='same'")
        case .full: arguments.append("padding='full'")
        case .symmetric(let amounts): arguments.append("padding=\(t(amounts))")
        case .asymmetric(let pairs):
            arguments.append("padding=(" + pairs.map { "(\($0.before), \($0.after))" }.joined(separator: ", ") + ")")
        }
        if spec.dilation.contains(where: { $0 != 1 }) { arguments.append("dilation=\(t(spec.dilation))") }
        if spec.groups != 1 { arguments.append("groups=\(spec.groups)") }
        switch spec.paddingMode {
        case .zeros: break
        case .constant(let value): arguments.append("padding_mode='constant', padding_value=\(value)")
        default: arguments.append("padding_mode='\(spec.paddingMode.name)'")
        }
        return "\(spec.typeName)(\(arguments.joined(separator: ", "))) on \(input)"
    }

    var outputCount: Int { ReferenceConvolution.outputShape(spec: spec, input: input).count }

    func forward(_ x: [Double], _ w: [Double], _ b: [Double]?) -> [Double] {
        ReferenceConvolution.forward(spec: spec, input: input, x: x, weight: w, bias: b)
    }

    /// Small integers in −3 … 3, seeded by the case so that every run draws the same.
    func integers(_ count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: testDescription.utf8.count))
        return (0..<count).map { _ in Double(generator.nextInt(in: -3...3)) }
    }

    /// 1-D, 2-D and 3-D; stride 1, 2, 3; dilation 1, 2; groups 1, a divisor, depthwise;
    /// every padding mode; 'same' with even kernels; 'full'; asymmetric pairs; and the
    /// edges: 1x1 kernels, stride equal to kernel, kernel equal to input, windows that
    /// leave trailing units unread.
    static let all: [ReferenceCase] = [
        ReferenceCase(1, 2, 3, [3], on: [6]),
        ReferenceCase(1, 1, 2, [4], on: [7], padding: .same),
        ReferenceCase(1, 2, 2, [3], on: [7], stride: [2], padding: .symmetric([2]), mode: .reflect),
        ReferenceCase(1, 3, 3, [3], on: [6], padding: .full, dilation: [2], groups: 3),
        ReferenceCase(
            1, 2, 4, [2], on: [8], stride: [3], padding: .asymmetric([SidePadding(before: 1, after: 2)]),
            mode: .circular),
        ReferenceCase(1, 1, 1, [3], on: [5], padding: .symmetric([2]), mode: .constant(-1)),
        ReferenceCase(1, 1, 1, [2], on: [7], stride: [3]),
        ReferenceCase(1, 1, 1, [3], on: [9], stride: [3], mode: .replicate),
        ReferenceCase(
            2, 2, 4, [3, 2], on: [5, 6], stride: [2, 1], padding: .symmetric([1, 1]), groups: 2, mode: .replicate),
        ReferenceCase(2, 4, 4, [3, 3], on: [6, 7], padding: .same, dilation: [2, 2], groups: 4, mode: .reflect),
        ReferenceCase(
            2, 2, 3, [2, 3], on: [4, 5], stride: [1, 3],
            padding: .asymmetric([SidePadding(before: 0, after: 1), SidePadding(before: 2, after: 1)]),
            mode: .circular),
        ReferenceCase(2, 3, 2, [3, 3], on: [4, 4], padding: .full, dilation: [1, 2]),
        ReferenceCase(2, 2, 2, [2, 2], on: [4, 5], padding: .same, mode: .constant(2)),
        ReferenceCase(2, 2, 3, [1, 1], on: [3, 3]),
        ReferenceCase(2, 1, 2, [3, 4], on: [3, 4]),
        ReferenceCase(2, 4, 6, [2, 2], on: [5, 5], stride: [2, 2], groups: 2, mode: .circular),
        ReferenceCase(3, 2, 2, [2, 3, 2], on: [3, 4, 3], stride: [1, 2, 1], padding: .symmetric([1, 1, 1])),
        ReferenceCase(3, 2, 4, [3, 3, 3], on: [3, 3, 4], padding: .same, groups: 2, mode: .replicate),
        ReferenceCase(
            3, 1, 2, [2, 2, 2], on: [4, 3, 4], stride: [2, 2, 2], padding: .symmetric([1, 1, 1]),
            dilation: [2, 1, 2], mode: .reflect),
        ReferenceCase(
            3, 2, 2, [2, 2, 2], on: [2, 3, 3], stride: [3, 1, 2], padding: .symmetric([1, 0, 1]), groups: 2,
            mode: .constant(-2)),
    ]

    /// The cases whose forward map without bias is linear in x (every mode but constant).
    static let linear = all.filter { if case .constant = $0.spec.paddingMode { false } else { true } }
}

/// Gradients against central finite differences, and the adjoint (dot) identities.
///
/// E = ½‖y − t‖² is quadratic in each of x, w and b, so the central difference
/// (E(θ + 1) − E(θ − 1)) / 2 with step 1 is the exact derivative; with small
/// integer data every value is an integer or half-integer far below 2⁵³, so the
/// comparisons are exact equalities, no tolerance.
@Suite struct ReferenceGradientTests {
    struct Problem {
        let x: [Double], w: [Double], b: [Double], target: [Double]
    }

    static func problem(_ c: ReferenceCase) -> Problem {
        Problem(
            x: c.integers(c.input.count, seed: 1), w: c.integers(c.spec.weightParameterCount, seed: 2),
            b: c.integers(c.spec.outChannels, seed: 3), target: c.integers(c.outputCount, seed: 4))
    }

    static func energy(_ y: [Double], _ target: [Double]) -> Double {
        zip(y, target).reduce(0) { sum, pair in sum + 0.5 * (pair.0 - pair.1) * (pair.0 - pair.1) }
    }

    /// (E(θ + e_u) − E(θ − e_u)) / 2 for every component u of θ.
    static func centralDifferences(_ theta: [Double], _ energy: ([Double]) -> Double) -> [Double] {
        theta.indices.map { u in
            var plus = theta, minus = theta
            plus[u] += 1
            minus[u] -= 1
            return (energy(plus) - energy(minus)) / 2
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "dot: \(a.count) against \(b.count) values")
        return zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    @Test(arguments: ReferenceCase.all)
    func inputGradientMatchesFiniteDifferences(_ c: ReferenceCase) {
        let p = Self.problem(c)
        let delta = zip(c.forward(p.x, p.w, p.b), p.target).map { $0 - $1 }
        let dx = ReferenceConvolution.inputGradient(spec: c.spec, input: c.input, outputGradient: delta, weight: p.w)
        #expect(dx == Self.centralDifferences(p.x) { Self.energy(c.forward($0, p.w, p.b), p.target) })
    }

    @Test(arguments: ReferenceCase.all)
    func weightGradientMatchesFiniteDifferences(_ c: ReferenceCase) {
        let p = Self.problem(c)
        let delta = zip(c.forward(p.x, p.w, p.b), p.target).map { $0 - $1 }
        let dw = ReferenceConvolution.weightGradient(spec: c.spec, input: c.input, x: p.x, outputGradient: delta)
        #expect(dw == Self.centralDifferences(p.w) { Self.energy(c.forward(p.x, $0, p.b), p.target) })
    }

    @Test(arguments: ReferenceCase.all)
    func biasGradientMatchesFiniteDifferences(_ c: ReferenceCase) {
        let p = Self.problem(c)
        let delta = zip(c.forward(p.x, p.w, p.b), p.target).map { $0 - $1 }
        let db = ReferenceConvolution.biasGradient(spec: c.spec, input: c.input, outputGradient: delta)
        #expect(db == Self.centralDifferences(p.b) { Self.energy(c.forward(p.x, p.w, $0), p.target) })
    }

    /// ⟨Wᵀx, y⟩ = ⟨x, W y⟩: inputGradient is the adjoint of forward without bias.
    @Test(arguments: ReferenceCase.linear)
    func inputGradientIsTheAdjointOfForward(_ c: ReferenceCase) {
        let p = Self.problem(c)
        let y = c.integers(c.outputCount, seed: 5)
        let left = Self.dot(c.forward(p.x, p.w, nil), y)
        let right = Self.dot(
            p.x, ReferenceConvolution.inputGradient(spec: c.spec, input: c.input, outputGradient: y, weight: p.w))
        #expect(left == right, "⟨Wᵀx, y⟩ = \(left), ⟨x, W y⟩ = \(right)")
    }

    /// ⟨y(w), δy⟩ = ⟨w, ∂E/∂w(δy)⟩: for a fixed input, forward without bias is linear in w
    /// in every padding mode (constant padding only moves x̃).
    @Test(arguments: ReferenceCase.all)
    func weightGradientIsTheAdjointOfForwardInTheWeight(_ c: ReferenceCase) {
        let p = Self.problem(c)
        let y = c.integers(c.outputCount, seed: 5)
        let left = Self.dot(c.forward(p.x, p.w, nil), y)
        let right = Self.dot(
            p.w, ReferenceConvolution.weightGradient(spec: c.spec, input: c.input, x: p.x, outputGradient: y))
        #expect(left == right, "⟨y(w), δy⟩ = \(left), ⟨w, ∂E/∂w⟩ = \(right)")
    }
}
