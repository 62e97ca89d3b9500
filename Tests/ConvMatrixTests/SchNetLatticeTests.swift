import Testing

@testable import ConvMatrix

/// Atoms on a 1-D lattice: the cfconv's matrix is the depthwise Conv1d's, boundary included.
@Suite struct SchNetLatticeTests {
    /// a = 1.25 Å is exact in binary, so every distance is exactly |i − j| a; the two
    /// matrices hold the same entries up to the filter network's batch rounding
    /// (``SchNetMatrixTests/batchRounding(_:)``) and the same zeros exactly.
    @Test(arguments: [(7, 1, false), (7, 2, false), (9, 3, true), (4, 5, false)])
    func latticeCfconvIsTheDepthwiseConvolution(atoms: Int, reach m: Int, selfInteraction: Bool) throws {
        let a = 1.25
        let base = SchNetConfiguration(features: 3, rbfCount: 60, gamma: 10, spacing: 0.1, selfInteraction: selfInteraction, interactions: 1)
        let model = try SchNetModel(configuration: SchNetLattice.configuration(base, spacing: a, reach: m), seed: 8)
        let cfconv = try CFConvMatrix(model: model, molecule: SchNetLattice.chain(atoms: atoms, spacing: a))
        let layer = try LayerRegistry.layer(parsing: SchNetLattice.convolutionSpec(features: 3, reach: m), input: cfconv.shape)
        #expect(layer.output == cfconv.shape)
        let weight = SchNetLattice.convolutionWeight(model: model, spacing: a, reach: m)
        #expect(weight.count == layer.weightParameterCount)
        let convolution = layer.matrixForm().tied.dense(parameters: weight)
        let lattice = cfconv.tied.dense(parameters: cfconv.values)
        for k in convolution.storage.indices {
            #expect(abs(convolution.storage[k] - lattice.storage[k]) <= SchNetMatrixTests.batchRounding(model))
            #expect((convolution.storage[k] == 0) == (lattice.storage[k] == 0))
        }
        // The band: nothing beyond m, and the filter's values there are nonzero.
        #expect(lattice[0, min(m, atoms - 1)] != 0)
        if m + 1 < atoms { #expect(lattice[0, m + 1] == 0) }
        #expect((lattice[1, 1] != 0) == selfInteraction)
        // The lattice's classes are the m + 1 (or m) distances, the convolution's taps 2m + 1.
        #expect(cfconv.classes.count == min(m, atoms - 1) + (selfInteraction ? 1 : 0))
    }
}
