import Foundation
import Testing

/// `show schnet`, `check schnet` and `show 'CFConv(…)'` through the binary, as a user runs them.
@Suite struct SchNetCLITests {
    @Test func showJSONHasTheIssuesKeys() throws {
        let result = try CLI.run(["show", "schnet", "--molecule", "methane", "--features", "8", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["elements"] as? [String] == ["C", "H", "H", "H", "H"])
        #expect((document["positions"] as? [[Double]])?.count == 5)
        #expect(document["energy"] is Double)
        let forces = try #require(document["forces"] as? [[Double]])
        #expect(forces.count == 5 && forces.allSatisfy { $0.count == 3 })
        let distances = try #require(document["distances"] as? [[Double]])
        #expect(distances.count == 5 && distances[0][0] == 0 && abs(distances[0][1] - distances[1][0]) == 0)
        // Σ F_i = 0: E is invariant under translation.
        for axis in 0..<3 { #expect(abs(forces.reduce(0) { $0 + $1[axis] }) < 1e-9) }
    }

    @Test func checkPassesOnAShippedMolecule() throws {
        let result = try CLI.run(["check", "schnet", "--molecule", "water", "--features", "8"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("forces = -dE/dr vs central differences"))
    }

    @Test func cfconvSpecShowsLikeAnyLayer() throws {
        let result = try CLI.run(["show", "CFConv(4)", "--molecule", "water", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["rows"] as? Int == 12 && document["cols"] as? Int == 12)
    }

    static func xyz(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("convmat-\(UUID().uuidString).xyz").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let refusals: [BadInputTests.Case] = [
        BadInputTests.Case(arguments: ["show", "schnet"], field: "molecule", says: "needs --molecule"),
        BadInputTests.Case(arguments: ["check", "schnet"], field: "molecule", says: "needs --molecule"),
        BadInputTests.Case(arguments: ["show", "schnet", "--molecule", "unobtainium"], field: "molecule"),
        BadInputTests.Case(arguments: ["show", "Conv1d(1, 1, 3)", "--input", "1x4", "--molecule", "water"], field: "molecule", says: "goes with schnet"),
        BadInputTests.Case(arguments: ["check", "Conv1d(1, 1, 3)", "--input", "1x4", "--molecule", "water"], field: "molecule", says: "goes with schnet"),
        BadInputTests.Case(arguments: ["show", "schnet", "--molecule", "water", "--features", "0"], field: "features"),
        BadInputTests.Case(arguments: ["show", "CFConv(0)", "--molecule", "water"], field: "n_features"),
    ]

    @Test(arguments: refusals)
    func refusalsAreOneLine(_ badCase: BadInputTests.Case) throws {
        try BadInputTests().exitsTwoWithOneLine(badCase)
    }

    /// An XYZ file's errors name their line.
    @Test func badXYZFilesNameTheLine() throws {
        let bad = try Self.xyz("2\nwater, short\nO 0 0 0\nH 0 0 x\n")
        let result = try CLI.run(["show", "schnet", "--molecule", bad])
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("convmat: error: molecule: ") && result.stderr.contains("line 4"), "\(result.stderr)")
        let count = try Self.xyz("three\n\nO 0 0 0\n")
        let second = try CLI.run(["check", "schnet", "--molecule", count])
        #expect(second.status == 2 && second.stderr.contains("line 1"), "\(second.stderr)")
    }
}
