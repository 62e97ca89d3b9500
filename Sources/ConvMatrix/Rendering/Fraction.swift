/// A constant entry written as a person reads it: a fraction where it is one
/// (¼, 1/9, 2/3), else a decimal.
///
///     Fraction(0.25)?.unicode    // "¼"
///     Fraction(1.0 / 9)?.plain   // "1/9"
///     Fraction(1.0 / 9)?.latex   // "\tfrac{1}{9}"
///     Fraction(0.3)              // nil: not n/d for d ≤ 64 exactly as Double computes it
///
/// Exactness: a fraction is recognised when the Double equals fl(n/d), the value
/// a divisor of d gives; 1/4 is exact in binary, 1/9 is not, and both print as fractions.
public struct Fraction: Equatable, Sendable {
    public let numerator: Int
    public let denominator: Int

    /// The fraction n/d (d ≤ 64) whose Double is `value`, lowest terms; nil when none is.
    public init?(_ value: Double) {
        guard value.isFinite, abs(value) < 0x1p31 else { return nil }
        for d in 1...64 {
            let n = (value * Double(d)).rounded()
            if n / Double(d) == value, Self.gcd(Int(abs(n)), d) == 1 || n == 0 {
                numerator = Int(n)
                denominator = d
                return
            }
        }
        return nil
    }

    private static let vulgar: [String: String] = [
        "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/5": "⅕", "2/5": "⅖", "3/5": "⅗", "4/5": "⅘",
        "1/6": "⅙", "5/6": "⅚", "1/7": "⅐", "1/8": "⅛", "3/8": "⅜", "5/8": "⅝", "7/8": "⅞", "1/9": "⅑", "1/10": "⅒",
    ]

    /// `3`, `1/9`, `-2/3`.
    public var plain: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// The plain form, with a vulgar-fraction character where Unicode has one (¼, ⅑).
    public var unicode: String {
        let magnitude = "\(abs(numerator))/\(denominator)"
        guard denominator != 1, let glyph = Self.vulgar[magnitude] else { return plain }
        return (numerator < 0 ? "−" : "") + glyph
    }

    /// `\tfrac{1}{9}`, or the integer.
    public var latex: String {
        denominator == 1 ? "\(numerator)" : "\(numerator < 0 ? "-" : "")\\tfrac{\(abs(numerator))}{\(denominator)}"
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
