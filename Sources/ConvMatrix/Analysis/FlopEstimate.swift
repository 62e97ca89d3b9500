/// Flop estimates for the factorisations the analyses run, in Double so that
/// no estimate can overflow. They are scales, not exact counts: each is
/// calibrated so that one estimated flop costs about the same time.
///
/// With m × n the matrix, k = min(m, n) and l = max(m, n):
///
///     singular values only (gesdd 'N')   = m·n·k
///     thin vectors         (gesdd 'S')   = 4·m·n·k
///     full vectors         (gesdd 'A')   = 4·m·n·k + l²·k
///     least squares        (gelsd)       = 2·m·n·k
///
/// The values-only rule of thumb m·n·k is the issue's; the factors 4 and the
/// l²·k of forming the full square factor are the measured ratios of
/// docs/spectrum.md ("What it costs"), rounded up.
public enum FlopEstimate {
    /// The estimate for a dense SVD of an m×n matrix.
    public static func singularValueDecomposition(rows m: Int, columns n: Int, vectors: SingularVectors) -> Double {
        let (m, n) = (Double(m), Double(n))
        let (k, l) = (min(m, n), max(m, n))
        switch vectors {
        case .none: return m * n * k
        case .thin: return 4 * m * n * k
        case .full: return 4 * m * n * k + l * l * k
        }
    }

    /// The estimate for gelsd's minimum-norm solution of an m×n system.
    public static func leastSquares(rows m: Int, columns n: Int) -> Double {
        let (m, n) = (Double(m), Double(n))
        return 2 * m * n * min(m, n)
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

    /// The estimate for the dense singular values of `layer`'s Wᵀ.
    public static func denseSpectrum(_ layer: Convolution) -> Double {
        singularValueDecomposition(rows: layer.output.count, columns: layer.input.count, vectors: .none)
    }
}
