import Foundation
import Testing

/// `show`'s text in a terminal of COLUMNS columns: prose wraps, a wide block comes
/// in bands, --factor packs its panels; counts read as people write them; and
/// `--output FILE.ext` writes the format its extension names.
@Suite struct TextFitTests {
    static let slide = ["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]
    static let reflect = ["show", "Conv1d(1, 2, 3, padding=1, padding_mode='reflect')", "--input", "1x4", "--factor"]

    /// The commands whose every line, prose and grid, must fit the terminal.
    static let wide: [[String]] = [
        ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14"],
        ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--block", "2,3"],
        ["show", "Conv2d(1, 12, 5, stride=2, padding=2)", "--input", "1x16x16"],
        ["show", "MaxPool1d(2)", "--input", "1x6"],
        ["show", "xception-block", "--product"],
        reflect,
    ]

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: wide, [80, 60])
    func everyLineFitsTheTerminal(arguments: [String], columns: Int) throws {
        let result = try CLI.run(arguments, environment: ["COLUMNS": "\(columns)"])
        #expect(result.status == 0, "\(result.stderr)")
        for line in Self.lines(result.stdout) {
            #expect(line.count <= columns, "\(line.count) > \(columns): \(line)")
        }
    }

    /// Wrapping only breaks lines: joined again, the header reads as without a width.
    @Test func wrappedProseKeepsItsWords() throws {
        let command = ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--block", "1,1"]
        let wrapped = try CLI.run(command, environment: ["COLUMNS": "60"]).stdout
        let whole = try CLI.run(command).stdout
        let header = Self.lines(whole).prefix(4)
        #expect(header.contains { $0.count > 60 })
        let joined = wrapped.replacingOccurrences(of: "\n  ", with: " ")
        #expect(Array(Self.lines(joined).prefix(4)) == Array(header))
    }

    /// `--block` wider than the terminal: bands of columns that cover the block once,
    /// with every one of its nonzeros; without a width, the block whole.
    @Test func wideBlockComesInBandsWithEveryEntry() throws {
        let command = ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--block", "2,3"]
        let banded = Self.lines(try CLI.run(command, environment: ["COLUMNS": "80"]).stdout)
        let ranges = banded.compactMap { line -> (Int, Int)? in
            guard line.hasPrefix("columns "), line.contains(" of 196") else { return nil }
            let bounds = line.dropFirst("columns ".count).prefix { $0 != " " }.split(separator: "–").compactMap { Int($0) }
            return bounds.count == 2 ? (bounds[0], bounds[1]) : nil
        }
        #expect(ranges.first?.0 == 1 && ranges.last?.1 == 196)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.1 + 1 == $1.0 })
        let cells = { (lines: [String]) in lines.filter { $0.hasPrefix("y₂(") }.map { $0.components(separatedBy: " v₂‚₃").count - 1 }.reduce(0, +) }
        #expect(cells(banded) == 2_500)
        let whole = Self.lines(try CLI.run(command).stdout)
        #expect(cells(whole) == 2_500)
        #expect(whole.filter { $0.hasPrefix("y₂(") }.count == 100)
        #expect(!whole.contains { $0.hasPrefix("columns ") })
    }

    /// Block (j, i) in positions order is the out × in matrix of taps between output
    /// position j and input position i, not the maps block.
    @Test func positionsOrderBlockIsTheTapMatrix() throws {
        let positions = try CLI.run(Self.slide + ["--order", "positions", "--block", "1,2"])
        #expect(positions.status == 0)
        let lines = Self.lines(positions.stdout)
        #expect(lines.contains("block (1, 2) of Wᵀ in positions order: y(1) from x(2), 3 × 2 with 6 nonzeros"))
        #expect(lines.contains("y₂(1) │ v₂₁²  v₂₂²"))
        let maps = try CLI.run(Self.slide + ["--block", "1,2"])
        #expect(maps.stdout != positions.stdout)
        #expect(maps.stdout.contains("block (1, 2) of Wᵀ: y₁ from x₂, 4 × 6 with 12 nonzeros"))
    }

    /// P and Wᵀ_valid side by side when they fit, Wᵀ alone on its row above.
    @Test func factorPacksNarrowPanels() throws {
        let narrow = Self.lines(try CLI.run(Self.reflect, environment: ["COLUMNS": "80"]).stdout)
        #expect(narrow.contains("Wᵀ: 8 × 4"))
        #expect(narrow.contains { $0.hasPrefix("Wᵀ_valid: 8 × 6") && $0.contains("·  P: 6 × 4, x̃ = P x") })
        let roomy = Self.lines(try CLI.run(Self.reflect, environment: ["COLUMNS": "200"]).stdout)
        #expect(roomy.contains { $0.hasPrefix("Wᵀ: 8 × 4") && $0.contains("=  Wᵀ_valid: 8 × 6") && $0.contains("·  P: 6 × 4") })
        let tight = Self.lines(try CLI.run(Self.reflect, environment: ["COLUMNS": "40"]).stdout)
        #expect(tight.contains("Wᵀ_valid: 8 × 6, on x̃ (1x6)") && tight.contains("P: 6 × 4, x̃ = P x"))
    }

