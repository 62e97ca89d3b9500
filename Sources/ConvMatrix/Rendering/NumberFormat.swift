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

    /// A ratio with one decimal: 8.0.
    public static func ratio(_ numerator: Int, _ denominator: Int) -> String {
        denominator == 0 ? "–" : String(format: "%.1f", Double(numerator) / Double(denominator))
    }
}
