import Testing

@testable import ConvMatrix

/// A transposed convolution and its matching convolution, Conv(out, in, k, s, p, d, groups).
struct TransposedPair: CustomTestStringConvertible, Sendable {
    let transposed: String
    let convolution: String
    let input: String

    var testDescription: String { "\(transposed) on \(input)" }
}

/// Wᵀ of ConvTranspose is, exactly, the transpose of the first n rows (per
/// dimension) of the matching convolution's Wᵀ, built by the library's
/// `Convolution` on the transposed layer's output size: same terms, same
/// parameter names, same numbers.
@Suite struct TransposedIdentityTests {
    /// 1-D: strides 1…3, paddings 0…2, dilations 1…2, groups 1…2, every admissible output padding.
    static let grid: [TransposedPair] = (1...3).flatMap { s in
        (0...2).flatMap { p in
            (1...2).flatMap { d in
                (1...2).flatMap { g in
                    (0..<max(s, d)).map { a in
                        TransposedPair(
                            transposed: "ConvTranspose1d(2, 4, 3, stride=\(s), padding=\(p), output_padding=\(a), groups=\(g), dilation=\(d))",
                            convolution: "Conv1d(4, 2, 3, stride=\(s), padding=\(p), dilation=\(d), groups=\(g))", input: "2x4")
                    }
                }
            }
        }
    }

    static let planes: [TransposedPair] = [
        TransposedPair(
            transposed: "ConvTranspose2d(2, 2, (2, 3), stride=(2, 1), padding=(1, 0), output_padding=(1, 0), dilation=(1, 2))",
            convolution: "Conv2d(2, 2, (2, 3), stride=(2, 1), padding=(1, 0), dilation=(1, 2))", input: "2x3x4"),
        TransposedPair(
            transposed: "ConvTranspose2d(2, 4, 3, stride=2, padding=1, output_padding=1, groups=2)",
            convolution: "Conv2d(4, 2, 3, stride=2, padding=1, groups=2)", input: "2x3x3"),
        TransposedPair(
            transposed: "ConvTranspose2d(1, 2, (3, 2), stride=(1, 3), padding=(2, 1), output_padding=(1, 2), dilation=(2, 1))",
            convolution: "Conv2d(2, 1, (3, 2), stride=(1, 3), padding=(2, 1), dilation=(2, 1))", input: "1x4x3"),
        TransposedPair(
            transposed: "ConvTranspose3d(1, 1, 2, stride=2, output_padding=(0, 1, 1), dilation=(1, 1, 2))",
            convolution: "Conv3d(1, 1, 2, stride=2, dilation=(1, 1, 2))", input: "1x2x2x2"),
    ]

    @Test(arguments: grid + planes)
    func transposedIsTheTransposeOfTheMatchingConvolution(_ pair: TransposedPair) throws {
        let layer = try #require(try LayerRegistry.layer(parsing: pair.transposed, input: TensorShape(parsing: pair.input)) as? TransposedConvolution)
        let convolution = try Convolution(
            ConvolutionSpec(parsing: pair.convolution), input: TensorShape(channels: layer.spec.outChannels, spatial: layer.output.spatial))
        // The convolution reads n + ⌊a / s⌋ positions per dimension: n exactly when a < s.
        let expected = layer.input.spatial.indices.map { d in layer.input.spatial[d] + layer.spec.outputPadding[d] / layer.spec.stride[d] }
        #expect(convolution.output.spatial == expected)

        let transposed = layer.tiedMatrix()
        let matching = convolution.matrixForm().tied
        let firstRows = Self.firstRows(of: convolution, within: layer.input.spatial)
        #expect(firstRows.count == layer.input.count)
        let flipped = matching.terms.compactMap { term in
            firstRows[term.row].map { Term(row: term.column, column: $0, parameter: term.parameter) }
        }
        #expect(transposed.terms == flipped.sorted())
        #expect(layer.termCount == flipped.count)
        #expect(transposed.parameters == matching.parameters)
        #expect(transposed.rowBlockSize == matching.columnBlockSize)

        var random = SplitMix64(seed: 7)
        let w = random.integers(layer.weightParameterCount)
        let dense = matching.dense(parameters: w)
        let rows = firstRows.sorted { $0.value < $1.value }.map(\.key)
        let expectedDense = Matrix(columns: rows.map { r in (0..<dense.columns).map { dense[r, $0] } }, rows: dense.columns)
        #expect(transposed.dense(parameters: w) == expectedDense)
    }

    /// The convolution's output units whose position lies inside `extent` in every
    /// dimension, mapped to their index in a map of that extent (channel-major).
    static func firstRows(of convolution: Convolution, within extent: [Int]) -> [Int: Int] {
        let map = RowMajor(convolution.output.spatial), kept = RowMajor(extent)
        var rows: [Int: Int] = [:]
        for r in 0..<convolution.output.count {
            let position = map.index(r % map.count)
            guard zip(position, extent).allSatisfy({ $0 < $1 }) else { continue }
            rows[r] = (r / map.count) * kept.count + kept.offset(position)
        }
        return rows
    }
}
