import Testing

@testable import ConvMatrix

/// The checker must be able to fail: deliberately corrupted matrix forms, each
/// caught by the check that should catch it, with a message that says where.
@Suite struct CheckerCorruptionTests {
    static func layer(_ spec: String, _ input: String) throws -> Convolution {
        try LayerCase(spec: spec, input: input).layer()
    }

    static func replacing(_ form: MatrixForm, terms: [Term], gradientOnly: Bool = false) -> MatrixForm {
        let t = form.tied
        let corrupted = TiedMatrix(
            rows: t.rows, columns: t.columns, rowBlockSize: t.rowBlockSize,
            columnBlockSize: t.columnBlockSize, parameters: t.parameters, terms: terms)
        return gradientOnly
            ? MatrixForm(layer: form.layer, tied: t, borderTerms: form.borderTerms, offsetScale: form.offsetScale, gradientTied: corrupted)
            : MatrixForm(layer: form.layer, tied: corrupted, borderTerms: form.borderTerms, offsetScale: form.offsetScale)
    }

    @Test func oneEntryMoved() throws {
        let form = (try Self.layer("Conv1d(2, 3, kernel_size=3, bias=False)", "2x6")).matrixForm()
        var terms = form.tied.terms
        let moved = try #require(terms.firstIndex { $0.row == 1 && $0.parameter == 1 })
        terms[moved].column += 1  // row 2's v₁₁² slides one column right
        let report = try Checker(form: Self.replacing(form, terms: terms)).run()
        #expect(!report.passed)
        #expect(report[.structure]?.passed == false)
        #expect(report[.structure]?.note.contains("row 2") == true)
        #expect(report[.forwardIntegers]?.passed == false)
        #expect(report[.adjoint]?.passed == false)
    }

    @Test func oneTermsParameterChanged() throws {
        let form = (try Self.layer("Conv2d(2, 2, 3, padding=1)", "2x4x4")).matrixForm()
        var terms = form.tied.terms
        terms[10].parameter = (terms[10].parameter + 1) % form.tied.parameterCount
        let report = try Checker(form: Self.replacing(form, terms: terms)).run()
        #expect(report[.structure]?.passed == false)
        #expect(report[.structure]?.note.contains("v_{") == true)
        #expect(report[.forwardIntegers]?.passed == false)
    }

    /// Block (1, 1) of a 'same' layer replaced by its transpose: the band flips,
    /// which is the classic confusion of convolution with cross-correlation.
    @Test func transposedBlock() throws {
        let layer = try Self.layer("Conv1d(1, 2, 3, padding='same', bias=False)", "1x5")
        let form = layer.matrixForm()
        // A seed whose first kernel is not symmetric, else its transpose is itself.
        let seed = try #require(
            (0..<64).first { (s: UInt64) in
                let w = LayerWeights.integers(for: layer.spec, seed: s).weight
                return w[0] != w[2]
            })
        let n = form.tied.rowBlockSize
        let terms = form.tied.terms.map { term -> Term in
            guard term.row < n, term.column < n else { return term }
            return Term(row: term.column, column: term.row, parameter: term.parameter)
        }
        let report = try Checker(form: Self.replacing(form, terms: terms), seed: seed).run()
        #expect(report[.structure]?.passed == false)
        #expect(report[.forwardIntegers]?.passed == false)
        #expect(report[.inputGradient]?.passed == false)
    }

    /// The right layer pads (1, 1); the matrix was built with (2, 0): every window
    /// sits one unit too far left.
    @Test func offByOneInThePadding() throws {
        let right = try Self.layer("Conv1d(1, 1, 3, padding=1, padding_mode='replicate')", "1x6")
        let wrong = try Self.layer("Conv1d(1, 1, 3, padding=((2, 0),), padding_mode='replicate')", "1x6")
        let form = MatrixForm(layer: right, tied: wrong.tiedMatrix(), borderTerms: [])
        let report = try Checker(form: form).run()
        #expect(report[.structure]?.passed == false)
        #expect(report[.forwardIntegers]?.passed == false)
        #expect(report[.finiteDifferences]?.passed == true, "the corrupted form is self-consistent")
    }

    /// A gradient whose tied reduction sums one term into the wrong parameter:
    /// forward is right, the weight gradient and finite differences are not.
    @Test func wrongGradient() throws {
        let form = (try Self.layer("Conv1d(2, 3, kernel_size=3)", "2x6")).matrixForm()
        var terms = form.tied.terms
        terms[0].parameter = 1
        let report = try Checker(form: Self.replacing(form, terms: terms, gradientOnly: true)).run()
        #expect(report[.structure]?.passed == true)
        #expect(report[.forwardIntegers]?.passed == true)
        #expect(report[.weightGradient]?.passed == false)
        #expect(report[.finiteDifferences]?.passed == false)
        #expect(report.verdictLine.contains("FAILED"))
    }
}
