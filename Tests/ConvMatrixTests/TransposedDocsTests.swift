import Testing

@testable import ConvMatrix

/// One figure of docs/transposed.md: a transposed layer on x, the y the doc
/// quotes, and the direct convolution (flipped kernel, on the zero-inserted
/// input) the doc says it equals.
struct TransposedFigure: CustomTestStringConvertible, Sendable {
    let transposed: String
    let weight: [Double]
    let x: [Double]
    /// y as docs/transposed.md prints it.
    let quoted: [Double]
    let direct: String
    /// s: the direct convolution reads x̃ with s − 1 zeros between the inputs.
    var stride = 1

    var testDescription: String { transposed }
}

/// The numbers docs/transposed.md quotes, computed by the library.
@Suite struct TransposedDocsTests {
    static let figures: [TransposedFigure] = [
        TransposedFigure(
            transposed: "ConvTranspose1d(1, 1, 3, bias=False)", weight: [1, 2, 3], x: [1, 2, 3, 4], quoted: [1, 4, 10, 16, 17, 12],
            direct: "Conv1d(1, 1, 3, padding=2, bias=False)"),
        TransposedFigure(
            transposed: "ConvTranspose1d(1, 1, 4, padding=1, bias=False)", weight: [1, 2, 3, 4], x: [1, 2, 3, 4], quoted: [4, 10, 20, 25, 24],
            direct: "Conv1d(1, 1, 4, padding=2, bias=False)"),
        TransposedFigure(
            transposed: "ConvTranspose1d(1, 1, 3, padding=1, bias=False)", weight: [1, 2, 3], x: [1, 2, 3, 4, 5], quoted: [4, 10, 16, 22, 22],
            direct: "Conv1d(1, 1, 3, padding=1, bias=False)"),
        TransposedFigure(
            transposed: "ConvTranspose1d(1, 1, 3, stride=2, bias=False)", weight: [1, 2, 3], x: [1, 2, 3], quoted: [1, 2, 5, 4, 9, 6, 9],
            direct: "Conv1d(1, 1, 3, padding=2, bias=False)", stride: 2),
        TransposedFigure(
            transposed: "ConvTranspose1d(1, 1, 3, stride=2, padding=1, bias=False)", weight: [1, 2, 3], x: [1, 2, 3], quoted: [2, 5, 4, 9, 6],
            direct: "Conv1d(1, 1, 3, padding=1, bias=False)", stride: 2),
        TransposedFigure(
            transposed: "ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1, bias=False)", weight: [1, 2, 3], x: [1, 2, 3],
            quoted: [2, 5, 4, 9, 6, 9], direct: "Conv1d(1, 1, 3, padding=((1, 2),), bias=False)", stride: 2),
    ]

    @Test(arguments: figures)
    func figureIsWhatTheLibraryComputes(_ figure: TransposedFigure) throws {
        let input = TensorShape(channels: 1, spatial: [figure.x.count])
        let layer = try LayerRegistry.layer(parsing: figure.transposed, input: input)
        let y = layer.matrixForm().tied.dense(parameters: figure.weight).multiply(figure.x)
        #expect(y == figure.quoted)
        #expect(y == layer.referenceForward(x: figure.x, weight: figure.weight, bias: nil))
    }

    /// Column q of the transposed Wᵀ is column q·s of the direct convolution's
    /// Wᵀ (flipped kernel) on the zero-inserted input of n + (n − 1)(s − 1) units.
    @Test(arguments: figures)
    func figureEqualsTheDirectConvolution(_ figure: TransposedFigure) throws {
        let n = figure.x.count
        let layer = try LayerRegistry.layer(parsing: figure.transposed, input: TensorShape(channels: 1, spatial: [n]))
        let inserted = TensorShape(channels: 1, spatial: [n + (n - 1) * (figure.stride - 1)])
        let direct = try Convolution(ConvolutionSpec(parsing: figure.direct), input: inserted)
        #expect(direct.output == layer.output)
        let transposedMatrix = layer.matrixForm().tied.dense(parameters: figure.weight)
        let directMatrix = direct.matrixForm().tied.dense(parameters: figure.weight.reversed())
        for q in 0..<n { #expect(transposedMatrix.column(q) == directMatrix.column(q * figure.stride), "column \(q)") }
    }

    /// Conv1d(1, 1, 3, stride=2, padding=1) maps both 5 and 6 units to 3, and
    /// a = (n + 2p − k) mod s is 0 and 1 for them; the transposed layer with
    /// output_padding=a is the transpose of the one on n units.
    @Test(arguments: [(5, 0), (6, 1)])
    func outputPaddingSelectsTheConvolution(_ n: Int, _ a: Int) throws {
        let convolution = try Convolution(
            ConvolutionSpec(parsing: "Conv1d(1, 1, 3, stride=2, padding=1, bias=False)"), input: TensorShape(channels: 1, spatial: [n]))
        #expect(convolution.output.spatial == [3])
        #expect((n + 2 * 1 - 3) % 2 == a)
        let layer = try LayerRegistry.layer(
            parsing: "ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=\(a), bias=False)", input: convolution.output)
        #expect(layer.output == convolution.input)
        let w: [Double] = [1, 2, 3]
        #expect(layer.matrixForm().tied.dense(parameters: w) == convolution.matrixForm().tied.dense(parameters: w).transposed)
    }
}
