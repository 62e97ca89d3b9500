import ConvMatrix
import Foundation

/// The bridge from SchNet to the grid: atoms on a 1-D lattice make the
/// continuous-filter convolution a depthwise Conv1d. Prints both matrices of
/// feature 1 and their largest difference over every feature.
///
/// Not yet in `convmat demo`: hook it with one case in ``Demo/Name``
/// (`case schnetLattice = "schnet-lattice"`, its summary and `try SchNetLatticeDemo().text()`).
struct SchNetLatticeDemo {
    let atoms = 6
    let spacing = 1.25
    let reach = 2
    let configuration = SchNetConfiguration(features: 2, rbfCount: 60, interactions: 1)

    func text() throws -> String {
        let base = SchNetLattice.configuration(configuration, spacing: spacing, reach: reach)
        let model = try SchNetModel(configuration: base, seed: 0)
        let chain = SchNetLattice.chain(atoms: atoms, spacing: spacing)
        let cfconv = try CFConvMatrix(model: model, molecule: chain)
        let spec = SchNetLattice.convolutionSpec(features: configuration.features, reach: reach)
        let layer = try LayerRegistry.layer(parsing: spec, input: cfconv.shape)
        let weight = SchNetLattice.convolutionWeight(model: model, spacing: spacing, reach: reach)
        let convolution = layer.matrixForm().tied.dense(parameters: weight)
        let lattice = cfconv.tied.dense(parameters: cfconv.values)
        let difference = zip(convolution.storage, lattice.storage).map { abs($0 - $1) }.max() ?? 0
        let title = "SchNet on a lattice is a depthwise convolution"
        var text = title + "\n" + String(repeating: "═", count: title.count) + "\n\n"
        text += "\(atoms) atoms at r_k = (k·\(spacing) Å, 0, 0), cutoff (m + ½)a with m = \(reach): d_ij = |i − j|·a for |i − j| ≤ \(reach).\n"
        text += "cfconv  x'_{f,i} = Σ_{0<|s|≤m} W_f(|s|a) x_{f,i+s}  =  \(spec)\n"
        text += "with taps w_{f,t} = W_f(|t − m|·a), the centre tap 0 (no self-pairs).\n\n"
        text += "feature 1, cfconv W_1(d_ij):\n" + rows(lattice) + "\n"
        text += "feature 1, Conv1d taps \(taps(weight)) as Wᵀ:\n" + rows(convolution) + "\n"
        text += "largest difference over all \(configuration.features) features: \(String(format: "%.1e", difference))"
        text += " (at most the filter network's batch rounding; the zeros agree exactly)\n"
        return text
    }

    /// The first feature's n × n block, three decimals.
    private func rows(_ matrix: Matrix) -> String {
        (0..<atoms).map { r in "  " + (0..<atoms).map { String(format: "%7.3f", matrix[r, $0]) }.joined(separator: " ") + "\n" }.joined()
    }

    private func taps(_ weight: [Double]) -> String {
        "(" + weight.prefix(2 * reach + 1).map { String(format: "%.3f", $0) }.joined(separator: ", ") + ")"
    }
}
