import Testing

@testable import ConvMatrix

/// LeCun et al. 1989's first two hidden layers, written as ConvMatrix specs.
enum LeNet {
    /// H1: 12 maps of 8×8 from the 16×16 image, 5×5 kernels at stride 2, the border
    /// read as −1 (the background), one bias per unit.
    static let h1 = "Conv2d(1, 12, 5, stride=2, padding=2, padding_mode='constant', padding_value=-1, bias='untied')"

    /// Karpathy's table: maps 0–3 read H1 maps 0–7, 4–7 read 4–11, 8–11 read 0–3 and 8–11.
    static let table: [[Int]] =
        Array(repeating: Array(0...7), count: 4) + Array(repeating: Array(4...11), count: 4)
        + Array(repeating: Array(0...3) + Array(8...11), count: 4)

    /// H2: 12 maps of 4×4 from H1's 12 maps of 8×8, each reading 8 of them.
    static let h2 =
        "Conv2d(12, 12, 5, stride=2, padding=2, padding_mode='constant', padding_value=-1, bias='untied', connections="
        + "[" + table.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(separator: ", ") + "])"
}

@Suite struct LeNetTests {
    /// H1: weights 12 maps · 1 input map · 5·5 taps = 300; biases one per output
    /// unit, 12 · 8 · 8 = 768 (8 = ⌊(16 + 2·2 − 5) / 2⌋ + 1); 1,068 in all.
    @Test func h1HasTheParametersOfThePaper() throws {
        let layer = try LayerRegistry.layer(parsing: LeNet.h1, input: TensorShape(parsing: "1x16x16"))
        #expect(layer.output == TensorShape(channels: 12, spatial: [8, 8]))
        #expect(layer.weightShape == [12, 1, 5, 5] && layer.biasShape == [12, 8, 8])
        #expect(layer.weightParameterCount == 12 * 1 * 25)
        #expect(layer.biasParameterCount == 12 * 8 * 8)
        #expect(layer.layerParameterCount == 1_068)
    }

    /// H2: 12 maps each read 8 of H1's maps: 96 kernels of 5·5, 2,400 weights; biases
    /// one per unit, 12 · 4 · 4 = 192 (4 = ⌊(8 + 2·2 − 5) / 2⌋ + 1); 2,592 in all.
    @Test func h2HasTheParametersOfThePaper() throws {
        let layer = try LayerRegistry.layer(parsing: LeNet.h2, input: TensorShape(parsing: "12x8x8"))
        #expect(layer.output == TensorShape(channels: 12, spatial: [4, 4]))
        #expect(layer.weightShape == [12 * 8, 5, 5] && layer.biasShape == [12, 4, 4])
        #expect(layer.weightParameterCount == 12 * 8 * 25)
        #expect(layer.biasParameterCount == 12 * 4 * 4)
        #expect(layer.layerParameterCount == 2_592)
    }

    /// Output map 8 of H2 reads H1's maps 0–3 and 8–11 and nothing else: its rows of
    /// Wᵀ have no term in the columns of maps 4–7.
    @Test func h2ReadsOnlyTheListedMaps() throws {
        let layer = try LayerRegistry.layer(parsing: LeNet.h2, input: TensorShape(parsing: "12x8x8"))
        let tied = layer.matrixForm().tied
        for j in 0..<12 {
            let read = Set((0..<16).flatMap { o in tied.terms(inRow: j * 16 + o).map { $0.column / 64 } })
            #expect(read == Set(LeNet.table[j]), "output map \(j)")
        }
    }
}
