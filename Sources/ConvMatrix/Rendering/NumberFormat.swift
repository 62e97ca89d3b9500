import Foundation

/// Numbers as people read them: integers without a decimal point, others with
/// a fixed number of digits, and −0 as 0.
public enum NumberFormat {
    /// `3`, `-2`, `0.125`, `-0.577`.
    public static func compact(_ value: Double, fractionDigits: Int = 3) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(format: "%.\(fractionDigits)f", value)
    }

    /// Six significant digits, exponent only when needed: `1`, `0.853553`, `1.77636e-15`.
    public static func significant(_ value: Double, digits: Int = 6) -> String {
        value == 0 ? "0" : String(format: "%.\(digits)g", value)
    }

    /// Rounding-level values as a bound, others with six significant digits:
    /// `< 1e-12` for |value| below `floor`, else ``significant(_:digits:)``.
    ///
    /// Text output pins values that rounding alone decides (σ₈ = 3.8e-17 of a
    /// singular matrix) as a bound, so that it reads the same on every BLAS; the
    /// JSON keeps every digit.
    public static func bounded(_ value: Double, floor: Double) -> String {
        abs(value) < floor ? "< " + significant(floor, digits: 2) : significant(value)
    }

    /// Fixed decimals for values of magnitude up to `scale`: six significant digits of
    /// the scale, so that entries at rounding level read 0 (never −0).
    public static func fixed(_ value: Double, scale: Double, digits: Int = 6) -> String {
        let magnitude = scale > 0 && scale.isFinite ? Int(log10(scale).rounded(.down)) : 0
        let decimals = max(0, digits - 1 - magnitude)
        let text = String(format: "%.\(decimals)f", value)
        let isZero = text.allSatisfy { "-0.".contains($0) }
        return isZero ? String(text.drop { $0 == "-" }) : text
    }

    /// A count with thousands separators: 120,000.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A count and its noun, in the singular for exactly one: `1 entry`, `0 entries`,
    /// `1,200 parameters`. The plural is the noun with an `s` unless given.
    ///
    ///     NumberFormat.count(1, "entry", plural: "entries")   // "1 entry"
    ///     NumberFormat.count(12_000, "nonzero")                // "12,000 nonzeros"
    public static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        count(value) + " " + (value == 1 ? noun : plural ?? noun + "s")
    }

    /// A ratio with one decimal and thousands separators: 8.0, 348,842.7.
    public static func ratio(_ numerator: Int, _ denominator: Int) -> String {
        guard denominator != 0 else { return "–" }
        let text = String(format: "%.1f", Double(numerator) / Double(denominator))
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = text.dropFirst(sign.count)
        guard let dot = digits.firstIndex(of: "."), let whole = Int(digits[..<dot]) else { return text }
        return sign + count(whole) + digits[dot...]
    }
}

extension NumberFormat {
    /// Exact and short, for files that are read back by programs: integers without a
    /// decimal point, others as Swift's shortest text that parses back to the same
    /// Double (`0.1`, `-1.5e-05`), and −0 as 0.
    public static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return "\(value)"
    }
}
