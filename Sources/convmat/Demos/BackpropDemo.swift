import ConvMatrix
import Foundation

/// The slides' "Error Backpropagation in a Convolution", line by line: each line
/// of the derivations of ∂E/∂x and ∂E/∂w evaluated on small integers, beside
/// the matrix form's δx = W δz and tied gradient, and the slides' two uses of ∗
/// and their w_{ij} / v_{ji} reconciled.
struct BackpropDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "Error backpropagation in a convolution, line by line"

    /// One input map of n units, one kernel of k taps, 'valid': z has n − k + 1 units.
    let n = 7, k = 3

    func steps() throws -> [DemoStep] {
        let layer = try LayerRegistry.layer(parsing: "Conv1d(1, 1, \(k), bias=False)", input: TensorShape(channels: 1, spatial: [n]))
        var random = SplitMix64(seed: seed &+ 11)
        // Small nonzero integer taps, made asymmetric so that the flip in ∂E/∂x shows.
        var taps = (0..<k).map { _ in Double(random.nextSmallNonzeroInteger()) }
        if taps[0] == taps[k - 1] { taps[k - 1] = -taps[k - 1] }
        let m = try MaterialisedLayer(layer, weights: LayerWeights(weight: taps, bias: nil, for: layer))
        let w = m.weights.weight
        let x = (0..<n).map { _ in Double(random.nextInt(in: -3...3)) }
        let dz = (0..<(n - k + 1)).map { _ in Double(random.nextSmallNonzeroInteger()) }
        return [
            DemoStep(
                title: "Forward: z_t = [w ∗ x]_t = Σ_s w_s · x_(t+s)",
                explanation: """
                    The slides' forward pass slides the kernel along x without flipping it: a \
                    cross-correlation, which is what PyTorch's Conv1d computes and what Wᵀ holds.
                    """, body: forward(m, w: w, x: x)),
            DemoStep(
                title: "∂E/∂x_u, each line of the derivation evaluated",
                explanation: """
                    The chain rule sums over the outputs z_t that read x_u; the indicator keeps the one \
                    tap s = u − t; the result is a true convolution of ∂E/∂z with w: the kernel flipped. \
                    The matrix form gets the same numbers as δx = W δz.
                    """, body: inputGradient(m, w: w, dz: dz)),
            DemoStep(
                title: "∂E/∂w_u, each line of the derivation evaluated",
                explanation: """
                    Each tap w_u is used by every output z_t, on x_(u+t): its gradient is a \
                    cross-correlation of ∂E/∂z with x. The matrix form sums δz xᵀ over the entries \
                    the tap occupies.
                    """, body: weightGradient(m, x: x, dz: dz)),
            DemoStep(
                title: "The notation, reconciled",
                explanation: """
                    The slides write ∗ for two operations, and index the 2-D kernel wᵢⱼ with i the input \
                    map, where the matrix writes vⱼᵢ with the output map j first, as PyTorch's weight \
                    (out, in, k) does.
                    """, body: notation(w: w, dz: dz)),
        ]
    }

    private func forward(_ m: MaterialisedLayer, w: [Double], x: [Double]) -> String {
        let z = m.forward(x)
        let direct = (0..<(n - k + 1)).map { t in (0..<k).reduce(0.0) { $0 + w[$1] * x[t + $1] } }
        return "w = \(VectorText.tuple(w)) (integer taps drawn from seed \(seed)),  x = \(VectorText.tuple(x))\n"
            + "Σ_s w_s · x_(t+s)  = \(VectorText.tuple(direct))\n"
            + "Wᵀx (one dgemv)    = \(VectorText.tuple(z))\n"
    }

    private func inputGradient(_ m: MaterialisedLayer, w: [Double], dz: [Double]) -> String {
        let outputs = dz.indices
        var lines = ["∂E/∂z = \(VectorText.tuple(dz))", "", "u   Σ_t ∂E/∂z_t·∂z_t/∂x_u   Σ_t Σ_s ∂E/∂z_t·w_s·1{t+s=u}   Σ_t ∂E/∂z_t·w_(u−t)"]
        var byLines: [[Double]] = [[], [], []]
        for u in 0..<n {
            let chain = outputs.reduce(0.0) { $0 + dz[$1] * m.matrix[$1, u] }
            let double = outputs.reduce(0.0) { sum, t in sum + (0..<k).reduce(0.0) { $0 + (t + $1 == u ? dz[t] * w[$1] : 0) } }
            let single = outputs.reduce(0.0) { $0 + (u - $1 >= 0 && u - $1 < k ? dz[$1] * w[u - $1] : 0) }
            byLines[0].append(chain)
            byLines[1].append(double)
            byLines[2].append(single)
            lines.append(Self.row(u, [chain, double, single], widths: [22, 32, 22]))
        }
        let fullConvolution = (0..<n).map { u in outputs.reduce(0.0) { $0 + (u - $1 >= 0 && u - $1 < k ? dz[$1] * w[u - $1] : 0) } }
        let matrix = m.inputGradient(batch: Matrix(rows: dz.count, columns: 1, columnMajor: dz)).column(0)
        lines += [
            "", "[∂E/∂z ∗ w] (full convolution, kernel flipped) = \(VectorText.tuple(fullConvolution))",
            "W δz (the transposed dgemv)                    = \(VectorText.tuple(matrix))",
            "max |difference| over every line and the matrix = \(NumberFormat.compact((byLines + [fullConvolution]).map { maxAbsDifference(matrix, $0) }.max() ?? 0))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func weightGradient(_ m: MaterialisedLayer, x: [Double], dz: [Double]) -> String {
        let outputs = dz.indices
        var lines = ["u   Σ_t ∂E/∂z_t·∂z_t/∂w_u   Σ_t Σ_s ∂E/∂z_t·x_(t+s)·1{s=u}   Σ_t ∂E/∂z_t·x_(u+t)"]
        var all: [Double] = []
        for u in 0..<k {
            let chain = outputs.reduce(0.0) { $0 + dz[$1] * x[$1 + u] }
            let double = outputs.reduce(0.0) { sum, t in sum + (0..<k).reduce(0.0) { $0 + ($1 == u ? dz[t] * x[t + $1] : 0) } }
            let single = outputs.reduce(0.0) { $0 + dz[$1] * x[u + $1] }
            all += [chain, double, single]
            lines.append(Self.row(u, [chain, double, single], widths: [22, 33, 22]))
        }
        let tied = m.backward(input: x, outputGradient: dz).weight
        let repeated = tied.flatMap { [$0, $0, $0] }
        lines += [
            "", "tied Σ of δz xᵀ over each tap's entries = \(VectorText.tuple(tied))",
            "max |difference| over every line and the matrix = \(NumberFormat.compact(maxAbsDifference(repeated, all)))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `u` and the three lines' values, right-aligned under their headings.
    private static func row(_ u: Int, _ values: [Double], widths: [Int]) -> String {
        "\(u + 1)".padding(toLength: 4, withPad: " ", startingAt: 0)
            + zip(values, widths).map { NumberFormat.compact($0).leftPadded(to: $1) }.joined()
    }

    private func notation(w: [Double], dz: [Double]) -> String {
        let flipped = Array(w.reversed())
        let outputs = dz.indices
        let convolution = (0..<n).map { u in outputs.reduce(0.0) { $0 + (u - $1 >= 0 && u - $1 < k ? dz[$1] * w[u - $1] : 0) } }
        let correlation = (0..<n).map { u in
            (0..<k).reduce(0.0) { sum, s in
                let t = u - (k - 1) + s
                return sum + (t >= 0 && t < dz.count ? dz[t] * flipped[s] : 0)
            }
        }
        return """
            forward  [w ∗ x]_t  = Σ_s w_s x_(t+s): a cross-correlation (no flip), PyTorch's convolution
            backward [∂E/∂z ∗ w]_u = Σ_t ∂E/∂z_t w_(u−t): a true convolution, i.e. the zero-padded
                     cross-correlation with the flipped kernel \(VectorText.tuple(flipped)):
                     \(VectorText.tuple(convolution))  =  \(VectorText.tuple(correlation))  (max |difference| = \(NumberFormat.compact(maxAbsDifference(convolution, correlation))))
            2-D slide: yⱼ = Σᵢ [wᵢⱼ ∗ xᵢ] with i the input map; the matrix, like PyTorch's weight
                     (out, in, kH, kW), writes vⱼᵢ at tap (α, β) = wᵢⱼ at (α, β): output map first, then input map, then tap.

            """
    }
}
