import ConvMatrix

/// Dumoulin and Visin's convolution arithmetic, computed: for no padding,
/// padding p, half ('same'), full, strides, output_padding and dilation, the
/// output size by the relationship and by the layer, Wᵀ of the Conv1d beside
/// Wᵀ of the ConvTranspose1d with the same geometry, and the check that the
/// second is the transpose of the first.
///
///     o  = ⌊(i + 2p − k̂)/s⌋ + 1,             k̂ = k + (k − 1)(d − 1)
///     o′ = s(i′ − 1) + k̂ − 2p + a             (a = output_padding)
struct ArithmeticDemo: TeachingDemo {
    var seed: UInt64 = 0
    let title = "Convolution arithmetic: output sizes and their transposes"

    /// One relationship: a convolution on an input of length i, the transposed
    /// convolution of the same geometry on its output, and both size formulas.
    struct Relationship {
        let title: String
        let explanation: String
        let convolution: String
        let length: Int
        let forward: SizeFormula
        let transposed: String
        let backward: SizeFormula
        /// Another input length the convolution maps to the same output (when output_padding tells them apart).
        var sameOutputFrom: Int? = nil
        /// The transposed layer without output_padding, for ``sameOutputFrom``.
        var transposedWithoutOutputPadding = ""
    }

    static var relationships: [Relationship] {
        [
            Relationship(
                title: "No padding: o = i − k + 1",
                explanation: """
                    A kernel of k taps fits at i − k + 1 positions of an input of length i. The transposed \
                    convolution scatters each of its i′ inputs over k outputs: o′ = i′ + k − 1, the size \
                    the convolution started from.
                    """, convolution: "Conv1d(1, 1, 3, bias=False)", length: 5, forward: SizeFormula("i − k + 1") { $0.i - $0.k + 1 },
                transposed: "ConvTranspose1d(1, 1, 3, bias=False)", backward: SizeFormula("i′ + k − 1") { $0.i + $0.k - 1 }),
            Relationship(
                title: "Padding p: o = i − k + 2p + 1",
                explanation: """
                    Zero padding lengthens the input by 2p. The transposed convolution with padding p \
                    crops p units from each end of its output instead: o′ = i′ + k − 2p − 1.
                    """, convolution: "Conv1d(1, 1, 4, padding=2, bias=False)", length: 5,
                forward: SizeFormula("i − k + 2·p + 1") { $0.i - $0.k + 2 * $0.p + 1 },
                transposed: "ConvTranspose1d(1, 1, 4, padding=2, bias=False)", backward: SizeFormula("i′ + k − 2·p − 1") { $0.i + $0.k - 2 * $0.p - 1 }),
            Relationship(
                title: "Half ('same') padding: o = i",
                explanation: """
                    With an odd k and p = ⌊k/2⌋ the output is as long as the input. Its transpose is again \
                    a half-padded layer, o′ = i′, and Wᵀ is square.
                    """, convolution: "Conv1d(1, 1, 3, padding='same', bias=False)", length: 5,
                forward: SizeFormula("i + 2·⌊k/2⌋ − k + 1") { $0.i + 2 * ($0.k / 2) - $0.k + 1 },
                transposed: "ConvTranspose1d(1, 1, 3, padding=1, bias=False)", backward: SizeFormula("i′ + k − 2·p − 1") { $0.i + $0.k - 2 * $0.p - 1 }),
            Relationship(
                title: "Full padding: o = i + k − 1",
                explanation: """
                    With p = k − 1 every window that touches the input counts. The transpose of full padding \
                    is no padding: o′ = i′ − k + 1.
                    """, convolution: "Conv1d(1, 1, 3, padding='full', bias=False)", length: 4,
                forward: SizeFormula("i + k − 1") { $0.i + $0.k - 1 },
                transposed: "ConvTranspose1d(1, 1, 3, padding=2, bias=False)", backward: SizeFormula("i′ − k + 1") { $0.i - $0.k + 1 }),
            Relationship(
                title: "Strides: o = ⌊(i + 2p − k)/s⌋ + 1",
                explanation: """
                    A stride s keeps every s-th window. The transposed layer spreads its inputs s apart, \
                    s − 1 zeros between them, before the kernel slides: o′ = s(i′ − 1) + k − 2p.
                    """, convolution: "Conv1d(1, 1, 3, stride=2, bias=False)", length: 7,
                forward: SizeFormula("⌊(i + 2·p − k)/s⌋ + 1") { ($0.i + 2 * $0.p - $0.k) / $0.s + 1 },
                transposed: "ConvTranspose1d(1, 1, 3, stride=2, bias=False)",
                backward: SizeFormula("s·(i′ − 1) + k − 2·p") { $0.s * ($0.i - 1) + $0.k - 2 * $0.p }),
            Relationship(
                title: "Strides that do not divide: output_padding a",
                explanation: """
                    When s does not divide i + 2p − k, the floor forgets the remainder, and two input sizes \
                    give one output size. The transposed layer cannot tell them apart; output_padding a adds \
                    the missing units at the end: o′ = s(i′ − 1) + k − 2p + a.
                    """, convolution: "Conv1d(1, 1, 3, stride=2, padding=1, bias=False)", length: 6,
                forward: SizeFormula("⌊(i + 2·p − k)/s⌋ + 1") { ($0.i + 2 * $0.p - $0.k) / $0.s + 1 },
                transposed: "ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1, bias=False)",
                backward: SizeFormula("s·(i′ − 1) + k − 2·p + a") { $0.s * ($0.i - 1) + $0.k - 2 * $0.p + $0.a }, sameOutputFrom: 5,
                transposedWithoutOutputPadding: "ConvTranspose1d(1, 1, 3, stride=2, padding=1, bias=False)"),
            Relationship(
                title: "Dilation: k̂ = k + (k − 1)(d − 1)",
                explanation: """
                    Dilation d spreads the k taps d apart, so the kernel spans k̂ units and o = i − k̂ + 1. \
                    The transposed layer spans the same k̂: o′ = i′ + k̂ − 1.
                    """, convolution: "Conv1d(1, 1, 3, dilation=2, bias=False)", length: 7,
                forward: SizeFormula("i − (k + (k − 1)·(d − 1)) + 1") { $0.i - $0.kHat + 1 },
                transposed: "ConvTranspose1d(1, 1, 3, dilation=2, bias=False)",
                backward: SizeFormula("i′ + (k + (k − 1)·(d − 1)) − 1") { $0.i + $0.kHat - 1 }),
        ]
    }

