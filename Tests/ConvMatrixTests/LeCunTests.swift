import Testing

@testable import ConvMatrix

/// LeCun 1989's extensions of the convolution, `bias='untied'` and `connections=`,
/// held against the sliding-window reference. Weights, inputs and gradients are
/// small integers (padding values too), so every comparison is an equality.
@Suite struct LeCunTests {
    /// One layer on one input, named by its spec.
    struct Case: CustomTestStringConvertible, Sendable {
        let spec: String
        let input: String
        var testDescription: String { "\(spec) on \(input)" }

        func layer() throws -> any Layer {
            try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        }
    }

    static let cases: [Case] = [
        Case(spec: "Conv1d(3, 2, 2, bias='untied')", input: "3x5"),
        Case(spec: "Conv1d(3, 3, 3, padding=1, connections=[[0, 1], [1, 2], [0, 2]])", input: "3x6"),
        Case(spec: "Conv1d(2, 4, 3, padding=2, padding_mode='reflect', connections=[[0], [1], [0, 1], [1]])", input: "2x5"),
        Case(spec: "Conv1d(2, 2, 3, stride=2, bias='untied', connections=[[1], [0, 1]])", input: "2x8"),
        Case(
            spec: "Conv2d(4, 3, 3, stride=2, padding=1, padding_mode='constant', padding_value=-1, bias='untied', connections=[[0], [1, 2, 3], [0, 3]])",
            input: "4x5x5"),
        Case(spec: "Conv2d(3, 2, (2, 3), padding=1, dilation=(2, 1), bias=False, padding_mode='circular', connections=[[2], [0, 1, 2]])", input: "3x5x6"),
        Case(spec: "Conv2d(2, 3, 2, padding='same', padding_mode='replicate', bias='untied')", input: "2x3x4"),
        Case(spec: "Conv3d(2, 2, 2, bias='untied', connections=[[1], [0, 1]])", input: "2x3x3x3"),
        Case(spec: LeNet.h1, input: "1x16x16"),
        Case(spec: LeNet.h2, input: "12x8x8"),
    ]

    /// y = Wᵀx + o + b from the matrix form: the dense Wᵀ, the offset of constant
    /// padding (c · Σ v_p over each row's border terms) and b_{β(r)}.
    static func matrixForward(_ layer: any Layer, weights: LayerWeights, x: [Double]) -> [Double] {
        let form = layer.matrixForm()
        let w = form.tied.dense(parameters: weights.weight)
        var y = (0..<w.rows).map { r in (0..<w.columns).reduce(0.0) { $0 + w[r, $1] * x[$1] } }
        for term in form.borderTerms { y[term.row] += form.offsetScale * weights.weight[term.parameter] }
        for r in y.indices { y[r] += layer.biasParameter(ofRow: r).map { weights.bias?[$0] ?? .nan } ?? 0 }
        return y
    }

