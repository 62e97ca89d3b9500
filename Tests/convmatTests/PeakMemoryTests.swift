import Foundation
import Testing

/// The size guard bounds the real peak: run at the smallest limit the guard
/// accepts, a command's peak resident memory, less that of a trivial run, stays
/// under that limit plus 16 MiB (the allocator's and the runtime's slack).
@Suite(.serialized) struct PeakMemoryTests {
    static let slack = 16 << 20

    /// Commands of every kind and the formats with the largest documents, each big
    /// enough (10⁶ entries or more) that its own allocations dominate the runtime's.
    /// (LaTeX is refused above pdflatex's capacity, 300 columns, long before 10⁶
    /// entries: Markdown stands in for the table formats.)
    static let commands: [String] = [
        "show 'Conv2d(4, 12, 5)' --input 4x14x14",
        "show 'Conv2d(4, 12, 5, padding=2)' --input 4x14x14 --factor --format json",
        "show 'Conv1d(1, 1, 101, padding=50)' --input 1x1000 --format markdown",
        "show 'Conv1d(1, 1, 101, padding=50)' --input 1x1000 --format svg --factor",
        "show 'Conv1d(1, 1, 101, padding=50)' --input 1x1000 --format npy --what valid --output PEAK.npy",
        "show 'Conv1d(16, 16, 2048, padding=1024)' --input 16x1 --format svg --spy",
        "check 'Conv2d(4, 12, 5)' --input 4x14x14",
        "check \"Conv1d(2, 2, 64, padding=32, padding_mode='circular')\" --input 2x400",
        "invert 'Conv2d(2, 4, 5)' --input 2x12x12 --format json",
    ]

    @Test(arguments: commands)
    func peakStaysUnderTheAcceptedLimit(_ command: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("peak-\(UUID().uuidString).npy").path
        defer { unlink(output) }
        let arguments = try #require(DocsCommandTests.shellWords(command)).map { $0 == "PEAK.npy" ? output : $0 }
        let baseline = try MeasuredRun.run(["show", "Conv1d(1, 1, 1)", "--input", "1x1"]).peakBytes
        let (limit, run) = try smallestAcceptedLimit(arguments)
        #expect(run.status == 0, "\(command) --max-memory \(limit): \(run.stderr)")
        #expect(baseline > 0 && run.peakBytes > 0, "GNU time reported no peak")
        let used = run.peakBytes - baseline
        #expect(used <= limit + Self.slack, "\(command): peak \(used >> 20) MiB above a trivial run, limit \(limit >> 20) MiB")
    }

    /// Starting from 1 MiB, raises --max-memory to what each refusal suggests
    /// until the command runs: the guard's own estimate, stage by stage.
    private func smallestAcceptedLimit(_ arguments: [String]) throws -> (Int, MeasuredRun.Result) {
        var limit = 1 << 20
        for _ in 0..<6 {
            let run = try MeasuredRun.run(arguments + ["--max-memory", "\(limit)", "--max-flops", "1e12"])
            guard run.status == 2, let suggested = Self.suggestedLimit(in: run.stderr), suggested > limit else { return (limit, run) }
            limit = suggested
        }
        return (limit, try MeasuredRun.run(arguments + ["--max-memory", "\(limit)", "--max-flops", "1e12"]))
    }

    /// The limit in "raise it with --max-memory 80M", in bytes.
    static func suggestedLimit(in message: String) -> Int? {
        guard let range = message.range(of: #"--max-memory (\d+)([KMGT])"#, options: .regularExpression) else { return nil }
        let text = message[range].dropFirst("--max-memory ".count)
        guard let unit = text.last, let shift = ["K": 10, "M": 20, "G": 30, "T": 40][String(unit)] else { return nil }
        return Int(text.dropLast()).map { $0 << shift }
    }
}
