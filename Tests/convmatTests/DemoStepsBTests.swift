import Foundation
import Testing

/// The depthwise-separable, inception, alexnet and schnet demos: each runs, shows
/// its steps, and the numbers it prints agree with the library's other commands
/// and with themselves.
@Suite struct DemoStepsBTests {
    /// Each demo's step titles, in order, as the issue lists their content.
    static let titles: [(String, [String])] = [
        (
            "depthwise-separable",
            ["Depthwise: groups = C_in", "Pointwise: a 1×1 convolution", "The product is a full convolution", "Parameters and multiplies"]
        ),
        ("inception", ["Four branches", "Concat stacks the branches' rows", "1×1 reductions cut the cost"]),
        ("alexnet", ["LeCun's table", "A dense Wᵀ against its structural nonzeros", "The parameters are fully connected"]),
        ("schnet", ["pairs grouped by distance", "The filter W(d)", "The cfconv as a matrix", "Energy and forces", "Invariances"]),
    ]

    @Test(arguments: titles.map(\.0))
    func demoRunsAndPrintsItsSteps(_ name: String) throws {
        let result = try CLI.run(["demo", name])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let expected = try #require(Self.titles.first { $0.0 == name }?.1)
        let steps = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Step ") }
        #expect(steps.count == expected.count)
        for (k, (step, title)) in zip(steps, expected).enumerated() {
            #expect(step.hasPrefix("Step \(k + 1) of \(expected.count) · ") && step.contains(title), "\(step)")
        }
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "wider than 80 columns: \(line)") }
        #expect(!result.stdout.contains("_ji^") && !result.stdout.contains("v_ji"), "Unicode notation only")
    }

    /// Wᵀ_pw Wᵀ_dw equals the full convolution with v_ji^t = u_ji · d_i^t, for several seeds;
    /// its slices are rank one and a full integer kernel's are not.
    @Test(arguments: ["0", "5"])
    func separableProductIsTheRankOneFullConvolution(_ seed: String) throws {
        let text = try CLI.run(["demo", "depthwise-separable", "--seed", seed]).stdout
        #expect(text.contains("max |Wᵀ_pw Wᵀ_dw − Wᵀ_full| = 0\n"))
        let slices = text.split(separator: "\n").filter { $0.hasPrefix("  i = ") }
        #expect(slices.count == 2)
        for line in slices {
            let groups = line.split(separator: "(").dropFirst().map { $0.prefix { $0 != ")" }.split(separator: ", ").compactMap { Double($0) } }
            try #require(groups.count == 2 && groups.allSatisfy { $0.count == 3 })
            #expect(groups[0][1] <= 1e-12 * groups[0][0], "separable slice is rank one: \(line)")
            #expect(groups[1][1] > 1e-6 * groups[1][0], "a full kernel's slice is not: \(line)")
        }
    }

    /// The Xception block's saving is the one `convmat show xception-block --product` states.
    @Test func separableCountsMatchTheNetworkProduct() throws {
        let demo = try CLI.run(["demo", "depthwise-separable"]).stdout.replacingOccurrences(of: "\n  ", with: " ")
        let product = try CLI.run(["show", "xception-block", "--product"]).stdout
        let saving = try #require(product.split(separator: "\n").first { $0.hasPrefix("separable: ") })
        #expect(demo.contains(saving))
    }

    /// The demo's table is `convmat count alexnet`'s, and conv1's dense size and nonzeros follow from it.
    @Test func alexnetDemoShowsTheCountTable() throws {
        let demo = try CLI.run(["demo", "alexnet"]).stdout
        let count = try CLI.run(["count", "alexnet"]).stdout.split(separator: "\n")
        for line in count where line.count <= 80 { #expect(demo.contains(line + "\n"), "missing: \(line)") }
        let total = try #require(count.first { $0.hasPrefix("  total") })
        #expect(total.hasSuffix("60,965,224"), "the same total as `convmat count alexnet`")
        let numbers = { (line: Substring) in line.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) } }
        let conv1 = numbers(try #require(count.first { $0.hasPrefix("  conv1 ") }))
        let inputUnits = numbers(try #require(count.first { $0.hasPrefix("  input units") }))
        let dense = try #require(demo.split(separator: "\n").first { $0.hasPrefix("conv1: ") })
        #expect(numbers(dense) == [conv1[0], inputUnits[0], 8, conv1[0] * inputUnits[0] * 8])
        // Taps without the biases: connections − one per biased unit.
        let nonzeros = try #require(demo.split(separator: "\n").first { $0.hasPrefix("but ") })
        #expect(numbers(nonzeros).first == conv1[1] - conv1[0])
    }

    /// Every branch's Jacobian is its row block of the module's, and the reduced totals are `convmat count`'s.
    @Test func inceptionBranchesAreRowBlocks() throws {
        let demo = try CLI.run(["demo", "inception"]).stdout
        #expect(demo.components(separatedBy: "(x)| = 0\n").count == 5)
        let count = try CLI.run(["count", "inception-module"]).stdout.split(separator: "\n")
        let numbers = { (line: Substring) in line.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) } }
        let total = numbers(try #require(count.first { $0.hasPrefix("  total") }))
        let row = numbers(try #require(demo.split(separator: "\n").first { $0.hasPrefix("  total") }))
        try #require(row.count == 4)
        #expect(row[0] == total[2] && row[2] == total[1], "with the reductions: count's parameters and connections")
        #expect(row[1] > row[0] && row[3] > row[2], "without them: more of both")
    }

    /// Each library check holds, and the demo's own motion is the check's: the same energy difference.
    @Test func schnetInvariancesHold() throws {
        let demo = try CLI.run(["demo", "schnet"]).stdout
        let lines = demo.split(separator: "\n").map(String.init)
        #expect(!demo.contains("FAILED"))
        let checks = lines.filter { $0.hasPrefix("      error ") }
        #expect(checks.count == 6)
        for line in checks {
            let values = line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ":"))) }
            try #require(values.count == 2)
            #expect(values[0] <= values[1], "\(line)")
        }
        let moved = try #require(lines.first { $0.contains("|E(QR + t) − E(R)| = ") }?.split(separator: " ").last)
        let index = try #require(lines.firstIndex { $0 == "  E invariant under a rotation and translation" })
        #expect(lines[index + 1].hasPrefix("      error \(moved) ≤"), "the demo's motion is the check's")
        // The demo's own differences, each within the bound the library holds the same quantity to.
        let bounds = [
            "max |F(QR + t) − Q F(R)| = ": "  F rotates with the molecule",
            "max |F(πR) − πF(R)| = ": "  F permutes with the atoms",
            "|E(πR) − E(R)| = ": "  E invariant under a permutation of the atoms",
        ]
        for (label, check) in bounds {
            let value = try #require(lines.first { $0.contains(label) }?.components(separatedBy: label).last.flatMap { Double($0) })
            let at = try #require(lines.firstIndex(of: check))
            let tolerance = try #require(lines[at + 1].components(separatedBy: "tolerance ").last?.split(separator: ":").first.flatMap { Double($0) })
            #expect(value <= tolerance, "\(label)\(value) against \(tolerance)")
        }
    }
}
