import Testing

@testable import ConvMatrix

/// The slides' own examples, run through the reference.
@Suite struct ReferenceSlidesTests {
    /// "Convolution layers as y = Wᵀx": Conv1d(2, 3, kernel_size=3, bias=False) on 2x6.
    static let spec = ConvolutionSpec(
        spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3], bias: false)
    static let input = TensorShape(channels: 2, spatial: [6])
    /// w[j, i, s] = 6j + 3i + s + 1: the 18 parameters 1 … 18, all distinct.
    static let weight: [Double] = (1...18).map(Double.init)

    @Test func oneDimensionalExampleSpotValues() {
        let x: [Double] = [0, 1, 2, 3, 4, 5, 1, 0, 0, 0, 0, 1]
        let y = ReferenceConvolution.forward(spec: Self.spec, input: Self.input, x: x, weight: Self.weight, bias: nil)
        #expect(ReferenceConvolution.outputShape(spec: Self.spec, input: Self.input).description == "3x4")
        #expect(y.count == 12)
        #expect(y[0 * 4 + 0] == 12)  // 1·0 + 2·1 + 3·2 + 4·1
        #expect(y[1 * 4 + 1] == 50)  // 7·1 + 8·2 + 9·3
        #expect(y[2 * 4 + 3] == 188)  // 13·3 + 14·4 + 15·5 + 18·1
    }

    /// Column u of Wᵀ is the output for the unit input e_u; row j·4 + t, column i·6 + v holds
    /// v_ji at tap v − t inside the band, 0 outside: 144 entries, 72 of them tied to 18 parameters.
    @Test func oneDimensionalExampleBandMatrix() {
        var nonzero = 0
        for u in 0..<12 {
            var unit = [Double](repeating: 0, count: 12)
            unit[u] = 1
            let column = ReferenceConvolution.forward(
                spec: Self.spec, input: Self.input, x: unit, weight: Self.weight, bias: nil)
            let (i, v) = (u / 6, u % 6)
            for row in 0..<12 {
                let (j, t) = (row / 4, row % 4)
                let tap = v - t
                let expected = (0..<3).contains(tap) ? Self.weight[j * 6 + i * 3 + tap] : 0
                #expect(column[row] == expected, "Wᵀ[\(row), \(u)]")
                if column[row] != 0 { nonzero += 1 }
            }
        }
        #expect(nonzero == 72)
    }

    /// "Convolutional layer": 12 maps of 10x10 from 4 maps of 14x14 through 5x5 kernels,
    /// each output the sum of 4 · 25 products.
    @Test func convolutionalLayerExample() {
        let spec = ConvolutionSpec(spatialDimensions: 2, inChannels: 4, outChannels: 12, kernelSize: [5, 5])
        let input = TensorShape(channels: 4, spatial: [14, 14])
        #expect(ReferenceConvolution.outputShape(spec: spec, input: input).description == "12x10x10")
        let x = [Double](repeating: 1, count: input.count)
        let w = [Double](repeating: 1, count: spec.weightParameterCount)
        let bias = (0..<12).map(Double.init)
        let y = ReferenceConvolution.forward(spec: spec, input: input, x: x, weight: w, bias: bias)
        #expect(y == (0..<12).flatMap { j in [Double](repeating: 100 + Double(j), count: 100) })
        let dx = ReferenceConvolution.inputGradient(spec: spec, input: input, outputGradient: y, weight: w)
        let dw = ReferenceConvolution.weightGradient(spec: spec, input: input, x: x, outputGradient: y)
        #expect(dx.count == input.count && dw.count == spec.weightParameterCount)
        // Every weight sees all 100 outputs of its map: Σ_o y[j, o] = 100 · (100 + j).
        #expect(dw[0] == 10_000 && dw[spec.weightParameterCount - 1] == 11_100)
        // The centre unit lies under all 25 taps of every out map: Σ_j 25 · (100 + j).
        #expect(dx[7 * 14 + 7] == 25 * (1200 + 66))
    }
}
