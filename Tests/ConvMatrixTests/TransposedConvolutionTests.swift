import Testing

@testable import ConvMatrix

/// One transposed-convolution configuration, named by its spec string.
struct TransposedCase: CustomTestStringConvertible, Sendable {
    let spec: String
    let input: String

    var testDescription: String { "\(spec) on \(input)" }

    func layer() throws -> TransposedConvolution {
        try #require(try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input)) as? TransposedConvolution)
    }
}

/// ConvTranspose1d/2d/3d against its scatter-loop reference, on small integers
/// (every sum exact in Double, so every comparison is an equality).
@Suite struct TransposedConvolutionTests {
    /// Kernel 1; stride 1, equal to and larger than the kernel; padding that crops;
    /// output padding below the stride and, with dilation above the stride, at or
    /// above it; groups 1, a divisor and the channel count; 1-D, 2-D and 3-D.
    static let edges: [TransposedCase] = [
        TransposedCase(spec: "ConvTranspose1d(1, 1, 3)", input: "1x4"),
        TransposedCase(spec: "ConvTranspose1d(2, 3, 3, stride=2, bias=False)", input: "2x3"),
        TransposedCase(spec: "ConvTranspose1d(1, 1, 1)", input: "1x1"),
        TransposedCase(spec: "ConvTranspose1d(1, 2, 4, stride=3, padding=1)", input: "1x4"),
        TransposedCase(spec: "ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1)", input: "1x3"),
        TransposedCase(spec: "ConvTranspose1d(1, 1, 3, padding=2)", input: "1x4"),
        TransposedCase(spec: "ConvTranspose1d(1, 1, 2, output_padding=1, dilation=2)", input: "1x3"),
        TransposedCase(spec: "ConvTranspose1d(4, 6, 3, groups=2)", input: "4x5"),
        TransposedCase(spec: "ConvTranspose1d(3, 3, 3, stride=2, groups=3)", input: "3x4"),
        TransposedCase(spec: "ConvTranspose1d(2, 2, 3, stride=3, output_padding=2, dilation=2)", input: "2x3"),
        TransposedCase(spec: "ConvTranspose1d(1, 1, 2, stride=4)", input: "1x3"),
        TransposedCase(spec: "ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1)", input: "2x3x3"),
        TransposedCase(spec: "ConvTranspose2d(1, 1, (2, 3), stride=(2, 1), padding=(0, 1), dilation=(1, 2))", input: "1x3x4"),
        TransposedCase(spec: "ConvTranspose2d(4, 2, 2, stride=2, groups=2, bias=False)", input: "4x2x3"),
        TransposedCase(spec: "ConvTranspose3d(2, 2, 2, stride=2)", input: "2x2x2x2"),
        TransposedCase(
            spec: "ConvTranspose3d(1, 2, (1, 2, 3), stride=(1, 2, 1), padding=(0, 0, 1), output_padding=(0, 1, 0))", input: "1x2x3x2"),
    ]

    /// Integer weights, bias, input and output gradient for a layer.
    static func data(_ layer: TransposedConvolution, seed: UInt64) -> (w: [Double], b: [Double]?, x: [Double], dy: [Double]) {
        var random = SplitMix64(seed: seed)
        let w = random.integers(layer.weightParameterCount)
        let b = layer.biasShape.map { random.integers($0[0]) }
        return (w, b, random.integers(layer.input.count), random.integers(layer.output.count))
    }

    @Test(arguments: edges)
    func matrixEqualsReferenceForward(_ layerCase: TransposedCase) throws {
        let layer = try layerCase.layer()
        let (w, b, x, _) = Self.data(layer, seed: 1)
        let matrix = layer.matrixForm().tied.dense(parameters: w)
        var y = matrix.multiply(x)
        for r in y.indices { y[r] += layer.biasParameter(ofRow: r).map { b?[$0] ?? 0 } ?? 0 }
        #expect(y == layer.referenceForward(x: x, weight: w, bias: b))
    }

    /// Wᵀ e_c from the reference (bias off) is column c of the materialised matrix.
    @Test(arguments: edges)
    func matrixBuiltFromReferenceColumns(_ layerCase: TransposedCase) throws {
        let layer = try layerCase.layer()
        let (w, _, _, _) = Self.data(layer, seed: 2)
        let matrix = layer.matrixForm().tied.dense(parameters: w)
        for c in 0..<layer.input.count {
            var unit = Array(repeating: 0.0, count: layer.input.count)
            unit[c] = 1
            #expect(layer.referenceForward(x: unit, weight: w, bias: nil) == matrix.column(c), "column \(c)")
        }
    }

    /// ⟨Wᵀx, y⟩ = ⟨x, W y⟩ with W y from the reference's adjoint, and W y equals the matrix's.
    @Test(arguments: edges)
    func dotTest(_ layerCase: TransposedCase) throws {
        let layer = try layerCase.layer()
        let (w, _, x, dy) = Self.data(layer, seed: 3)
        let forward: [Double] = layer.referenceForward(x: x, weight: w, bias: nil)
        let adjoint = layer.referenceInputGradient(outputGradient: dy, weight: w)
        #expect(zip(forward, dy).reduce(0) { $0 + $1.0 * $1.1 } == zip(x, adjoint).reduce(0) { $0 + $1.0 * $1.1 })
        #expect(layer.matrixForm().tied.dense(parameters: w).multiply(dy, transposed: true) == adjoint)
    }

    @Test(arguments: edges)
    func tiedReductionEqualsReferenceWeightGradient(_ layerCase: TransposedCase) throws {
        let layer = try layerCase.layer()
        let (_, _, x, dy) = Self.data(layer, seed: 4)
        let tied = layer.matrixForm().tied
        #expect(tied.reduce(outputGradient: dy, input: x) == layer.referenceWeightGradient(input: x, outputGradient: dy))
        #expect(tied.terms.count == layer.termCount)
        #expect(tied.coefficients == nil && tied.constants.isEmpty)
    }

    @Test(arguments: edges)
    func parseThenPrintIsIdentity(_ layerCase: TransposedCase) throws {
        let layer = try layerCase.layer()
        let again = try #require(try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input) as? TransposedConvolution)
        #expect(again.spec == layer.spec)
        #expect(again.specDescription == layer.specDescription)
    }
}
