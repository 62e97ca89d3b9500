import Foundation

/// The time guard, beside the size guard: a dense factorisation is estimated in
/// flops before anything is allocated, and refused above the budget.
///
/// The default, 10¹⁰ flops, is a few seconds on the two-core machine where the
/// estimates were measured (docs/spectrum.md: a values-only SVD of 1200 × 784,
/// 7.4·10⁸ flops by ``FlopEstimate``, took about 0.2 s; of 6912 × 3136, 6.8·10¹⁰
/// flops, about 13–15 s).
public struct FlopBudget: Sendable, Equatable {
    /// Largest estimated flop count one command may spend on a factorisation.
    public var limitFlops: Double

    public init(limitFlops: Double) {
        self.limitFlops = limitFlops
    }

    /// 10¹⁰ flops: a few seconds.
    public static let `default` = FlopBudget(limitFlops: 1e10)

    /// Parses a count such as `1e10`, `2.5e9` or `300000000`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `field`.
    public init(parsing text: String, field: String = "max-flops") throws(ConvMatrixError) {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0 else {
            throw ConvMatrixError(.budget, field: field, reason: "'\(text)' is not a positive flop count like 1e10 or 300000000")
        }
        self.init(limitFlops: value)
    }

    /// Throws when `flops` exceed the limit, naming the estimate, the flag and the alternatives.
    ///
    ///     max_flops: a dense SVD (values only) of the 6,912 × 3,136 Wᵀ of … would take
    ///     about 6.8e10 flops, above the limit of 1.0e10; raise it with --max-flops 6.8e10, or …
    ///
    /// - Parameters:
    ///   - what: the computation, as a noun phrase.
    ///   - alternatives: other ways to the same answer, each a short phrase.
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `max_flops`.
    public func require(_ flops: Double, for what: String, alternatives: [String] = []) throws(ConvMatrixError) {
        guard flops > limitFlops else { return }
        let ways = ["raise it with --max-flops \(Self.format(flops))"] + alternatives
        throw ConvMatrixError(
            .budget, field: "max_flops",
            reason: "\(what) would take about \(Self.format(flops)) flops, above the limit of \(Self.format(limitFlops)); "
                + ways.joined(separator: ", or "))
    }

    /// `6.8e10`, `7.4e8`, `120`: two significant digits, rounded up so that a
    /// printed estimate passed back to --max-flops is enough.
    public static func format(_ flops: Double) -> String {
        guard flops.isFinite else { return "more than 1e308" }
        guard flops >= 1000 else { return String(Int(flops.rounded(.up))) }
        let exponent = Int(log10(flops).rounded(.down))
        var mantissa = (flops / pow(10, Double(exponent)) * 10).rounded(.up) / 10
        var shown = exponent
        if mantissa >= 10 {
            mantissa /= 10
            shown += 1
        }
        return String(format: "%.1fe%d", mantissa, shown)
    }
}
