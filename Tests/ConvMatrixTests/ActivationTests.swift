import Foundation
import Testing

@testable import ConvMatrix

/// ReLU, Tanh, Sigmoid and ScaledTanh: at x each is the diagonal Jacobian diag(f′(x)).
@Suite struct ActivationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let spec: String
        let input: String
        /// A given x, or nil for the point drawn from seed 1.
        var x: [Double]? = nil

        var testDescription: String { "\(spec) on \(input)" + (x.map { " at x = \($0)" } ?? "") }

        func layer() throws -> any InputDependentLayer {
            let built = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
            let nonlinear = try #require(built as? any InputDependentLayer)
            return try x.map { x throws(ConvMatrixError) in try nonlinear.at(x: x) } ?? nonlinear
        }
    }

    static let edges: [Case] = [
        Case(spec: "ReLU()", input: "6"),
        Case(spec: "ReLU(inplace=True)", input: "2x3"),
        Case(spec: "ReLU()", input: "4", x: [-2, 0.5, 3, -0.25]),
        Case(spec: "Tanh()", input: "2x2x2"),
        Case(spec: "Tanh()", input: "3", x: [-20, 0.1, 40]),
        Case(spec: "Sigmoid()", input: "1x2x2x2"),
        Case(spec: "Sigmoid()", input: "3", x: [-800, 0, 800]),
        Case(spec: "ScaledTanh()", input: "3x4"),
        Case(spec: "ScaledTanh()", input: "2", x: [1.5, -1.5]),
    ]

    /// Wᵀ(x) is diagonal, entry u = f′(x_u) as the reference computes it, zeros left out.
    @Test(arguments: edges)
    func matrixIsTheDiagonalOfTheDerivative(_ c: Case) throws {
        let layer = try c.layer()
        let x = layer.pointValues
        let tied = layer.matrixForm().tied
        #expect(tied.terms.isEmpty && tied.parameterCount == 0)
        #expect(tied.constants.allSatisfy { $0.row == $0.column && $0.value != 0 })
        let identity = (0..<x.count).map { u in (0..<x.count).map { $0 == u ? 1.0 : 0 } }
        let columns = identity.map { layer.referenceForward(x: $0, weight: [], bias: nil) }
        let dense = tied.dense(parameters: [])
        for r in 0..<x.count {
            for u in 0..<x.count { #expect(dense[r, u] == columns[u][r], "row \(r), column \(u)") }
        }
    }

    /// The library's f(x) and the reference's, and ReLU′(0) = 0 as in PyTorch.
    @Test(arguments: edges)
    func valueEqualsReference(_ c: Case) throws {
        let layer = try c.layer()
        let x = layer.pointValues
        #expect(layer.value(at: x) == layer.referenceValue(at: x))
        if layer.kind == "ReLU" {
            #expect(layer.value(at: x) == x.map { max(0, $0) })
            #expect(try layer.at(x: Array(repeating: 0, count: x.count)).matrixForm().tied.constants.isEmpty)
        }
    }

    /// The checker's every check at x, finite differences of f included.
    @Test(arguments: edges)
    func checkerPassesAtX(_ c: Case) throws {
        let report = try Checker(layer: try c.layer(), seed: 3).run()
        #expect(report.passed, "\(report.failures)")
        #expect(report[.forwardAtPoint]?.ran == true)
        #expect(report[.finiteDifferences]?.ran == true)
    }

    /// The drawn x: quarters in ±2, never within ¼ of 0.
    @Test(arguments: ["ReLU()", "Tanh()", "Sigmoid()", "ScaledTanh()"])
    func drawnPointStaysAwayFromTheKink(_ spec: String) throws {
        let layer = try Case(spec: spec, input: "4x5x5").layer()
        let x = layer.drawPoint(seed: 11)
        #expect(x.allSatisfy { abs($0) >= 0.25 && abs($0) <= 2 && ($0 * 4).rounded() == $0 * 4 })
        #expect(x == layer.drawPoint(seed: 11) && x != layer.drawPoint(seed: 12))
    }

    /// On ReLU's kink the derivative is one-sided: finite differences do not run,
    /// and the rest still passes. Near it the step shrinks below the distance.
    @Test func reluAtItsKinkSkipsFiniteDifferences() throws {
        let atKink = try Case(spec: "ReLU()", input: "3", x: [1, 0, -1]).layer()
        let report = try Checker(layer: atKink).run()
        #expect(report.passed)
        #expect(report[.finiteDifferences]?.ran == false)
        #expect(report[.finiteDifferences]?.note.contains("x[1] = 0") == true)
        let near = try Case(spec: "ReLU()", input: "3", x: [1, 0.01, -1]).layer()
        #expect(Checker.finiteDifferenceStep(near, kink: near.nearestKink(to: near.pointValues)) < 0.005)
        #expect(try Checker(layer: near).run().passed)
    }

    /// A corrupted diagonal (f′ off by a factor) fails the structure proof and finite differences.
    @Test func wrongDerivativeFails() throws {
        let layer = try Case(spec: "Tanh()", input: "4").layer()
        var form = layer.matrixForm()
        let constants = form.tied.constants.map { ConstantEntry(row: $0.row, column: $0.column, value: $0.value * 1.001) }
        form.tied = TiedMatrix(
            rows: 4, columns: 4, rowBlockSize: 1, columnBlockSize: 1, parameters: [], terms: [], constants: constants)
        let report = try Checker(form: form).run()
        #expect(report[.structure]?.passed == false)
        #expect(report[.finiteDifferences]?.passed == false)
    }

    @Test(arguments: [
        ("Tanh(1)", "spec", "at most 0 positional"),
        ("Sigmoid(inplace=True)", "inplace", "has no argument"),
        ("ReLU(inplace=2)", "inplace", "True or False"),
        ("ScaledTanh(alpha=1)", "alpha", "has no argument"),
    ])
    func argumentsAreRefused(_ spec: String, _ field: String, _ phrase: String) {
        #expect {
            _ = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: "3"))
        } throws: { error in
            guard let error = error as? ConvMatrixError else { return false }
            return error.field == field && error.reason.contains(phrase)
        }
    }

    @Test(arguments: ["ReLU()", "ReLU(inplace=True)", "Tanh()", "Sigmoid()", "ScaledTanh()"])
    func parsePrintIsTheIdentity(_ spec: String) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: "3"))
        #expect(layer.specDescription == spec)
        #expect(try LayerRegistry.layer(parsing: layer.specDescription, input: layer.input).specDescription == spec)
    }

    /// A point of the wrong size or with a non-finite value is bad input on field x.
    @Test(arguments: [[1.0, 2], [1, .nan, 2], [1, 2, .infinity]])
    func badPointsAreRefused(_ x: [Double]) throws {
        let layer = try Case(spec: "Tanh()", input: "3").layer()
        #expect(throws: ConvMatrixError.self) { _ = try layer.at(x: x) }
        do {
            _ = try layer.at(x: x)
        } catch {
            #expect(error.field == "x")
        }
    }
}
