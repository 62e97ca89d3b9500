import Testing

@testable import ConvMatrix

/// The compressed form sizes itself before it allocates: 32-bit indices and the budget.
@Suite struct CompressedSizeTests {
    /// 2.5·10⁹ input units: a column index would not fit an Int32. The refusal comes
    /// from the geometry; building would allocate 20 GB of row offsets first.
    @Test func tooManyColumnsAreRefusedBeforeAllocation() throws {
        let layer = try LayerCase(spec: "Conv2d(1, 1, 1, bias=False)", input: "1x50000x50000").layer()
        #expect(layer.input.count > Int(Int32.max))
        let error = try #require(throws: ConvMatrixError.self) { try CompressedMatrixForm(layer, budget: MemoryBudget(limitBytes: Int.max)) }
        #expect(error.kind == .shape && error.field == "input")
    }

    /// 2.5·10⁹ weights: a parameter index would not fit an Int32.
    @Test func tooManyParametersAreRefused() throws {
        let layer = try LayerCase(spec: "Conv2d(50000, 50000, 1, bias=False)", input: "50000x1x1").layer()
        let error = try #require(throws: ConvMatrixError.self) { try CompressedMatrixForm(layer, budget: MemoryBudget(limitBytes: Int.max)) }
        #expect(error.kind == .shape && error.field == "weight")
    }

    /// AlexNet's conv1 (105 million entries) against a 100 MiB budget: refused from
    /// the estimate alone, which counts 8 bytes an entry.
    @Test func alexNetConv1IsEstimatedNotBuilt() throws {
        let layer = try LayerCase(spec: "Conv2d(3, 96, kernel_size=11, stride=4)", input: "3x227x227").layer()
        #expect(layer.compressedEntryCount == 96 * 3 * 121 * 55 * 55)
        #expect(CompressedMatrixForm.estimatedBytes(for: layer) >= 8 * layer.compressedEntryCount)
        let error = try #require(throws: ConvMatrixError.self) { try CompressedMatrixForm(layer, budget: MemoryBudget(limitBytes: 100 << 20)) }
        #expect(error.kind == .budget && error.field == "max-memory")
    }

    /// Zero padding drops the taps that land on the border: the exact count from the
    /// geometry is below the tap count, and it is what is built.
    @Test func zeroPaddingCountsOnlyValidTaps() throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 3, padding=1)", input: "2x4x4").layer()
        #expect(layer.compressedEntryCount < layer.tapCount)
        #expect(try CompressedMatrixForm(layer).tied.entryCount == layer.compressedEntryCount)
    }
}
