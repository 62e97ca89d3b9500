import Foundation
import Testing

@Suite struct DemoCommandTests {
    /// The slide demo, pinned: a reviewer read it once; any change shows up here.
    @Test func slideDemoIsPinned() throws {
        let result = try CLI.run(["demo"])
        #expect(result.status == 0)
        #expect(result.stdout == (try CLI.golden("demo-slide.txt", actual: result.stdout)))
    }

    @Test func slideDemoShowsTheSlidesCountsAndAgreement() throws {
        let text = try CLI.run(["demo", "slide"]).stdout
        #expect(text.contains("W has 144 entries, 72 structural nonzeros, but only 18 effective parameters"))
        #expect(text.components(separatedBy: "max |").count == 4)
        #expect(!text.contains("difference| = 1") && !text.contains("− z| = 1"))
    }

    static let demos = [
        "slide", "border-modes", "two-views", "backprop", "layer2d", "sliding-window", "arithmetic", "pooling", "transposed", "lenet1989", "residual",
        "spectrum", "why-cnns", "schnet-lattice", "depthwise-separable", "inception", "alexnet", "schnet",
    ]

    /// Every demo runs without a terminal, exit 0, and prints each of its steps' titles in order.
    @Test(arguments: demos)
    func everyDemoPrintsItsSteps(_ name: String) throws {
        let result = try CLI.run(["demo", name])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let titles = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Step ") }
        let count = try #require(titles.first.flatMap { $0.split(separator: " ")[3] }.flatMap { Int($0) })
        #expect(titles.count == count && count >= 2)
        for (k, title) in titles.enumerated() { #expect(title.hasPrefix("Step \(k + 1) of \(count) · ")) }
        #expect(!result.stdout.contains("\u{1b}["), "no colour without a terminal")
        for ascii in ["v_ji", "w_ij", "_ji^"] { #expect(!result.stdout.contains(ascii), "\(name): one notation, Unicode (vⱼᵢ, v₁₁¹), not \(ascii)") }
    }

    /// `--step` on a pseudo-terminal (script(1)): Enter shows the next step, q quits before the third.
    @Test func stepWaitsForEnterAndQuitsOnQ() throws {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", "\(CLI.binary.path) demo slide --step", "/dev/null"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("\nq\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Step 1 of 4") && text.contains("Step 2 of 4"))
        #expect(!text.contains("Step 3 of 4"), "q quits before step 3")
        #expect(text.contains("Enter for step 2 of 4, q to quit"))
    }

    /// --seed draws other integer weights: the numbers change, the structure does not.
    @Test func seedChangesTheNumbers() throws {
        let standard = try CLI.run(["demo", "slide"]).stdout
        let other = try CLI.run(["demo", "slide", "--seed", "3"])
        #expect(other.status == 0)
        #expect(other.stdout != standard)
        #expect(other.stdout.contains("W has 144 entries, 72 structural nonzeros, but only 18 effective parameters"))
    }

    /// The string kernel: the matrices and the direct sum over substrings agree, and so do the two kernels.
    @Test func slidingWindowAgreesWithTheSumOverSubstrings() throws {
        let text = try CLI.run(["demo", "sliding-window"]).stdout
        #expect(text.components(separatedBy: "max |difference| = 0\n").count == 3)
        let inner = try #require(text.split(separator: "\n").first { $0.hasPrefix("⟨φ_struct(x), φ_struct(x′)⟩ = ") })
        let pairs = try #require(text.split(separator: "\n").first { $0.hasPrefix("Σ_{s, s′} k(s, s′)") })
        #expect(inner.split(separator: " ").last == pairs.split(separator: " ").last)
        #expect(text.contains("feature lengths: 8 for L = 11, 8 for L = 7"))
    }

    /// The lenet1989 demo derives the paper's numbers (LeCun et al. 1989: 64,660 connections, 9,760 parameters).
    @Test func lenetDemoDerivesThePapersTable() throws {
        let text = try CLI.run(["demo", "lenet1989"]).stdout
        #expect(text.contains("768 units × (25 taps + 1 bias) = 19,968 connections"))
        #expect(text.contains("192 units × (200 taps + 1 bias) = 38,592 connections"))
        #expect(text.contains("64,660") && text.contains("9,760") && text.contains("1,256"))
    }

    /// The residual block's product is I + Wᵀ_F, its Jacobian I + D(x) Wᵀ_F, both computed by the network.
    @Test func residualDemoAgreesWithTheFormulas() throws {
        let text = try CLI.run(["demo", "residual"]).stdout
        #expect(text.contains("max |product − (I + Wᵀ_F)| = 0\n"))
        #expect(text.contains("max |J(x) − (I + D(x) Wᵀ_F)| = 0\n"))
        #expect(text.contains("δy = ( 1, 2, 3, 4, 5, 6)"))
    }

    /// Translation equivariance exactly, invariance after pooling, and the receptive field 2L + 1.
    @Test func whyCNNsComputesItsThreeReasons() throws {
        let text = try CLI.run(["demo", "why-cnns"]).stdout
        #expect(text.contains("max |Wᵀ(Sx) − S(Wᵀx)| = 0\n"))
        let pooling = try #require(text.split(separator: "\n").first { $0.hasPrefix("sum pooling:") })
        let sums = pooling.split(separator: "=").dropFirst().map { $0.split(separator: ",")[0].split(separator: ":")[0].trimmingCharacters(in: .whitespaces) }
        #expect(sums.count == 2 && sums[0] == sums[1])
        for depth in 1...4 { #expect(text.contains("\(2 * depth + 1) inputs")) }
    }

    /// Every line of both derivations equals the matrix form, and the flip of the true convolution shows.
    @Test func backpropEvaluatesEveryLine() throws {
        let text = try CLI.run(["demo", "backprop"]).stdout
        #expect(text.components(separatedBy: "max |difference| over every line and the matrix = 0\n").count == 3)
        #expect(text.contains("(max |difference| = 0)"))
        let kernel = try #require(text.split(separator: "\n").first { $0.hasPrefix("w = ") })
        let flipped = try #require(text.split(separator: "\n").first { $0.contains("flipped kernel") })
        #expect(!flipped.contains(kernel.dropFirst(4).prefix(while: { $0 != ")" })), "the kernel is not a palindrome")
    }

    @Test func listNamesEveryDemo() throws {
        let result = try CLI.run(["demo", "--list"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("slide"))
        for name in Self.demos { #expect(result.stdout.contains("\n\(name) ") || result.stdout.hasPrefix("\(name) ")) }
    }

    /// README's teaser is the real output of `convmat demo slide` (regenerate with `make readme`).
    @Test func readmeTeaserIsCurrent() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let demo = try CLI.run(["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]).stdout
        let start = try #require(readme.range(of: "<!-- teaser: convmat show 'Conv1d(2, 3, kernel_size=3, bias=False)' --input 2x6 -->\n```text\n"))
        let end = try #require(readme.range(of: "```\n<!-- /teaser -->", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == demo, "README teaser is stale: run make readme")
    }
}
