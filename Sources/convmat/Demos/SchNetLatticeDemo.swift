import ConvMatrix
import Foundation

/// The bridge from SchNet to the grid: atoms on a 1-D lattice make the
/// continuous-filter convolution a depthwise Conv1d. Prints both matrices of
/// feature 1 and their largest difference over every feature.
struct SchNetLatticeDemo: TeachingDemo {
    let atoms = 6
    let spacing = 1.25
    let reach = 2
    let configuration = SchNetConfiguration(features: 2, rbfCount: 60, interactions: 1)

    let title = "SchNet on a lattice is a depthwise convolution"

    func steps() throws -> [DemoStep] {
        let whole = try text()
        let split = whole.range(of: "feature 1, Conv1d taps") ?? whole.endIndex..<whole.endIndex
        return [
            DemoStep(
                title: "Atoms on a lattice: the cfconv matrix",
                explanation: """
                    A continuous-filter convolution shares a filter value W_f(d) between all pairs of \
                    atoms at one distance d. On a lattice of spacing a the distances are |i − j|·a, so \
                    the matrix of one feature is banded, one value a diagonal.
                    """, body: String(whole[..<split.lowerBound])),
            DemoStep(
                title: "The same matrix as a depthwise Conv1d",
                explanation: """
                    A grid convolution shares a parameter between all pairs of units at one offset. With \
                    taps w_t = W(|t − m|·a) the depthwise Conv1d has the same Wᵀ, entry for entry.
                    """, body: String(whole[split.lowerBound...])),
        ]
    }

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
        var text = ""
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
