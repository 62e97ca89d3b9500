import ConvMatrix
import Foundation
import Testing

/// `show` in every format, as wired in the CLI (the renderers' own goldens live in ConvMatrixTests).
@Suite struct ShowFormatsTests {
    static let slide = ["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]

    static func temporaryPath(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test(arguments: [("latex", "slide.tex"), ("markdown", "slide.md"), ("csv", "slide.csv"), ("svg", "slide.svg")])
    func formatMatchesTheRenderersGolden(format: String, golden: String) throws {
        let result = try CLI.run(Self.slide + ["--format", format])
        #expect(result.status == 0)
        let pinned = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/ConvMatrixTests/Golden/\(golden)"), encoding: .utf8)
        #expect(result.stdout == pinned)
    }

    @Test func standaloneLatexIsADocument() throws {
        let result = try CLI.run(Self.slide + ["--format", "latex", "--standalone"])
        #expect(result.stdout.hasPrefix("\\documentclass"))
        #expect(result.stdout.contains("\\end{document}"))
    }

    /// --beamer: one frame titled with the layer; --block: the block's array alone, its entries v₂₁ᵗ.
    @Test func beamerFrameAndOneBlockInLatex() throws {
        let beamer = try CLI.run(Self.slide + ["--format", "latex", "--beamer"])
        #expect(beamer.status == 0 && beamer.stdout.hasPrefix("\\documentclass{beamer}"))
        #expect(beamer.stdout.components(separatedBy: "\\begin{frame}").count == 2)
        #expect(beamer.stdout.contains("kernel\\_size=3"))
        let block = try CLI.run(Self.slide + ["--format", "latex", "--block", "2,1"])
        #expect(block.status == 0)
        #expect(block.stdout.hasPrefix("\\left(\\begin{array}{cccccc}\nv_{21}^{1} & v_{21}^{2} & v_{21}^{3} & 0 & 0 & 0 \\\\"))
        #expect(!block.stdout.contains("v_{11}") && !block.stdout.contains("\\hline"))
    }

    /// SVG: one block is labelled with its own maps; the positions order with positions.
    @Test func blockAndPositionsInSvg() throws {
        let block = try CLI.run(Self.slide + ["--format", "svg", "--block", "3,2"])
        #expect(block.status == 0)
        #expect(block.stdout.contains(">input map 2<") && block.stdout.contains(">output map 3<"))
        #expect(block.stdout.contains("block (3, 2) of Wᵀ: 4 × 6"))
        #expect(!block.stdout.contains(">input map 1<"))
        let positions = try CLI.run(Self.slide + ["--format", "svg", "--order", "positions"])
        #expect(positions.status == 0)
        #expect(positions.stdout.contains("Wᵀ in positions order") && positions.stdout.contains(">position (4)<"))
    }

    @Test func positionsOrderInTextAndJson() throws {
        let text = try CLI.run(Self.slide + ["--order", "positions"]).stdout
        #expect(text.contains("y₂(1) │ v₂₁¹ v₂₂¹"))
        let json = try CLI.run(Self.slide + ["--order", "positions", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["order"] as? String == "positions")
        let tie = try #require(object["tie"] as? [[Int]])
        #expect(tie[1][0] == 6 && tie[1][1] == 9)  // row y₂(1): v₂₁¹, v₂₂¹
    }

    @Test func oneBlock() throws {
        let result = try CLI.run(Self.slide + ["--block", "2,1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("block (2, 1) of Wᵀ"))
        let outside = try CLI.run(Self.slide + ["--block", "4,1"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("block: 4,1 is outside"))
    }

    @Test func outputIsWrittenAtomically() throws {
        let path = try Self.temporaryPath("slide.svg")
        let result = try CLI.run(Self.slide + ["--format", "svg", "--output", path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<?xml"))
        let missing = try CLI.run(Self.slide + ["--format", "svg", "--output", "/nonexistent/dir/slide.svg"])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/dir/slide.svg"))
    }

    @Test(arguments: [
        ["--standalone"], ["--spy"], ["--what", "tie"], ["--format", "json", "--block", "1,1"],
        ["--format", "csv", "--factor"], ["--format", "markdown", "--factor"], ["--block", "0,1"],
        ["--block", "a"], ["--factor", "--order", "positions"], ["--beamer"], ["--format", "latex", "--beamer", "--standalone"],
        ["--format", "svg", "--block", "1,1", "--order", "positions"], ["--format", "csv", "--block", "1,1"],
    ])
    func optionsThatDoNotGoTogether(extra: [String]) throws {
        let result = try CLI.run(Self.slide + extra)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// The .npy files round-trip through NumPy in the Makefile's virtual environment
    /// (CONVMAT_PYTHON); under CI the test runs, never skips.
    @Test(.enabled(if: Python.available || ProcessInfo.processInfo.environment["CI"] != nil))
    func npyRoundTripsThroughNumpy() throws {
        let python = try #require(Python.executable, "no Python with NumPy: run `make test`, which creates .venv")
        let spec = "Conv1d(1, 2, 3, padding=1, padding_mode='reflect')"
        for (what, shape, dtype) in [
            ("matrix", "(8, 4)", "float64"), ("tie", "(8, 4)", "int64"), ("valid", "(8, 6)", "float64"), ("padding", "(6, 4)", "float64"),
        ] {
            let path = try Self.temporaryPath("\(what).npy")
            let json = try CLI.run(["show", spec, "--input", "1x4", "--values", "integers", "--format", "json"]).stdout
            #expect(try CLI.run(["show", spec, "--input", "1x4", "--values", "integers", "--format", "npy", "--what", what, "--output", path]).status == 0)
            let printed = try Python.run(python, "import numpy; a = numpy.load('\(path)'); print(a.shape, a.dtype, a.tolist())")
            #expect(printed.hasPrefix("\(shape) \(dtype)"), "\(what): \(printed)")
            if what == "matrix" {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                let matrix = try #require(object["matrix"] as? [[Double]])
                #expect(printed.contains(matrix[0].map { "\($0)" }.joined(separator: ", ")))
            }
        }
    }
}

/// The Python of the Makefile's virtual environment, for NumPy round trips.
enum Python {
    static var executable: String? {
        if let path = ProcessInfo.processInfo.environment["CONVMAT_PYTHON"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        let venv = CLI.packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    static var available: Bool { executable != nil }

    static func run(_ python: String, _ code: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", code]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
