/// The network checker's report for people: one line per layer, the network
/// checks as a table, their notes, and a verdict.
extension NetworkCheckReport {
    ///     resnet-basic-block on input 4x6x6, seed 0
    ///
    ///       layer        kind    verdict  checks
    ///       block.conv1  Conv2d  passed   9 ran, 1 did not apply
    ///       …
    ///
    ///       network check      max |error|  tolerance  verdict
    ///       ∂E/∂x                  2.8e-17    1.1e-12  passed
    ///       …
    ///     verdict: passed — 4 layers and 3 network checks passed
    public var text: String {
        var lines = ["\(network) on input \(input), seed \(seed)", ""]
        let layerRows = layers.map { layer in
            [layer.name, layer.report.kind, layer.report.passed ? "passed" : "FAILED", Self.ranWords(layer.report.checks.map(\.ran))]
        }
        lines += TextTable.columns([["layer", "kind", "verdict", "checks"]] + layerRows, rightAligned: [false, false, false, false])
        lines.append("")
        let checkRows = checks.map { check in
            [
                check.name, CheckReport.number(check.maxAbsError), CheckReport.number(check.tolerance),
                check.passed.map { $0 ? "passed" : "FAILED" } ?? "not run",
            ]
        }
        lines += TextTable.columns(
            [["network check", "max |error|", "tolerance", "verdict"]] + checkRows, rightAligned: [false, true, true, false])
        lines.append("")
        lines.append("data: \(dataNote)")
        lines += checks.map { "\($0.name): \($0.note)" }
        lines.append("")
        lines.append(verdictLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `verdict: passed — 4 layers and 3 network checks passed`, or what failed.
    public var verdictLine: String {
        let ran = checks.filter(\.ran).count
        if passed {
            return "verdict: passed — \(layers.count) layer\(layers.count == 1 ? "" : "s") and \(ran) network check\(ran == 1 ? "" : "s") passed"
        }
        return "verdict: FAILED — \(failureSummary)"
    }

    /// `9 ran, 1 did not apply`.
    private static func ranWords(_ ran: [Bool]) -> String {
        let count = ran.filter { $0 }.count
        return "\(count) ran" + (count < ran.count ? ", \(ran.count - count) did not apply" : "")
    }
}

extension CheckReport {
    /// The layer's kind, the spec's class name (`Conv2d`).
    public var kind: String { String(spec.prefix { $0 != "(" }) }
}
