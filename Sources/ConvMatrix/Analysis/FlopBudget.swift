import Foundation

/// The time guard, beside the size guard: a dense factorisation is estimated in
/// flops before anything is allocated, and refused above the budget.
///
/// The default, 10¹⁰ flops, is about a second on the two-core machine where the
/// estimates were measured (docs/spectrum.md, release build: a values-only SVD
/// of 1200 × 784, 7.4·10⁸ flops by ``FlopEstimate``, took 0.11 s; of
/// 6912 × 3136, 6.8·10¹⁰ flops, 8.2 s).
public struct FlopBudget: Sendable, Equatable {
    /// Largest estimated flop count one command may spend on a factorisation.
    public var limitFlops: Double

    public init(limitFlops: Double) {
        self.limitFlops = limitFlops
    }

    /// 10¹⁰ flops: about a second.
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
    ///     max-flops: a dense SVD (values only) of the 6,912 × 3,136 Wᵀ of … would take
    ///     about 6.8e10 flops, above the limit of 1.0e10; raise it with --max-flops 6.8e10, or use …
    ///
    /// - Parameters:
    ///   - what: the computation, as a noun phrase.
    ///   - alternatives: other ways to the same answer, each an imperative phrase ("use a smaller input").
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `max-flops`.
    public func require(_ flops: Double, for what: String, alternatives: [String] = []) throws(ConvMatrixError) {
        guard flops > limitFlops else { return }
        let ways = ["raise it with --max-flops \(Self.format(flops))"] + alternatives
        throw ConvMatrixError(
            .budget, field: "max-flops",
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

/// Flop estimates for the factorisations the analyses run, in Double so that
/// no estimate can overflow. They are scales, not exact counts. With m × n the
/// matrix, k = min(m, n) and l = max(m, n):
///
///     singular values only (gesdd 'N')   = l·k²             (= m·n·k)
///     thin vectors         (gesdd 'S')   = 3.5·l·k² + 2·k³
///     full vectors         (gesdd 'A')   = l²·k + 5.5·k³
///     least squares        (gelsd)       = 2·l·k²
///
/// The first is the rule of thumb m·n·min(m, n); the vector counts are Golub and
/// Van Loan's operation counts for the R-SVD (Matrix Computations, §8.6: 4lk²
/// for Σ alone, 14lk² + 8k³ with thin U and V, 4l²k + 22k³ with the full U)
/// divided by the same 4. Measured on two cores (docs/spectrum.md), one
/// estimated flop of a dense factorisation took 0.06–0.19 ns in the four shapes
/// tried; the Fourier method's many small SVDs about 0.6 ns.
public enum FlopEstimate {
    /// The estimate for a dense SVD of an m×n matrix.
    public static func singularValueDecomposition(rows m: Int, columns n: Int, vectors: SingularVectors) -> Double {
        let (k, l) = (Double(min(m, n)), Double(max(m, n)))
        switch vectors {
        case .none: return l * k * k
        case .thin: return 3.5 * l * k * k + 2 * k * k * k
        case .full: return l * l * k + 5.5 * k * k * k
        }
    }

    /// The estimate for gelsd's minimum-norm solution of an m×n system.
    public static func leastSquares(rows m: Int, columns n: Int) -> Double {
        2 * singularValueDecomposition(rows: m, columns: n, vectors: .none)
    }

    /// The estimate for the Fourier method on `layer` (see ``FourierSpectrum``):
    /// for each of the N spatial frequencies, the kernels' DFT coefficients
    /// (8 flops per tap, per kernel pair) and the values-only SVD of the
    /// 2·out × 2·in real form of the out×in complex matrix,
    ///
    ///     N · (8 · out · in/groups · ∏k  +  (2·out)·(2·in)·min(2·out, 2·in))
    public static func fourier(_ layer: Convolution) -> Double {
        let spec = layer.spec
        let frequencies = Double(layer.input.mapSize)
        let coefficients = 8 * Double(spec.outChannels) * Double(spec.inChannelsPerGroup) * Double(spec.tapsPerKernel)
        let svd = singularValueDecomposition(rows: 2 * spec.outChannels, columns: 2 * spec.inChannels, vectors: .none)
        return frequencies * (coefficients + svd)
    }

    /// The estimate for the dense singular values of `layer`'s Wᵀ, any kind.
    public static func denseSpectrum(_ layer: any Layer) -> Double {
        singularValueDecomposition(rows: layer.output.count, columns: layer.input.count, vectors: .none)
    }
}
