import Foundation

/// The checker's report as an aligned table with a verdict, for a lecturer to show in class.
extension CheckReport {
    ///     Conv1d(2, 3, kernel_size=3, bias=False) on input 2x6, seed 0
    ///
    ///     check                    max |error|   tolerance   verdict
    ///     structure                          0           0   passed
    ///     …
    ///     verdict: passed — 8 checks ran and passed, 2 did not apply
    public var text: String {
        let nameWidth = max(5, checks.map(\.name.rawValue.count).max() ?? 0)
        let at = pointSource.map { ", at x \($0)" } ?? ""
        var lines = ["\(spec) on input \(input), seed \(seed)\(at)", ""]
        lines.append("check".padded(to: nameWidth) + "   " + "max |error|".leftPadded(to: 11) + "   " + "tolerance".leftPadded(to: 9) + "   verdict")
        for check in checks {
            let verdict = check.passed.map { $0 ? "passed" : "FAILED" } ?? "not run"
            lines.append(
                check.name.rawValue.padded(to: nameWidth) + "   "
                    + Self.number(check.maxAbsError).leftPadded(to: 11) + "   "
                    + Self.number(check.tolerance).leftPadded(to: 9) + "   " + verdict)
        }
        lines.append("")
        for check in checks {
            lines.append("\(check.name.rawValue): \(check.note)")
        }
        lines.append("")
        lines.append(verdictLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `verdict: passed — 8 checks ran and passed, 2 did not apply`.
    public var verdictLine: String {
        let ran = checks.filter(\.ran).count
        let skipped = checks.count - ran
        let tail = skipped > 0 ? ", \(skipped) did not apply" : ""
        if passed { return "verdict: passed — \(ran) checks ran and passed\(tail)" }
        let names = failures.map(\.name.rawValue).joined(separator: ", ")
        return "verdict: FAILED — \(failures.count) of \(ran) checks failed (\(names))\(tail)"
    }

    /// `0`, `3.6e-15`, or `–` for a check that did not run.
    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        if value == 0 { return "0" }
        return String(format: "%.1e", value)
    }
}
