import Foundation

extension SchNetReport {
    /// The report for people: energy, forces, distance classes with their filter values,
    /// checks, dynamics and optimisation; numbers with `digits` decimals.
    public func text(digits: Int = 6) -> String {
        var lines = [
            "\(spec) on \(molecule) (\(elements.count) atoms), seed \(seed)", "energy E = \(String(format: "%.\(digits)f", energy)) (arbitrary units)", "",
        ]
        lines.append("atom  element  " + Self.padded("position (Å)", 42) + "  force F = -dE/dr (units/Å)")
        for (i, element) in elements.enumerated() {
            let r = positions[i].map { Self.number($0, digits) }.joined()
            let f = forces[i].map { Self.number($0, digits) }.joined()
            lines.append("\(Self.padded("\(i + 1)", 4))  \(Self.padded(element, 7))\(r)  \(f)")
        }
        lines.append("")
        let shown = min(4, distanceClasses.first?.filter.count ?? 0)
        lines.append("distance classes (pairs within 1e-6 Å share W(d)); W_1 … W_\(shown) of interaction 1:")
        for (c, group) in distanceClasses.enumerated() {
            let values = group.filter.prefix(shown).map { Self.number($0, digits) }.joined()
            lines.append(
                Self.padded("  d_\(c + 1)", 7) + " =" + Self.number(group.distance, digits) + " Å  " + Self.padded("\(group.pairs.count) pairs", 9) + values)
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
                    "  drift ratio dt/\(1 << (k - 1)) : dt/\(1 << k) = \(String(format: "%.3f", dynamics.drifts[k - 1].drift / dynamics.drifts[k].drift)) (dt² gives 4)"
                )
            }
        }
        if let optimisation {
            lines.append("")
            let (first, last) = (optimisation.energies.first ?? energy, optimisation.energies.last ?? energy)
            lines.append(
                "steepest descent: \(optimisation.energies.count - 1) steps, E \(String(format: "%.6f", first)) → \(String(format: "%.6f", last)), largest force \(Self.scientific(optimisation.largestForce)) units/Å"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// x with `digits` decimals in a column 13 wide, e.g. `    -0.131966`.
    static func number(_ x: Double, _ digits: Int) -> String {
        String(format: "%13.\(digits)f", x)
    }

    /// x as `6.89e-07`.
    static func scientific(_ x: Double) -> String {
        String(format: "%.2e", x)
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
