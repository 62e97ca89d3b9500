import Foundation
import Testing

@testable import ConvMatrix

/// The standalone documents compile with pdflatex from texlive-latex-base.
///
/// pdflatex is required, not optional: `make test` installs texlive-latex-base, and a
/// missing pdflatex fails these tests (with the command that installs it) rather than
/// skipping them, in CI and locally alike.
@Suite struct LatexCompileTests {
    @Test func slideDocumentCompiles() throws {
        let tex = try LatexRenderer(standalone: true).render(MatrixView(layer: Slide.oneDimensional()))
        let log = try Self.compile(tex, name: "slide")
        // The slide's 12 columns fit the landscape page.
        #expect(!log.contains("Overfull \\hbox"), "the slide's matrix overflows the page")
    }

    @Test func positionsAndNumbersCompile() throws {
        let renderer = LatexRenderer(entries: .numeric, standalone: true)
        let tex = try renderer.render(MatrixView(layer: Slide.oneDimensional(), order: .positions), values: Slide.values(18).map { $0 / 3 })
        _ = try Self.compile(tex, name: "positions")
    }

    @Test func factorFormCompiles() throws {
        let layer = try Convolution(
            ConvolutionSpec(parsing: "Conv1d(2, 3, kernel_size=3, padding=1, padding_mode='circular', bias=False)"),
            input: TensorShape(parsing: "2x6"))
        let log = try Self.compile(try LatexRenderer(standalone: true).factor(layer: layer), name: "factor")
        #expect(!log.contains("Overfull"), "the factor form overflows its pages")
    }

    /// Entries that sum parameters, two-digit indices and a 2-D layer with a small font.
    @Test(arguments: [
        LayerCase(spec: "Conv1d(1, 1, 5, padding=3, padding_mode='circular', bias=False)", input: "1x3"),
        LayerCase(spec: "Conv1d(1, 12, 3)", input: "1x5"),
        LayerCase(spec: "Conv2d(2, 2, 2, padding_mode='reflect', padding=1)", input: "2x3x3"),
    ])
    func otherLayersCompile(_ layerCase: LayerCase) throws {
        let layer = try layerCase.layer()
        _ = try Self.compile(try LatexRenderer(standalone: true).render(MatrixView(layer: layer)), name: "matrix")
        _ = try Self.compile(try LatexRenderer(standalone: true).factor(layer: layer), name: "factor")
    }

    /// Runs `pdflatex -interaction=nonstopmode -halt-on-error` on `tex` in a fresh
    /// directory and returns its log; records an issue when it fails.
    static func compile(_ tex: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-latex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try tex.write(to: directory.appendingPathComponent("\(name).tex"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "\(name).tex"]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let transcript = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        if process.terminationStatus == 127 {
            Issue.record("pdflatex is not installed: run `make test-packages` (apt-get install texlive-latex-base)")
            return ""
        }
        #expect(process.terminationStatus == 0, "pdflatex failed on \(name).tex:\n\(transcript.suffix(2000))")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(name).pdf").path), "no \(name).pdf")
        return (try? String(contentsOf: directory.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? transcript
    }
}
