import ConvMatrix

/// The slides' string kernel: φ_struct(x) = Σ_{s ∈ S_d(x)} φ(s) is a width-d
/// convolution of the one-hot sequence followed by a sum over positions, and
/// sequences of any length give feature vectors of one length.
struct SlidingWindowDemo: TeachingDemo {
    var seed: UInt64 = 0
    let sequences = ["ATCAGACAATA", "CGTACAA"]
    let alphabet = Array("ACGT")

    let title = "The sliding window: a string kernel as a convolution and a sum pooling"

    func steps() throws -> [DemoStep] {
        let first = try features(sequences[0]), second = try features(sequences[1])
        return [
            DemoStep(
                title: "One-hot sequences",
                explanation: """
                    Each letter becomes a column of 4 channels (A, C, G, T) with a single 1, so a sequence \
                    of length L is a 4 × L input, and a substring s of length d is a 4 × d window.
                    """, body: sequences.map(oneHotText).joined(separator: "\n")),
            DemoStep(
                title: "φ_struct(x) = Σ_s φ(s): a convolution, then a sum",
                explanation: """
                    With φ(s) = W·s, linear in the window, the slides' feature map is the Conv1d(4, F, d) \
                    of the one-hot input summed over its positions: the dna-string-kernel network. \
                    The sum over substrings, computed directly, agrees.
                    """, body: first.text + "\n" + second.text),
            DemoStep(
                title: "One length whatever the sequence",
                explanation: """
                    The sum over positions removes the length: both sequences give F features, and the \
                    kernel k_struct(x, x′) = Σ_{s, s′} k(s, s′) is the inner product of their feature vectors.
                    """, body: kernelText(first, second)),
        ]
    }

    struct Features {
        let sequence: String
        let phi: [Double]
        let direct: [Double]
        let windows: [[Double]]
        let text: String
    }

    /// φ_struct by the network's matrices and by the sum over substrings.
    private func features(_ sequence: String) throws -> Features {
        let letters = Array(sequence)
        let network = try Network(named: "dna-string-kernel", input: TensorShape(channels: 4, spatial: [letters.count]))
        let weights = NetworkWeights.integers(for: network, seed: seed)
        guard let conv = network.layers.first(where: { $0.layer is Convolution }) else {
            preconditionFailure("the shipped dna-string-kernel network has a convolution")
        }
        let w = weights.weights(for: conv).weight
        let (f, d) = (conv.layer.weightShape[0], conv.layer.weightShape[2])
        let x = oneHot(letters)
        let phi = try MaterialisedNetwork(network, weights: weights).forward(x)
        let bias = weights.weights(for: conv).bias ?? Array(repeating: 0, count: f)
        var windows: [[Double]] = []
        for start in 0...(letters.count - d) {
            windows.append(
                (0..<f).map { j in
                    var sum = bias[j]
                    for c in 0..<4 { for m in 0..<d where letters[start + m] == alphabet[c] { sum += w[(j * 4 + c) * d + m] } }
                    return sum
                })
        }
        let direct = (0..<f).map { j in windows.reduce(0) { $0 + $1[j] } }
        let text =
            "x = \(sequence) (L = \(letters.count), \(windows.count) substrings of length \(d))\n"
            + "  φ_struct by the matrices  \(VectorText.tuple(phi, width: 4))\n"
            + "  Σ_s φ(s), directly        \(VectorText.tuple(direct, width: 4))\n"
            + "  max |difference| = \(NumberFormat.compact(maxAbsDifference(phi, direct)))\n"
        return Features(sequence: sequence, phi: phi, direct: direct, windows: windows, text: text)
    }

    private func kernelText(_ a: Features, _ b: Features) -> String {
        let inner = zip(a.phi, b.phi).reduce(0) { $0 + $1.0 * $1.1 }
        var pairs = 0.0
        for s in a.windows { for t in b.windows { pairs += zip(s, t).reduce(0) { $0 + $1.0 * $1.1 } } }
        return "feature lengths: \(a.phi.count) for L = \(a.sequence.count), \(b.phi.count) for L = \(b.sequence.count)\n"
            + "⟨φ_struct(x), φ_struct(x′)⟩ = \(NumberFormat.compact(inner))\n"
            + "Σ_{s, s′} k(s, s′) with k(s, s′) = ⟨φ(s), φ(s′)⟩ over \(a.windows.count) × \(b.windows.count) pairs = \(NumberFormat.compact(pairs))\n"
    }

    /// 4 × L, channel c holding 1 where the letter is alphabet[c], flattened channel after channel.
    private func oneHot(_ letters: [Character]) -> [Double] {
        (0..<4).flatMap { c in letters.map { $0 == alphabet[c] ? 1.0 : 0 } }
    }

    private func oneHotText(_ sequence: String) -> String {
        let letters = Array(sequence)
        var text = "x = \(sequence)\n     " + letters.map { " \($0)" }.joined() + "\n"
        for c in 0..<4 { text += "  \(alphabet[c])  " + letters.map { $0 == alphabet[c] ? " 1" : " ·" }.joined() + "\n" }
        return text
    }
}
