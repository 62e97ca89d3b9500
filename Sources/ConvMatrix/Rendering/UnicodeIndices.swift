/// Unicode sub- and superscript digits for terminal names such as v₁₁¹.
///
/// Unicode has no sub- or superscript comma, so separated indices use
/// ‚ (U+201A, a low comma) below and ʼ (U+02BC, a raised comma) above:
/// v₁₂‚₄³ʼ⁵ is v_{12,4}^{3,5}.
enum UnicodeIndices {
    static let subscriptDigits = Array("₀₁₂₃₄₅₆₇₈₉")
    static let superscriptDigits = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
    static let subscriptSeparator: Character = "\u{201A}"
    static let superscriptSeparator: Character = "\u{02BC}"

    /// "12,4" → "₁₂‚₄".
    static func lowered(_ text: String) -> String {
        String(text.map { $0 == "," ? subscriptSeparator : $0.wholeNumberValue.map { subscriptDigits[$0] } ?? $0 })
    }

    /// "3,5" → "³ʼ⁵".
    static func raised(_ text: String) -> String {
        String(text.map { $0 == "," ? superscriptSeparator : $0.wholeNumberValue.map { superscriptDigits[$0] } ?? $0 })
    }
}

extension ParameterNotation {
    /// Terminal form: v₁₁¹, or v₁₂‚₄³ʼ⁵ with separated indices.
    public func unicode(_ name: ParameterName) -> String {
        let (lower, upper) = indices(of: name)
        return name.letter + UnicodeIndices.lowered(lower) + UnicodeIndices.raised(upper)
    }

    /// Plain form for CSV and JSON: v_{11}^{1}, the LaTeX spelling.
    public func plain(_ name: ParameterName) -> String { latex(name) }
}
