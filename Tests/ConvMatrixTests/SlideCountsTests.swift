import Testing

@testable import ConvMatrix

/// The counts the slides state, asserted on the materialised matrices.
@Suite struct SlideCountsTests {
    /// "W has 144 entries, but only 18 effective parameters": Conv1d(2, 3, 3) on 2×6.
    @Test func slideOneDimensionalLayer() throws {
        let spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3], bias: false)
        let layer = try Convolution(spec, input: TensorShape(channels: 2, spatial: [6]))
        let w = layer.tiedMatrix()
        #expect(w.rows == 12 && w.columns == 12)
        #expect(w.entryCount == 144)
        #expect(w.nonzeroCount == 72)
        #expect(w.parameterCount == 18)
        #expect(w.occupancy.allSatisfy { $0 == 4 })
        #expect(w.rowBlocks == 3 && w.columnBlocks == 2)
    }

    /// The slide's first row: v₁₁¹ v₁₁² v₁₁³ 0 0 0 | v₁₂¹ v₁₂² v₁₂³ 0 0 0.
    @Test func slideFirstRowMatchesTheSlide() throws {
        let spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3], bias: false)
        let layer = try Convolution(spec, input: TensorShape(channels: 2, spatial: [6]))
        let w = layer.tiedMatrix()
        let notation = w.notation
        let firstRow = (0..<12).map { c in w.terms(row: 0, column: c).map { notation.latex(w.parameters[$0.parameter]) }.first ?? "0" }
        #expect(
            firstRow == [
                "v_{11}^{1}", "v_{11}^{2}", "v_{11}^{3}", "0", "0", "0",
                "v_{12}^{1}", "v_{12}^{2}", "v_{12}^{3}", "0", "0", "0",
            ])
        let lastRow = (0..<12).map { c in w.terms(row: 11, column: c).map { notation.latex(w.parameters[$0.parameter]) }.first ?? "0" }
        #expect(
            lastRow == [
                "0", "0", "0", "v_{31}^{1}", "v_{31}^{2}", "v_{31}^{3}",
                "0", "0", "0", "v_{32}^{1}", "v_{32}^{2}", "v_{32}^{3}",
            ])
    }

    /// The slides' 2-D layer: 4 maps of 14×14 to 12 maps of 10×10 with 5×5 kernels.
    @Test func slideTwoDimensionalLayer() throws {
        let spec = ConvolutionSpec(spatialDimensions: 2, inChannels: 4, outChannels: 12, kernelSize: [5, 5])
        let layer = try Convolution(spec, input: TensorShape(channels: 4, spatial: [14, 14]))
        let w = layer.tiedMatrix()
        #expect(layer.output == TensorShape(channels: 12, spatial: [10, 10]))
        #expect(w.rows == 1200 && w.columns == 784)
        #expect(w.nonzeroCount == 120_000)
        #expect(w.parameterCount == 1200)
        #expect(layer.spec.biasParameterCount == 12)
    }
}
