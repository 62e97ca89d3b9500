import Testing

@testable import ConvMatrix

@Suite struct TiedMatrixTests {
    /// A 2×3 matrix built by hand in which entry (0, 1) sums two parameters:
    ///
    ///     Wᵀ = ( v₁   v₁+v₂   0 )
    ///          ( 0    v₂      v₁ )
    static let handBuilt = TiedMatrix(
        rows: 2, columns: 3, rowBlockSize: 2, columnBlockSize: 3,
        parameters: [ParameterName(outputMap: 1, inputMap: 1, tap: [1]), ParameterName(outputMap: 1, inputMap: 1, tap: [2])],
        terms: [
            Term(row: 0, column: 0, parameter: 0), Term(row: 0, column: 1, parameter: 0),
            Term(row: 0, column: 1, parameter: 1), Term(row: 1, column: 1, parameter: 1),
            Term(row: 1, column: 2, parameter: 0),
        ])

    @Test func entriesCanSumSeveralParameters() {
        let w = Self.handBuilt
        #expect(w.entryCount == 6)
        #expect(w.nonzeroCount == 4)
        #expect(w.termCount == 5)
        #expect(w.sharedEntryCount == 1)
        #expect(w.occupancy == [3, 2])
        #expect(w.tieIndices == [0, -2, -1, -1, 1, 0])
        #expect(w.dense(parameters: [2, 5]).rowMajor == [2, 7, 0, 0, 5, 2])
    }

    /// ∂E/∂v_p = Σ over p's terms of G[r, c]: both terms of entry (0, 1) count.
    @Test func tiedReductionSumsEveryTerm() {
        let g = Matrix(rows: 2, columns: 3, rowMajor: [1, 10, 100, 1000, 10000, 100000])
        let expected: [Double] = [100_011, 10_010]
        #expect(Self.handBuilt.reduce(g) == expected)
    }

    /// A kernel wider than a circular input wraps onto itself: Conv1d(1, 1, 5) on 3
    /// units with circular pad 3 makes entries that sum several taps.
    @Test func narrowCircularLayerSumsParameters() throws {
        let spec = ConvolutionSpec(
            spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [5],
            padding: .symmetric([3]), bias: false, paddingMode: .circular)
        let layer = try Convolution(spec, input: TensorShape(channels: 1, spatial: [3]))
        let w = layer.tiedMatrix()
        #expect(w.rows == 5 && w.columns == 3)
        #expect(w.termCount == 25)
        #expect(w.nonzeroCount == 15)
        #expect(w.sharedEntryCount == 10)
        // Row 0 reads x̃(0..4) = x(0, 1, 2, 0, 1): taps 1 and 4 on x₁, 2 and 5 on x₂, 3 on x₃.
        #expect(w.terms(row: 0, column: 0).map(\.parameter) == [0, 3])
        #expect(w.terms(row: 0, column: 1).map(\.parameter) == [1, 4])
        #expect(w.terms(row: 0, column: 2).map(\.parameter) == [2])
        #expect(w.invariantViolations(for: layer).isEmpty)
    }

    /// A kernel of 7 on a circular input of 3: every entry sums two or three
    /// taps, and each such entry counts once, not once per extra term.
    @Test func anEntryOfThreeTermsIsOneSharedEntry() throws {
        let spec = ConvolutionSpec(
            spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [7],
            padding: .symmetric([3]), bias: false, paddingMode: .circular)
        let w = try Convolution(spec, input: TensorShape(channels: 1, spatial: [3])).tiedMatrix()
        #expect(w.termCount == 21 && w.nonzeroCount == 9)
        #expect(w.sharedEntryCount == 9)
        let compressed = try CompressedTiedMatrix(w)
        #expect(compressed.sharedEntryCount == 9)
    }

    @Test(arguments: LayerCases.edges + LayerCases.edgesInEveryMode)
    func materialisedMatricesKeepTheirInvariants(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        #expect(layer.tiedMatrix().invariantViolations(for: layer) == [])
    }

    @Test func invariantsCatchATermInTheWrongBlock() throws {
        let spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3], bias: false)
        let layer = try Convolution(spec, input: TensorShape(channels: 2, spatial: [6]))
        let good = layer.tiedMatrix()
        var terms = good.terms
        terms[0].column = 7  // v₁₁¹ moved into input map 2's block
        let bad = TiedMatrix(rows: 12, columns: 12, rowBlockSize: 4, columnBlockSize: 6, parameters: good.parameters, terms: terms)
        let violations = bad.invariantViolations(for: layer)
        #expect(violations.contains { $0.contains("v_{11}^{1}") && $0.contains("row 1") })
    }
}
