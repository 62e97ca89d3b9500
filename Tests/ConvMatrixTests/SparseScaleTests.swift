import ConvMatrix
import Foundation
import Testing

/// AlexNet's conv1 in the compressed form: 290,400 × 154,587, 105 million entries.
/// Too big for the debug suite, so it runs only when CONVMAT_SCALE_TESTS is set
/// (for a release build: `CONVMAT_SCALE_TESTS=1 swift test -c release -Xswiftc
/// -enable-testing --filter SparseScaleTests`). No timing is asserted.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CONVMAT_SCALE_TESTS"] != nil, "set CONVMAT_SCALE_TESTS to run AlexNet-sized work"))
struct SparseScaleTests {
    @Test func alexNetConv1BuildsAndRunsItsPasses() throws {
        let layer = try Convolution(ConvolutionSpec(parsing: "Conv2d(3, 96, kernel_size=11, stride=4)"), input: TensorShape(parsing: "3x227x227"))
        let form = try CompressedMatrixForm(layer, budget: MemoryBudget(limitBytes: 2 << 30))
        #expect(form.tied.rows == 290_400 && form.tied.columns == 154_587)
        #expect(form.tied.entryCount == layer.compressedEntryCount)
        #expect(form.tied.storageBytes <= CompressedMatrixForm.estimatedBytes(for: layer))

        let weights = LayerWeights.integers(for: layer, seed: 1)
        let sparse = try SparseLayer(form, weights: weights)
        var generator = SplitMix64(seed: 2)
        let samples = (0..<2).map { _ in (0..<layer.input.count).map { _ in Double(generator.nextSmallNonzeroInteger()) } }
        let gradients = (0..<2).map { _ in (0..<layer.output.count).map { _ in Double(generator.nextSmallNonzeroInteger()) } }
        let x = Matrix(columns: samples, rows: layer.input.count)
        let dy = Matrix(columns: gradients, rows: layer.output.count)
        let y = sparse.forward(batch: x)
        let backward = sparse.backward(batch: x, outputGradients: dy)
        var summedWeight = Array(repeating: 0.0, count: layer.weightParameterCount)
        for s in 0..<2 {
            let reference: [Double] = ReferenceConvolution.forward(
                spec: layer.spec, input: layer.input, x: samples[s], weight: weights.weight, bias: weights.bias)
            #expect(y.column(s) == reference, "forward of sample \(s)")
            let dx: [Double] = ReferenceConvolution.inputGradient(spec: layer.spec, input: layer.input, outputGradient: gradients[s], weight: weights.weight)
            #expect(backward.input.column(s) == dx, "δx of sample \(s)")
            let dw: [Double] = ReferenceConvolution.weightGradient(spec: layer.spec, input: layer.input, x: samples[s], outputGradient: gradients[s])
            summedWeight = zip(summedWeight, dw).map(+)
        }
        #expect(backward.weight == summedWeight, "δv summed over the batch")
    }
}