    func steps() throws -> [DemoStep] {
        try Self.relationships.map { DemoStep(title: $0.title, explanation: $0.explanation, body: try body($0)) }
    }

    /// Both layers' sizes by formula and by the library, both matrices, and the transpose check.
    private func body(_ relationship: Relationship) throws -> String {
        let convolution = try Convolution(ConvolutionSpec(parsing: relationship.convolution), input: TensorShape(channels: 1, spatial: [relationship.length]))
        let transposedLayer = try LayerRegistry.layer(parsing: relationship.transposed, input: convolution.output)
        guard let transposed = transposedLayer as? TransposedConvolution else { preconditionFailure("\(relationship.transposed) is a ConvTranspose1d") }
        let spec = convolution.spec
        let forward = SizeFormula.Sizes(
            i: convolution.input.spatial[0], k: spec.kernelSize[0], p: convolution.geometry.padding[0].before, s: spec.stride[0], d: spec.dilation[0], a: 0)
        let t = transposed.spec
        let backward = SizeFormula.Sizes(
            i: transposed.input.spatial[0], k: t.kernelSize[0], p: t.padding[0], s: t.stride[0], d: t.dilation[0], a: t.outputPadding[0])
        var text = Self.header(relationship.convolution, "on i = \(forward.i):") + relationship.forward.lines("o", forward, output: convolution.output)
        if let other = relationship.sameOutputFrom {
            let shorter = try Convolution(convolution.spec, input: TensorShape(channels: 1, spatial: [other]))
            let plain = try LayerRegistry.layer(parsing: relationship.transposedWithoutOutputPadding, input: shorter.output)
            text +=
                "  the same Conv1d on i = \(other) also gives \(shorter.output); without output_padding the\n"
                + "  ConvTranspose1d on \(shorter.output) gives \(plain.output): a = \(backward.a) tells i = \(other) and i = \(forward.i) apart\n"
        }
        return text + Self.header(relationship.transposed, "on i′ = o = \(backward.i):")
            + relationship.backward.lines("o′", backward, output: transposed.output)
            + "\n"
            + SideBySide.matrices(
                ("Conv1d: Wᵀ is \(convolution.output.count) × \(convolution.input.count)", convolution),
                ("ConvTranspose1d: Wᵀ is \(transposed.output.count) × \(transposed.input.count)", transposed))
            + "\n" + (try transposeCheck(convolution, transposed))
    }

