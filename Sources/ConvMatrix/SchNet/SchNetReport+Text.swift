extension SchNetReport {
    /// The report for people: energy, forces, distance classes with their filter values,
    /// checks, dynamics and optimisation; numbers with `digits` decimals.
    public func text(digits: Int = 6) -> String {
        var lines = ["\(spec) on \(molecule) (\(elements.count) atoms), seed \(seed)", "energy E = \(Self.number(energy, digits)) (arbitrary units)", ""]
        lines.append("atom  element  position (Å)                              force F = -dE/dr (units/Å)")
        for (i, element) in elements.enumerated() {
            let r = positions[i].map { Self.number($0, digits) }.joined(separator: " ")
            let f = forces[i].map { Self.number($0, digits) }.joined(separator: " ")
            lines.append("\(Self.padded("\(i + 1)", 4))  \(Self.padded(element, 7))  \(Self.padded(r, 40))  \(f)")
        }
        lines.append("")
        let shown = min(4, distanceClasses.first?.filter.count ?? 0)
        lines.append("distance classes (pairs within 1e-6 Å share W(d)); W_1 … W_\(shown) of interaction 1:")
        for (c, group) in distanceClasses.enumerated() {
            let values = group.filter.prefix(shown).map { Self.number($0, digits) }.joined(separator: " ")
            lines.append("  d_\(c + 1) = \(Self.number(group.distance, digits)) Å  \(Self.padded("\(group.pairs.count) pairs", 9))  \(values)")
        }
        if let checks {
            lines.append("")
            for check in checks {
                let verdict = check.passed ? "ok  " : "FAIL"
                lines.append("\(verdict) \(check.name): error \(Self.scientific(check.error)) ≤ tolerance \(Self.scientific(check.tolerance))")
            }
        }
        if let dynamics {
            lines.append("")
            lines.append("velocity Verlet from rest, \(dynamics.steps) steps of \(dynamics.dt) fs (energy read as eV, masses in u):")
            for entry in dynamics.drifts {
                lines.append("  dt = \(entry.dt) fs: drift max|E_tot(t) - E_tot(0)| = \(Self.scientific(entry.drift))")
            }
            for k in 1..<dynamics.drifts.count where dynamics.drifts[k].drift > 0 {
                lines.append(
                    "  drift ratio dt/\(1 << (k - 1)) : dt/\(1 << k) = \(Self.number(dynamics.drifts[k - 1].drift / dynamics.drifts[k].drift, 3)) (dt² gives 4)"
                )
            }
        }
        if let optimisation {
            lines.append("")
            let (first, last) = (optimisation.energies.first ?? energy, optimisation.energies.last ?? energy)
            lines.append(
                "steepest descent: \(optimisation.energies.count - 1) steps, E \(Self.number(first, digits)) → \(Self.number(last, digits)), largest force \(Self.scientific(optimisation.largestForce)) units/Å"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ x: Double, _ digits: Int) -> String {
        let scale = pow10(digits)
        let rounded = (x * scale).rounded() / scale
        let text = rounded == 0 ? "0" : "\(rounded)"
        return rounded < 0 || text.hasPrefix("-") ? text : " " + text
    }

    static func scientific(_ x: Double) -> String {
        guard x != 0 else { return "0" }
        var exponent = 0
        var mantissa = abs(x)
        while mantissa >= 10 { (mantissa, exponent) = (mantissa / 10, exponent + 1) }
        while mantissa < 1 { (mantissa, exponent) = (mantissa * 10, exponent - 1) }
        return "\(x < 0 ? "-" : "")\((mantissa * 100).rounded() / 100)e\(exponent)"
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
