import Foundation

/// A complex number a + b·i, just enough arithmetic for the kernels' DFT.
struct Complex: Equatable, Sendable {
    var real: Double
    var imaginary: Double

    static let zero = Complex(real: 0, imaginary: 0)

    /// e^{−2πi·k/n}, with k reduced modulo n first so that the angle stays in [0, 2π).
    static func rootOfUnity(_ k: Int, of n: Int) -> Complex {
        let angle = -2 * Double.pi * Double(((k % n) + n) % n) / Double(n)
        return Complex(real: cos(angle), imaginary: sin(angle))
    }

    static func + (a: Complex, b: Complex) -> Complex {
        Complex(real: a.real + b.real, imaginary: a.imaginary + b.imaginary)
    }

    static func * (a: Complex, b: Complex) -> Complex {
        Complex(
            real: a.real * b.real - a.imaginary * b.imaginary,
            imaginary: a.real * b.imaginary + a.imaginary * b.real)
    }

    static func * (a: Complex, s: Double) -> Complex {
        Complex(real: a.real * s, imaginary: a.imaginary * s)
    }
}

/// The discrete Fourier coefficients of a layer's kernels on the input's grid.
///
/// Along a dimension of length n, tap t with dilation d sits at position
/// s = t·d mod n of a length-n signal (so a kernel wider than the input wraps,
/// and two taps on one position add). The kernel w_{ji} of output map j and
/// input map i then has, at spatial frequency ω = (ω₁, …, ω_D),
///
///     A(ω)[j, i] = Σ_t v_{ji}^t · ∏_d e^{−2πi·ω_d·s_d(t)/n_d}
///
/// and A(ω)[j, i] = 0 when i is not in j's group.
struct KernelFourierCoefficients {
    let layer: Convolution
    let weight: [Double]
    /// Per tap, per dimension, the position s_d = t_d·d_d mod n_d.
    let tapPositions: [[Int]]

    init(layer: Convolution, weight: [Double]) {
        precondition(weight.count == layer.spec.weightParameterCount, "\(weight.count) weights for \(layer.spec)")
        self.layer = layer
        self.weight = weight
        let n = layer.input.spatial
        tapPositions = RowMajor(layer.spec.kernelSize).allIndices.map { t in
            t.indices.map { d in (t[d] * layer.spec.dilation[d]) % n[d] }
        }
    }

    /// Frequencies ω in row-major order over the input's spatial extents.
    var frequencyCount: Int { layer.input.mapSize }

    /// A(ω) for the frequency with row-major index `frequency`, out × in, row-major.
    func coefficients(frequency: Int) -> [Complex] {
        let spec = layer.spec
        let n = layer.input.spatial
        let omega = RowMajor(n).index(frequency)
        // e^{−2πi Σ_d ω_d s_d / n_d} for each tap: one phase per tap, shared by every kernel.
        let phases = tapPositions.map { s in
            s.indices.reduce(Complex(real: 1, imaginary: 0)) { $0 * Complex.rootOfUnity(omega[$1] * s[$1], of: n[$1]) }
        }
        let perGroup = spec.inChannelsPerGroup
        var a = Array(repeating: Complex.zero, count: spec.outChannels * spec.inChannels)
        for j in 0..<spec.outChannels {
            let group = j / spec.outChannelsPerGroup
            for local in 0..<perGroup {
                let first = (j * perGroup + local) * phases.count
                var sum = Complex.zero
                for (t, phase) in phases.enumerated() { sum = sum + phase * weight[first + t] }
                a[j * spec.inChannels + group * perGroup + local] = sum
            }
        }
        return a
    }

    /// The real 2·out × 2·in form of A = B + iC,
    ///
    ///     M = [ B  −C ]
    ///         [ C   B ]
    ///
    /// whose singular values are those of A, each twice (M is unitarily similar to
    /// diag(A, Ā), and Ā has the singular values of A).
    func realForm(frequency: Int) -> Matrix {
        let (out, inputs) = (layer.spec.outChannels, layer.spec.inChannels)
        let a = coefficients(frequency: frequency)
        var m = Matrix(rows: 2 * out, columns: 2 * inputs)
        for j in 0..<out {
            for i in 0..<inputs {
                let z = a[j * inputs + i]
                m[j, i] = z.real
                m[j + out, i + inputs] = z.real
                m[j, i + inputs] = -z.imaginary
                m[j + out, i] = z.imaginary
            }
        }
        return m
    }

    /// True when two taps of one kernel land on the same position modulo the input,
    /// so that some entry of the circulant Wᵀ sums several parameters.
    var tapsCollide: Bool {
        Set(tapPositions).count < tapPositions.count
    }
}
