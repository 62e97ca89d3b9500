import Foundation
import Testing

/// The arithmetic, pooling, transposed and spectrum demos: each runs, prints its
/// steps within 80 columns, and its computed checks hold (parsed from the output).
@Suite struct DemoStepsATests {
    static let names = ["arithmetic", "pooling", "transposed", "spectrum"]

    static func lines(_ name: String, seed: Int = 0) throws -> [Substring] {
        let result = try CLI.run(["demo", name, "--seed", "\(seed)"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Exit 0 for two seeds, titled steps in order, and no line wider than 80 characters.
    @Test(arguments: names, [0, 5])
    func runsAndFitsEightyColumns(_ name: String, seed: Int) throws {
        let lines = try Self.lines(name, seed: seed)
        let titles = lines.filter { $0.hasPrefix("Step ") }
        let count = try #require(titles.first.flatMap { Int($0.split(separator: " ")[3]) })
        #expect(titles.count == count && count >= 4)
        for (k, title) in titles.enumerated() { #expect(title.hasPrefix("Step \(k + 1) of \(count) · ")) }
        for line in lines { #expect(line.count <= 80, "too wide: \(line)") }
    }

    /// Every output size by the formula equals the layer's, and each ConvTranspose1d is the transpose of its Conv1d.
    @Test(arguments: [0, 5])
    func arithmeticFormulasAgreeWithTheLayers(seed: Int) throws {
        let lines = try Self.lines("arithmetic", seed: seed)
        let sizes = lines.filter { $0.contains("    (the layer's output ") }
        #expect(sizes.count == 14)
        for line in sizes {
            let parts = line.components(separatedBy: "    (the layer's output ")
            let formula = parts[0].split(separator: " ").last.map(String.init)
            let library = parts[1].dropLast().split(separator: " ").last.map(String.init)
            #expect(formula != nil && formula == library, "\(line)")
        }
        #expect(lines.filter { $0.hasSuffix("terms = Conv1d's with row and column swapped: yes") }.count == 7)
        #expect(lines.filter { $0.hasSuffix("max |Wᵀ_transposed − (Wᵀ_conv)ᵀ| = 0") }.count == 7)
        #expect(lines.contains { $0.contains("without output_padding the") })
    }

    /// Average pooling's entries are 1/k, max pooling's Jacobians at x and −x differ,
    /// and pooling after the convolution undoes shifts by one but the convolution alone does not.
    @Test func poolingComputesItsClaims() throws {
        let lines = try Self.lines("pooling")
        let entries = try #require(lines.first { $0.contains(" nonzeros are 1/k = ") })
        let words = entries.split(separator: " ")
        #expect(words[0] == words[2] && words[0] != "0")
        #expect(lines.contains("max |Wᵀ_sum − 3·Wᵀ_average| = 0"))
        let differ = try #require(lines.first { $0.hasPrefix("J(x) and J(x′) differ in ") }).split(separator: " ")
        #expect((Int(differ[5]) ?? 0) > 0)
        #expect(lines.contains { $0.hasPrefix("f(x) = ") && $0.hasSuffix("max |difference| = 0") })
        let table = lines.filter { ["-2", "-1", "0", "+1", "+2"].contains($0.split(separator: " ").first ?? "") }
        #expect(table.count == 5)
        for row in table {
            let columns = row.split(separator: " ")
            #expect(columns[1] == "0", "the convolution commutes with the shift: \(row)")
            if ["-1", "+1"].contains(columns[0]) {
                #expect(columns[2] != "0" && columns[3] == "0" && columns[4] == "0", "invariant to a shift by one: \(row)")
            }
        }
    }

    /// Every comparison in the transposed demo is exact (integers) and every structural claim holds.
    @Test func transposedDemoChecksHold() throws {
        let text = try Self.lines("transposed").joined(separator: "\n")
        #expect(text.contains("max |Wᵀ_transposed − (Wᵀ_conv)ᵀ| = 0\n"))
        #expect(text.contains("max |δx − y| = 0, max |y − the loop's y| = 0\n"))
        #expect(text.contains("ConvTranspose1d backward W_transposed x| = 0\n"))
        #expect(text.contains("max |difference| = 0\n"))
        #expect(text.components(separatedBy: ": yes\n").count == 3)
        #expect(!text.contains(": no\n"))
    }

    /// The dense SVD and the Fourier identity agree to rounding, and so do the norms' three ways.
    @Test(arguments: [0, 5])
    func spectrumDemoAgreesToRounding(seed: Int) throws {
        let lines = try Self.lines("spectrum", seed: seed)
        let value = { (prefix: String) throws -> Double in
            let line = try #require(lines.first { $0.hasPrefix(prefix) })
            return try #require(Double(line.split(separator: " ").last ?? ""))
        }
        #expect(try value("max |σ_dense − σ_Fourier| = ") < 1e-12)
        #expect(try value("largest difference = ") < 1e-12)
        #expect(try value("largest relative difference = ") < 1e-12)
        let union = try #require(lines.firstIndex(of: "the union, sorted:"))
        let dense = try #require(lines.firstIndex(of: "the dense SVD:"))
        #expect(Array(lines[(union + 1)..<dense]) == Array(lines[(dense + 1)..<(dense + 1 + dense - union - 1)]))
    }
}
