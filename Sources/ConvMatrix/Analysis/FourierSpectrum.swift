/// The singular values of a circular convolution without its matrix.
///
/// Sedghi, Gupta and Long ("The Singular Values of Convolutional Layers", ICLR
/// 2019): when Wᵀ is block-circulant, every block is diagonalised by
/// the same D-dimensional DFT F, so with A(ω) the out×in matrix of the kernels'
/// Fourier coefficients (``KernelFourierCoefficients``),
///
///     Wᵀ                  = (I_out ⊗ F)* · blockdiag_ω A(ω) · (I_in ⊗ F)     (up to a permutation)
///     σ(Wᵀ)               = ⋃_ω σ(A(ω))                                      (as multisets)
///     N · min(out, in)    = min(m, n)                                        (N = ∏ spatial)
///
/// Wᵀ is block-circulant when every block is a circulant: padding is circular (or
/// absent, with a 1×…×1 kernel), the stride is 1, and the output map has the size
/// of the input map. Where the padding starts (`padding=((2, 0),)` against
/// `padding=1`) only shifts the output, which multiplies A(ω) by a unit phase and
/// leaves its singular values alone; so does the sign convention of the DFT
/// (cross-correlation against convolution conjugates A(ω)).
///
/// Cost: N small SVDs instead of one of size m×n (see ``FlopEstimate/fourier(_:)``).
public enum FourierSpectrum {
    /// What the identity needs of a layer, as a phrase.
    public static let requirements = "circular padding, stride 1 and an output map the size of the input map"

    /// What keeps `layer` from being block-circulant, as phrases; empty when it is.
    public static func faults(of layer: Convolution) -> [String] {
        let spec = layer.spec
        var faults: [String] = []
        if layer.geometry.padding.contains(where: { $0.total > 0 }), spec.paddingMode != .circular {
            faults.append("padding_mode='\(spec.paddingMode.name)'")
        }
        if spec.stride.contains(where: { $0 != 1 }) {
            faults.append("stride \(spec.stride.map(String.init).joined(separator: "x"))")
        }
        if layer.output.spatial != layer.input.spatial {
            let size = { (extents: [Int]) in extents.map(String.init).joined(separator: "x") }
            faults.append("an output map of \(size(layer.output.spatial)) from an input map of \(size(layer.input.spatial))")
        }
        return faults
    }

    /// Why the identity does not hold for `layer`, as a sentence; nil when it does.
    public static func inapplicability(of layer: Convolution) -> String? {
        let faults = faults(of: layer)
        guard !faults.isEmpty else { return nil }
        return "the Fourier method needs \(requirements); \(layer.spec) on \(layer.input) has " + faults.joined(separator: " and ")
    }

    /// σ(Wᵀ) = ⋃_ω σ(A(ω)), descending: min(m, n) values, as the dense SVD gives.
    ///
    /// - Throws: as ``singularValuesByFrequency(of:weight:)``.
    /// - Complexity: ``FlopEstimate/fourier(_:)`` flops; memory for the values only.
    public static func singularValues(of layer: Convolution, weight: [Double]) throws(ConvMatrixError) -> [Double] {
        try singularValuesByFrequency(of: layer, weight: weight).flatMap { $0 }.sorted(by: >)
    }

    /// σ(A(ω)) for each frequency ω, in row-major order over the input's spatial
    /// extents: min(out, in) values each, descending. Their union is
    /// ``singularValues(of:weight:)``.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.option` on field `method` when the
    ///   identity does not apply (``inapplicability(of:)``), `.shape` on `weight` when
    ///   the weight does not fit the spec, `.numerical` on `weight` when a block A(ω)
    ///   leaves the Double range (its entries sum the weights), or when a small SVD fails.
    /// - Complexity: ``FlopEstimate/fourier(_:)`` flops; memory for the values only.
    public static func singularValuesByFrequency(of layer: Convolution, weight: [Double]) throws(ConvMatrixError) -> [[Double]] {
        if let reason = inapplicability(of: layer) {
            throw ConvMatrixError(.option, field: "method", reason: reason)
        }
        guard weight.count == layer.spec.weightParameterCount else {
            throw .shape("weight", "\(weight.count) values, but \(layer.spec) has \(layer.spec.weightParameterCount) weight parameters")
        }
        let fourier = KernelFourierCoefficients(layer: layer, weight: weight)
        var values: [[Double]] = []
        values.reserveCapacity(fourier.frequencyCount)
        for frequency in 0..<fourier.frequencyCount {
            // σ(M) is σ(A(ω)) twice over: keep every other value.
            let block = fourier.realForm(frequency: frequency)
            guard block.storage.allSatisfy(\.isFinite) else {
                throw ConvMatrixError(
                    .numerical, field: "weight",
                    reason: "the kernels' Fourier coefficients A(ω) = Σ_s v_s e^(−iωs) at frequency \(frequency + 1) exceed the largest Double "
                        + "(\(FiniteValues.largest)); scale the weights down")
            }
            try block.requireFactorable(field: "weight", name: "A(ω) at frequency \(frequency + 1)")
            let doubled = try block.singularValues()
            values.append(stride(from: 0, to: doubled.count, by: 2).map { doubled[$0] })
        }
        return values
    }

    /// ‖Wᵀ‖_F from the parameters: every tap of a circulant block lies on one of
    /// its N diagonals, so each parameter occupies N entries,
    ///
    ///     ‖Wᵀ‖_F² = N · Σ_p v_p²
    ///
    /// or nil when two taps of a kernel share a diagonal (kernels wider than the
    /// input, or dilation that wraps), where entries sum several parameters.
    /// The caller has checked the layer and the weight (``singularValues(of:weight:)``).
    static func frobeniusNormFromParameters(of layer: Convolution, weight: [Double]) -> Double? {
        guard !KernelFourierCoefficients(layer: layer, weight: weight).tapsCollide else { return nil }
        return euclideanNorm(weight) * Double(layer.input.mapSize).squareRoot()
    }
}