    /// `spec on i = 5:` on one line when it fits in 80 columns, else on two.
    private static func header(_ spec: String, _ input: String) -> String {
        spec.count + 1 + input.count <= 80 ? "\(spec) \(input)\n" : "\(spec)\n\(input)\n"
    }

    /// The transposed layer's terms against the convolution's with row and column
    /// swapped, and the dense matrices with the same integer taps.
    private func transposeCheck(_ convolution: Convolution, _ transposed: TransposedConvolution) throws -> String {
        let forwardTerms = Set(convolution.matrixForm().tied.terms.map { Term(row: $0.column, column: $0.row, parameter: $0.parameter) })
        let transposedTerms = transposed.matrixForm().tied.terms
        let same = Set(transposedTerms) == forwardTerms && transposedTerms.count == forwardTerms.count
        let weights = LayerWeights.integers(for: convolution, seed: seed)
        let forward = try MaterialisedLayer(convolution, weights: weights).matrix
        let backward = try MaterialisedLayer(transposed, weights: try LayerWeights(weight: weights.weight, bias: nil, for: transposed)).matrix
        let structure = same ? "yes" : "no"
        return "ConvTranspose1d's \(transposedTerms.count) terms = Conv1d's with row and column swapped: \(structure)\n"
            + "integer taps \(VectorText.tuple(weights.weight, width: 2)) (seed \(seed)): "
            + "max |Wᵀ_transposed − (Wᵀ_conv)ᵀ| = \(NumberFormat.compact(maxAbsDifference(backward.storage, forward.transposed.storage)))\n"
    }
}

/// An output-size formula in Dumoulin and Visin's letters, shown with its numbers
/// substituted: `o = i − k + 1 = 5 − 3 + 1 = 3`.
struct SizeFormula {
    /// The letters of one layer: i (or i′ for a transposed layer's input), k, p, s, d, a.
    struct Sizes {
        let i, k, p, s, d, a: Int
        /// k̂ = k + (k − 1)(d − 1), the span of a dilated kernel.
        var kHat: Int { k + (k - 1) * (d - 1) }
        var letters: [String: Int] { ["i": i, "i′": i, "k": k, "p": p, "s": s, "d": d, "a": a] }
    }

    let text: String
    let value: (Sizes) -> Int

    init(_ text: String, value: @escaping (Sizes) -> Int) {
        self.text = text
        self.value = value
    }

    /// The formula, then its numbers and the layer's own output length:
    ///
    ///       o = i − k + 1
    ///         = 5 − 3 + 1 = 3    (the layer's output 1x3: o = 3)
    func lines(_ name: String, _ sizes: Sizes, output: TensorShape) -> String {
        let result = String(value(sizes))
        let numbers = Self.substituted(text, sizes.letters)
        let indent = String(repeating: " ", count: name.count + 3)
        return "  \(name) = \(text)\n\(indent)= \(numbers == result ? "" : numbers + " = ")\(result)"
            + "    (the layer's output \(output): \(name) = \(output.spatial[0]))\n"
    }

    /// The formula with each letter (a letter followed by ′ first) replaced by its value.
    static func substituted(_ text: String, _ letters: [String: Int]) -> String {
        let characters = Array(text)
        var out = ""
        var n = 0
        while n < characters.count {
            let primed = n + 1 < characters.count && characters[n + 1] == "′" ? letters[String(characters[n]) + "′"] : nil
            if let primed {
                out += String(primed)
                n += 2
            } else {
                out += letters[String(characters[n])].map(String.init) ?? String(characters[n])
                n += 1
            }
        }
        return out
    }
}

/// Two small matrices next to each other, each under its caption, or one above
/// the other when the pair is wider than 80 columns.
enum SideBySide {
    static func matrices(_ left: (caption: String, layer: any Layer), _ right: (caption: String, layer: any Layer)) -> String {
        let render = { (item: (caption: String, layer: any Layer)) in
            [item.caption]
                + DemoStyle.renderer().render(item.layer.matrixForm().tied, input: item.layer.input, output: item.layer.output)
                .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        let (a, b) = (render(left), render(right))
        let width = a.map(\.count).max() ?? 0
        guard width + 4 + (b.map(\.count).max() ?? 0) <= 80 else { return (a + [""] + b).joined(separator: "\n") + "\n" }
        return (0..<max(a.count, b.count)).map { r in
            let first = r < a.count ? a[r] : ""
            let second = r < b.count ? b[r] : ""
            return (first + String(repeating: " ", count: width - first.count + 4) + second).trimmingTrailingSpaces() + "\n"
        }.joined()
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
