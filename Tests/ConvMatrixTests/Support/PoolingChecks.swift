import Testing

@testable import ConvMatrix

/// One pooling configuration for parametrised tests, named by its spec string.
struct PoolingCase: CustomTestStringConvertible, Sendable {
    let spec: String
    /// `CxL…`, or a bare `C` for a shape without spatial dimensions.
    let input: String

    var testDescription: String { "\(spec) on \(input)" }

    var shape: TensorShape {
        let extents = input.split(separator: "x").compactMap { Int($0) }
        return TensorShape(channels: extents[0], spatial: Array(extents.dropFirst()))
    }

    func layer() throws(ConvMatrixError) -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: shape)
    }
}

/// The checks every pooling kind is held to, on small-integer inputs.
///
/// When every coefficient is dyadic (a power of two: 1, 1/2, 1/4, …) every product
/// and sum is exact and the comparisons are equalities. Otherwise Wᵀ holds
/// fl(1/d) and both sides round; with n the most entries one row holds and L the
/// most one column holds (``Tolerance``'s counting):
///
///     forward   matrix Σ_c fl(κ)·x_c: κ's rounding, the product, n − 1 additions   n + 1
///               reference fl(κ)·fl(Σ x): n − 1 additions, κ's rounding, the product  n + 1
///     adjoint   Σ_r fl(κ)·δy_r on both sides                                        L + 1
///     dot test  ⟨Wᵀx, y⟩: n + 1 + rows;   ⟨x, W y⟩: L + 1 + columns
///
/// over the magnitudes Σ |κ||x|, Σ |κ||δy| and Σ |κ||x||y| of the same products.
enum PoolingChecks {
    static func run(_ poolingCase: PoolingCase, seed: UInt64) throws {
        let layer = try poolingCase.layer()
        let form = layer.matrixForm()
        let w = form.tied.dense(parameters: [])
        var random = SplitMix64(seed: seed)
        let x = random.integers(layer.input.count)
        let dy = random.integers(layer.output.count)
        let exact = form.tied.constants.allSatisfy { $0.value.significand == 1 }
        let n = rowCounts(form.tied).max() ?? 0, l = columnCounts(form.tied).max() ?? 0
        let forward: [Double] = layer.referenceForward(x: x, weight: [], bias: nil)
        let forwardMagnitudes = (0..<w.rows).map { r in (0..<w.columns).reduce(0.0) { $0 + abs(w[r, $1]) * abs(x[$1]) } }
        expectClose(w.multiply(x), forward, bounds: bound(exact, n + 1, n + 1, forwardMagnitudes), "forward")

        let dx = layer.referenceInputGradient(outputGradient: dy, weight: [])
        let adjointMagnitudes = (0..<w.columns).map { c in (0..<w.rows).reduce(0.0) { $0 + abs(w[$1, c]) * abs(dy[$1]) } }
        expectClose(w.multiply(dy, transposed: true), dx, bounds: bound(exact, l + 1, l + 1, adjointMagnitudes), "input gradient")

        let left = zip(forward, dy).reduce(0.0) { $0 + $1.0 * $1.1 }
        let right = zip(x, dx).reduce(0.0) { $0 + $1.0 * $1.1 }
        let dotMagnitude = zip(forwardMagnitudes, dy).reduce(0.0) { $0 + $1.0 * abs($1.1) }
        expectClose([left], [right], bounds: bound(exact, n + 1 + w.rows, l + 1 + w.columns, [dotMagnitude]), "dot test")

        #expect(form.tied.reduce(outputGradient: dy, input: x) == layer.referenceWeightGradient(input: x, outputGradient: dy))
        #expect(layer.referenceWeightGradient(input: x, outputGradient: dy).isEmpty)
    }

    /// Wᵀ e_c = forward(e_c): the matrix read column by column off the reference.
    static func columnsFromReference(_ poolingCase: PoolingCase) throws {
        let layer = try poolingCase.layer()
        let w = layer.matrixForm().tied.dense(parameters: [])
        for c in 0..<layer.input.count {
            var unit = Array(repeating: 0.0, count: layer.input.count)
            unit[c] = 1
            let column: [Double] = layer.referenceForward(x: unit, weight: [], bias: nil)
            #expect(column == w.column(c), "column \(c)")
        }
    }

    /// No parameters, every entry a constant, the same block on every map and none off the diagonal.
    static func structure(_ poolingCase: PoolingCase) throws {
        let layer = try poolingCase.layer()
        let tied = layer.matrixForm().tied
        #expect(layer.weightShape.isEmpty && layer.biasShape == nil && layer.weightParameterCount == 0)
        #expect(tied.parameters.isEmpty && tied.terms.isEmpty)
        #expect(tied.rows == layer.output.count && tied.columns == layer.input.count)
        #expect((0..<tied.rows).allSatisfy { layer.biasParameter(ofRow: $0) == nil })
        let outMap = layer.output.mapSize, inMap = layer.input.mapSize
        #expect(tied.constants.allSatisfy { $0.row / outMap == $0.column / inMap }, "block-diagonal")
        let blocks = (0..<layer.input.channels).map { j in
            tied.constants.filter { $0.row / outMap == j }.map { ConstantEntry(row: $0.row % outMap, column: $0.column % inMap, value: $0.value) }
        }
        #expect(blocks.allSatisfy { $0 == blocks[0] }, "the same block on every map")
        #expect(!blocks[0].isEmpty && (0..<outMap).allSatisfy { r in blocks[0].contains { $0.row == r } }, "every output reads something")
    }

    /// parse(print(layer)) prints the same and is the same layer.
    static func parsePrint(_ poolingCase: PoolingCase) throws {
        let layer = try poolingCase.layer()
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: poolingCase.shape)
        #expect(again.specDescription == layer.specDescription)
        #expect(again.kind == layer.kind && again.output == layer.output)
        #expect(again.matrixForm().tied.constants == layer.matrixForm().tied.constants)
    }

    /// The error a spec on an input gives: its field and its reason.
    static func error(_ spec: String, input: String) -> ConvMatrixError? {
        do {
            _ = try PoolingCase(spec: spec, input: input).layer()
            return nil
        } catch {
            return error
        }
    }

    private static func bound(_ exact: Bool, _ a: Int, _ b: Int, _ magnitudes: [Double]) -> [Double] {
        magnitudes.map { exact ? 0 : Tolerance.betweenTwoSums(roundings: a, b, magnitude: $0) }
    }

    private static func expectClose(_ a: [Double], _ b: [Double], bounds: [Double], _ what: String) {
        #expect(a.count == b.count, "\(what): \(a.count) against \(b.count) units")
        for (k, (u, v)) in zip(a, b).enumerated() {
            #expect(abs(u - v) <= bounds[k], "\(what) unit \(k): \(u) against \(v), bound \(bounds[k])")
        }
    }

    private static func rowCounts(_ tied: TiedMatrix) -> [Int] {
        var counts = Array(repeating: 0, count: tied.rows)
        for entry in tied.constants { counts[entry.row] += 1 }
        return counts
    }

    private static func columnCounts(_ tied: TiedMatrix) -> [Int] {
        var counts = Array(repeating: 0, count: tied.columns)
        for entry in tied.constants { counts[entry.column] += 1 }
        return counts
    }
}
