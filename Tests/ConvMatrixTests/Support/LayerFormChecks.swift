import Testing

@testable import ConvMatrix

extension LayerCase {
    /// The layer of any registered kind this case writes.
    func registeredLayer() throws -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
    }
}

/// A spec the registry must refuse: the FIELD of the one error line and a phrase of its reason.
struct RefusedSpec: CustomTestStringConvertible, Sendable {
    let spec: String
    let input: String
    let field: String
    let phrase: String

    var testDescription: String { "\(spec) on \(input)" }

    /// The error, or a recorded issue when the spec is accepted.
    func check() {
        do {
            let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
            Issue.record("accepted as \(layer.specDescription)")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(error.reason.contains(phrase), "\(error)")
        }
    }
}

/// The checks every kind's matrix form must pass against its own plain-loop
/// reference, on small-integer data (so every sum is exact and every comparison
/// an equality):
///
///     Wᵀx + b_β          = referenceForward(x, w, b)
///     Wᵀ e_c             = referenceForward(e_c) − referenceForward(0)     (column by column)
///     ⟨Wᵀx, δy⟩          = ⟨x, referenceInputGradient(δy)⟩                 (dot test)
///     reduce(δy, x)      = referenceWeightGradient(x, δy)
enum LayerFormChecks {
    /// Integer weights, bias, input and output gradient drawn from `seed`.
    struct Data {
        let weight: [Double]
        let bias: [Double]?
        let x: [Double]
        let dy: [Double]

        init(for layer: any Layer, seed: UInt64) {
            var random = SplitMix64(seed: seed)
            weight = random.integers(layer.weightParameterCount)
            bias = layer.biasShape.map { _ in random.integers(layer.biasParameterCount) }
            x = random.integers(layer.input.count)
            dy = random.integers(layer.output.count)
        }
    }

    /// The materialised Wᵀ with the data's weights.
    static func dense(_ layer: any Layer, _ data: Data) -> Matrix {
        layer.matrixForm().tied.dense(parameters: data.weight)
    }

    /// Wᵀx + b_{β(r)} equals the reference forward pass, exactly.
    static func forwardMatchesReference(_ layer: any Layer, seed: UInt64) {
        let data = Data(for: layer, seed: seed)
        var y = dense(layer, data).multiply(data.x)
        if let bias = data.bias {
            for r in y.indices {
                guard let beta = layer.biasParameter(ofRow: r) else {
                    Issue.record("row \(r) has no bias parameter")
                    return
                }
                y[r] += bias[beta]
            }
        }
        let reference: [Double] = layer.referenceForward(x: data.x, weight: data.weight, bias: data.bias)
        #expect(y == reference)
    }

    /// Wᵀ built column by column from the reference equals the materialised Wᵀ.
    static func columnsMatchReference(_ layer: any Layer, seed: UInt64) {
        let data = Data(for: layer, seed: seed)
        let matrix = dense(layer, data)
        let zero = Array(repeating: 0.0, count: layer.input.count)
        let constant: [Double] = layer.referenceForward(x: zero, weight: data.weight, bias: nil)
        for c in 0..<layer.input.count {
            var unit = zero
            unit[c] = 1
            let column: [Double] = layer.referenceForward(x: unit, weight: data.weight, bias: nil)
            #expect(zip(column, constant).map { $0 - $1 } == matrix.column(c), "column \(c)")
        }
    }

    /// ⟨Wᵀx, δy⟩ = ⟨x, W δy⟩ with W δy from the reference adjoint, exactly; and W δy itself.
    static func dotTestHolds(_ layer: any Layer, seed: UInt64) {
        let data = Data(for: layer, seed: seed)
        let matrix = dense(layer, data)
        let adjoint = layer.referenceInputGradient(outputGradient: data.dy, weight: data.weight)
        #expect(inner(matrix.multiply(data.x), data.dy) == inner(data.x, adjoint))
        #expect(matrix.multiply(data.dy, transposed: true) == adjoint)
    }

    /// The tied reduction of δy xᵀ equals the reference weight gradient, exactly.
    static func weightGradientMatchesReference(_ layer: any Layer, seed: UInt64) {
        let data = Data(for: layer, seed: seed)
        let tied = layer.matrixForm().gradientTied.reduce(outputGradient: data.dy, input: data.x)
        #expect(tied == layer.referenceWeightGradient(input: data.x, outputGradient: data.dy))
        #expect(tied.count == layer.weightParameterCount)
    }

    /// The spec as the layer prints it parses back to the same spec and shapes.
    static func printedSpecParsesBack(_ layer: any Layer) throws {
        let again = try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input)
        #expect(again.specDescription == layer.specDescription)
        #expect(again.kind == layer.kind)
        #expect(again.output == layer.output)
        #expect(again.weightShape == layer.weightShape)
        #expect(again.biasShape == layer.biasShape)
    }

    /// Σ a_k b_k, left to right.
    static func inner(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
