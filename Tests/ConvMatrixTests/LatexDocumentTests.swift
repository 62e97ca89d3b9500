import Foundation
import Testing

@testable import ConvMatrix

/// The tight and the Beamer documents compile with pdflatex, one block and the
/// largest arrays the capacity rule lets through included, and the rule refuses
/// arrays on which pdflatex runs out of memory.
@Suite struct LatexDocumentTests {
    /// The pages of a log's `Output written on NAME.pdf (N pages, …)`.
    static func pages(_ log: String) -> Int? {
        (log.firstMatch(of: /Output written on [^(]*\(([0-9]+) pages?/)?.1).flatMap { Int($0) }
    }

    @Test func tightDocumentHasOneCroppedPagePerDisplay() throws {
        let tex = try LatexRenderer(standalone: true).render(MatrixView(layer: Slide.oneDimensional()))
        #expect(tex.contains("\\usepackage[active,tightpage]{preview}") && !tex.contains("geometry"))
        let log = try LatexCompileTests.compile(tex, name: "tight")
        #expect(log.contains("Preview: Tightpage"))
        #expect(Self.pages(log) == 1)
        let factor = try LatexRenderer(standalone: true).factor(layer: try LatexRendererTests.paddedSlide())
        let factorLog = try LatexCompileTests.compile(factor, name: "factor")
        #expect(Self.pages(factorLog) == 4 && !factorLog.contains("Overfull"))
    }

    @Test(arguments: [MatrixEntries.symbolic, .numeric])
    func beamerFrameCompilesWithoutOverflow(_ entries: MatrixEntries) throws {
        var renderer = LatexRenderer(entries: entries, document: .beamer)
        renderer.caption = "Conv1d(2, 3, kernel_size=3, bias=False) on 2x6 × {1}"
        let values = Slide.values(18).map { $0 / 3 }
        let tex = try renderer.render(MatrixView(layer: Slide.oneDimensional()), values: values)
        #expect(tex.hasPrefix("\\documentclass{beamer}"))
        #expect(tex.contains("\\begin{frame}{Conv1d(2, 3, kernel\\_size=3, bias=False) on 2x6 $\\times$ \\{1\\}}"))
        let log = try LatexCompileTests.compile(tex, name: "beamer")
        #expect(!log.contains("Overfull"), "the matrix overflows its frame")
    }

    /// The factor form as four frames, and a wide 2-D layer shrunk into one frame.
    @Test func beamerFactorAndWideMatrixCompile() throws {
        let factor = try LatexRenderer(document: .beamer).factor(layer: try LatexRendererTests.paddedSlide())
        #expect(factor.components(separatedBy: "\\begin{frame}").count - 1 == 4)
        #expect(!(try LatexCompileTests.compile(factor, name: "factor")).contains("Overfull"))
        let wide = try LayerCase(spec: "Conv2d(2, 2, 3, padding=1)", input: "2x5x5").layer()
        let log = try LatexCompileTests.compile(try LatexRenderer(document: .beamer).render(MatrixView(layer: wide)), name: "wide")
        #expect(!log.contains("Overfull"), "the 50 × 50 matrix is not shrunk to the frame")
    }

    /// One block: the band matrix of w_{ji} ∗ x_i, entry by entry the stored Wᵀ's.
    @Test(arguments: LatexRenderer.Document.allCases)
    func oneBlockIsTheStoredBlock(_ document: LatexRenderer.Document) throws {
        let layer = try LayerCase(spec: "Conv2d(2, 3, 2, padding=1, padding_mode='circular')", input: "2x3x3").layer()
        let tied = layer.tiedMatrix()
        let tex = try LatexRenderer(document: document).renderBlock(tied, j: 3, i: 2)
        let array = try #require(LatexStructure.arrays(in: tex).first)
        #expect(array.rows.count == tied.rowBlockSize && array.bars == 0 && array.rules == 0)
        let notation = tied.notation
        for r in 0..<tied.rowBlockSize {
            for c in 0..<tied.columnBlockSize {
                let names = tied.terms(row: 2 * tied.rowBlockSize + r, column: tied.columnBlockSize + c).map {
                    notation.latex(tied.parameters[$0.parameter])
                }
                #expect(array.rows[r][c] == (names.isEmpty ? "0" : names.joined(separator: " + ")), "entry (\(r + 1), \(c + 1))")
            }
        }
        if document != .fragment {
            #expect(tex.contains("[W^\\top]_{32} = "))
            _ = try LatexCompileTests.compile(tex, name: "block")
        }
        #expect(throws: ConvMatrixError.self) { try LatexRenderer(document: document).renderBlock(tied, j: 4, i: 1) }
    }

    /// The largest arrays that the rule lets through compile: 100 × 196 (block (1, 1)
    /// of the slides' 2-D layer) in the tight document, 100 × 144 in Beamer.
    @Test func arraysJustInsideTheLimitCompile() throws {
        let slide2d = try LayerCase(spec: "Conv2d(4, 12, 5)", input: "4x14x14").layer().tiedMatrix()
        #expect(throws: ConvMatrixError.self) { try LatexRenderer(document: .beamer).renderBlock(slide2d, j: 1, i: 1) }
        _ = try LatexCompileTests.compile(try LatexRenderer(document: .standalone).renderBlock(slide2d, j: 1, i: 1), name: "block")
        let beamer = try LayerCase(spec: "Conv2d(1, 1, 3)", input: "1x12x12").layer()
        _ = try LatexCompileTests.compile(try LatexRenderer(document: .beamer).render(MatrixView(layer: beamer)), name: "beamer")
    }

    /// What the rule refuses: the slides' 2-D layer, with the --block advice; and
    /// a 200 × 200 array, written past the rule, on which pdflatex does run out of memory.
    @Test func arraysBeyondTheLimitAreRefused() throws {
        let slide2d = try LayerCase(spec: "Conv2d(4, 12, 5)", input: "4x14x14").layer()
        do {
            _ = try LatexRenderer().render(MatrixView(layer: slide2d))
            Issue.record("a 1,200 × 784 array was written")
        } catch {
            #expect(error.field == "format" && error.reason.contains("--block j,i") && error.reason.contains("1,200 × 784"))
        }
        let identity = try LayerCase(spec: "Conv1d(1, 1, 1, bias=False)", input: "1x200").layer()
        #expect(throws: ConvMatrixError.self) { try LatexRenderer(standalone: true).render(MatrixView(layer: identity)) }
        let tied = identity.tiedMatrix()
        let renderer = LatexRenderer(standalone: true)
        let past = LatexDocument.standalone(["W^\\top = " + renderer.array(tied, entryText: renderer.entryText(tied, values: nil))], columns: 200)
        #expect(!Self.compiles(past), "pdflatex held a 200 × 200 array: the capacity rule is stricter than it needs")
    }

    /// True when pdflatex makes a PDF of `tex`.
    static func compiles(_ tex: String) -> Bool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-latex-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
            (try? tex.write(to: directory.appendingPathComponent("past.tex"), atomically: true, encoding: .utf8)) != nil
        else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdflatex", "-interaction=batchmode", "-halt-on-error", "past.tex"]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