    static func weights(_ layer: any Layer, seed: UInt64) throws -> LayerWeights {
        LayerWeights.integers(for: try #require(layer as? Convolution), seed: seed)
    }

    @Test(arguments: cases)
    func matrixEqualsReferenceForward(_ c: Case) throws {
        let layer = try c.layer()
        let weights = try Self.weights(layer, seed: 1)
        var random = SplitMix64(seed: 2)
        let x = random.integers(layer.input.count)
        let direct: [Double] = layer.referenceForward(x: x, weight: weights.weight, bias: weights.bias)
        #expect(Self.matrixForward(layer, weights: weights, x: x) == direct)
    }

    /// Wᵀ e_c = forward(e_c) − forward(0), bias off: the matrix rebuilt from the reference.
    @Test(arguments: cases.filter { (try? $0.layer().input.count) ?? 0 <= 300 })
    func matrixBuiltFromReferenceColumns(_ c: Case) throws {
        let layer = try c.layer()
        let weights = try Self.weights(layer, seed: 3)
        let w = layer.matrixForm().tied.dense(parameters: weights.weight)
        let zero = Array(repeating: 0.0, count: layer.input.count)
        let constant: [Double] = layer.referenceForward(x: zero, weight: weights.weight, bias: nil)
        for column in 0..<layer.input.count {
            var unit = zero
            unit[column] = 1
            let y: [Double] = layer.referenceForward(x: unit, weight: weights.weight, bias: nil)
            #expect(zip(y, constant).map { $0 - $1 } == w.column(column), "column \(column)")
        }
    }

    /// ⟨Wᵀx, δy⟩ = ⟨x, W δy⟩, W δy from the reference's input gradient.
    @Test(arguments: cases)
    func dotTest(_ c: Case) throws {
        let layer = try c.layer()
        let weights = try Self.weights(layer, seed: 4)
        var random = SplitMix64(seed: 5)
        let x = random.integers(layer.input.count)
        let dy = random.integers(layer.output.count)
        let w = layer.matrixForm().tied.dense(parameters: weights.weight)
        let wx = (0..<w.rows).map { r in (0..<w.columns).reduce(0.0) { $0 + w[r, $1] * x[$1] } }
        let wdy = layer.referenceInputGradient(outputGradient: dy, weight: weights.weight)
        #expect(zip(wx, dy).reduce(0) { $0 + $1.0 * $1.1 } == zip(x, wdy).reduce(0) { $0 + $1.0 * $1.1 })
    }

    /// The tied reduction Σ δy_r x_c (plus c · δy_r on border terms) equals the
    /// reference's weight gradient; the bias gradient through β(r) equals the reference's.
    @Test(arguments: cases)
    func gradientsEqualTheReference(_ c: Case) throws {
        let layer = try c.layer()
        let convolution = try #require(layer as? Convolution)
        var random = SplitMix64(seed: 6)
        let x = random.integers(layer.input.count)
        let dy = random.integers(layer.output.count)
        let form = layer.matrixForm()
        var tied = form.tied.reduce(outputGradient: dy, input: x)
        for term in form.borderTerms { tied[term.parameter] += form.offsetScale * dy[term.row] }
        #expect(tied == layer.referenceWeightGradient(input: x, outputGradient: dy))
        guard convolution.spec.bias else { return }
        var db = Array(repeating: 0.0, count: layer.biasParameterCount)
        for r in dy.indices { db[try #require(layer.biasParameter(ofRow: r))] += dy[r] }
        let direct: [Double] = ReferenceConvolution.biasGradient(spec: convolution.spec, input: layer.input, outputGradient: dy)
        #expect(db == direct)
    }

    /// Every term lies in the block (j, i) its name v_{ji} says, the names being real maps.
    @Test(arguments: cases)
    func termsLieInTheBlocksTheirNamesSay(_ c: Case) throws {
        let layer = try #require(try c.layer() as? Convolution)
        #expect(layer.tiedMatrix().invariantViolations(for: layer) == [])
        let taps = layer.spec.tapsPerKernel
        var p = 0
        for j in 0..<layer.spec.outChannels {
            for i in layer.spec.inputMaps(ofOutputMap: j) {
                for _ in 0..<taps {
                    let name = layer.parameterName(p)
                    #expect(name.outputMap == j + 1 && name.inputMap == i + 1, "parameter \(p)")
                    p += 1
                }
            }
        }
        #expect(p == layer.weightParameterCount)
    }

    /// PyTorch's default bound 1/√fan_in(j), fan_in(j) = |C_j| · ∏k, map by map.
    @Test func defaultInitialisationIsBoundedByEachMapsFanIn() throws {
        let layer = try #require(try Case(spec: LeNet.h2, input: "12x8x8").layer() as? Convolution)
        let weights = LayerWeights.pytorchDefault(for: layer, seed: 7)
        let firsts = layer.spec.firstPairs
        let bias = try #require(weights.bias)
        #expect(bias.count == 192)
        for j in 0..<12 {
            let bound = 1 / Double(layer.spec.inputMaps(ofOutputMap: j).count * 25).squareRoot()
            let kernels = weights.weight[(firsts[j] * 25)..<(firsts[j + 1] * 25)]
            #expect(kernels.allSatisfy { abs($0) <= bound } && bias[(j * 16)..<((j + 1) * 16)].allSatisfy { abs($0) <= bound })
            #expect(kernels.contains { abs($0) > 1 / Double(12 * 25).squareRoot() }, "map \(j) drawn with its own bound")
        }
    }
}