    @Test func oneIsSingular() throws {
        let one = try CLI.run(["show", "Conv1d(1, 1, 1, bias=False)", "--input", "1x1", "--block", "1,1"]).stdout
        #expect(one.contains("Wᵀ is 1 × 1: 1 entry, 1 structural nonzero, 1 weight + 0 bias parameters"))
        #expect(one.contains("1 × 1 with 1 nonzero\n"))
        let two = try CLI.run(["show", "Conv1d(1, 1, 1, bias=False)", "--input", "1x2"]).stdout
        #expect(two.contains("Wᵀ is 2 × 2: 4 entries, 2 structural nonzeros,"))
        // Reflecting one side of 1x3: only y(1)'s entry on x(2) sums v¹ + v³; on both sides y(2)'s too.
        let oneSide = try CLI.run(["show", "Conv1d(1, 1, 3, padding=((1, 0),), padding_mode='reflect', bias=False)", "--input", "1x3"]).stdout
        #expect(oneSide.contains(", 1 entry sums several parameters\n"))
        let both = try CLI.run(["show", "Conv1d(1, 1, 3, padding=1, padding_mode='reflect', bias=False)", "--input", "1x3"]).stdout
        #expect(both.contains(", 2 entries sum several parameters\n"))
    }

    /// Counts of 1,000 and more carry separators: block indices, band ranges, shapes.
    @Test func thousandsHaveSeparators() throws {
        let outside = try CLI.run(["show", "Conv1d(1, 1000, 1)", "--input", "1x1", "--block", "1001,1"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("1001,1 is outside the 1,000 × 1 blocks of Wᵀ"))
        let bands = try CLI.run(["show", "Conv1d(1, 1, 3, bias=False)", "--input", "1x1024", "--block", "1,1"], environment: ["COLUMNS": "80"])
        #expect(bands.stdout.contains("1,022 × 1,024 with 3,066 nonzeros"))
        #expect(bands.stdout.contains("columns 1–"))
        #expect(bands.stdout.contains(" of 1,024, rows 1–"))
        #expect(bands.stdout.contains("348,842.7 entries per weight parameter, 1,022.0 nonzeros per weight parameter"))
        // Unit labels (x₁(1024)) are indices and shapes (1x1024) are input, not counts: x₁(1,024) would read as a position.
        let words = Self.lines(bands.stdout).filter { !$0.contains("│") }.flatMap { $0.split(separator: " ") }
        #expect(words.count > 30 && !words.contains { ($0.contains("1024") || $0.contains("1022")) && !$0.hasPrefix("1x") })
    }

    /// What `show --help` says of --order is what show does: a listed format takes
    /// --order positions, an unlisted one refuses it on the field `order`.
    @Test func helpListsTheFormatsThatTakeOrder() throws {
        let help = try CLI.run(["show", "--help"]).stdout
        let paragraph = try #require(help.components(separatedBy: "--order <order>").dropFirst().first?.components(separatedBy: "--block").first)
        let listed = paragraph.replacingOccurrences(of: "\n", with: " ").components(separatedBy: "(values:").first ?? ""
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for format in ["text", "json", "latex", "markdown", "csv", "svg", "npy"] {
            let result = try CLI.run(Self.slide + ["--order", "positions", "--format", format, "--output", directory + "/out." + format])
            let says = listed.range(of: "\\b\(format)\\b", options: .regularExpression) != nil
            #expect((result.status == 0) == says, "\(format): help says \(says), status \(result.status)")
            if !says { #expect(result.stderr.hasPrefix("convmat: error: order: ")) }
        }
    }

    /// `--output FILE.ext` without --format writes the format the extension names,
    /// the same bytes as --format; --format wins; another extension keeps text.
    @Test(arguments: [("svg", "svg"), ("tex", "latex"), ("md", "markdown"), ("csv", "csv"), ("npy", "npy"), ("json", "json"), ("txt", "text")])
    func outputExtensionNamesTheFormat(suffix: String, format: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let read = { (name: String) in try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)) }
        #expect(try CLI.run(Self.slide + ["--output", directory + "/guess." + suffix]).status == 0)
        #expect(try CLI.run(Self.slide + ["--output", directory + "/SHOUT." + suffix.uppercased()]).status == 0)
        #expect(try CLI.run(Self.slide + ["--format", format, "--output", directory + "/given"]).status == 0)
        #expect(try read("guess." + suffix) == read("given"))
        #expect(try read("SHOUT." + suffix.uppercased()) == read("given"))
        let other = format == "json" ? "csv" : "json"
        #expect(try CLI.run(Self.slide + ["--format", other, "--output", directory + "/wins." + suffix]).status == 0)
        #expect(try CLI.run(Self.slide + ["--format", other, "--output", directory + "/other"]).status == 0)
        #expect(try read("wins." + suffix) == read("other"))
    }

    @Test func unknownExtensionKeepsText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["matrix.pdf", "matrix", ".svg", "dir.svg.d/../matrix.out"] {
            try? FileManager.default.createDirectory(atPath: directory + "/dir.svg.d", withIntermediateDirectories: true)
            #expect(try CLI.run(Self.slide + ["--output", directory + "/" + name]).status == 0)
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            #expect(text == (try CLI.run(Self.slide).stdout), "\(name)")
        }
    }
}
