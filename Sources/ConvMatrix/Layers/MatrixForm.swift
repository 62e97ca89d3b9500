/// The structure of a layer's matrix form, before any numbers: the terms and
/// constants of Wᵀ, the offset's terms, and the terms the tied gradient sums.
///
///     y = Wᵀ x + o + b,      o_r = c · Σ_{offset terms (r, e, p)} v_p
///
/// A layer makes its own with ``Layer/matrixForm()``. The checker also accepts
/// one from outside, so that a matrix built elsewhere, or deliberately
/// corrupted, can be held against the layer's reference.
public struct MatrixForm: Sendable {
    /// The layer this is the form of.
    public let layer: any Layer
    /// Wᵀ's terms and constants, on input units.
    public var tied: TiedMatrix
    /// The terms of the offset o, which reads no input: for a convolution with
    /// `padding_mode='constant'`, the valid terms that land on border units
    /// holding the padding constant c. Empty for every other layer.
    public var borderTerms: [Term]
    /// c: what each offset term multiplies its parameter by.
    public var offsetScale: Double
    /// The terms the tied reduction of the weight gradient sums over. Equal to
    /// `tied` for every form the library builds; a different matrix here models a
    /// gradient that disagrees with its forward pass.
    public var gradientTied: TiedMatrix

    /// A form from outside (or a layer's own).
    public init(layer: any Layer, tied: TiedMatrix, borderTerms: [Term] = [], offsetScale: Double = 0, gradientTied: TiedMatrix? = nil) {
        self.layer = layer
        self.tied = tied
        self.borderTerms = borderTerms
        self.offsetScale = offsetScale
        self.gradientTied = gradientTied ?? tied
    }

    /// The layer as a convolution, for the views that only convolutions have
    /// (the padding factorisation, the Fourier spectrum).
    public var convolution: Convolution? { layer as? Convolution }
}
