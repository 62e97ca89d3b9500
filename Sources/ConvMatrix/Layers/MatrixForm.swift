/// The structure of a layer's matrix form, before any numbers: the terms of Wᵀ,
/// the border terms of constant padding, and the terms the tied gradient sums.
///
/// A layer makes its own with ``init(layer:)``. The checker also accepts one
/// from outside, so that a matrix built elsewhere, or deliberately corrupted,
/// can be held against the reference.
public struct MatrixForm: Sendable {
    public let layer: Convolution
    /// Wᵀ's terms, on input units.
    public var tied: TiedMatrix
    /// The valid terms that land on border units holding the padding constant c.
    public var borderTerms: [Term]
    /// The terms the tied reduction of the weight gradient sums over. Equal to
    /// `tied` for every form the library builds; a different matrix here models a
    /// gradient that disagrees with its forward pass.
    public var gradientTied: TiedMatrix

    /// The form `layer` materialises: Wᵀ = Wᵀ_valid · P.
    public init(layer: Convolution) {
        let (tied, border) = layer.composed()
        self.init(layer: layer, tied: tied, borderTerms: layer.padding.hasOffset ? border : [])
    }

    /// A form from outside.
    public init(layer: Convolution, tied: TiedMatrix, borderTerms: [Term], gradientTied: TiedMatrix? = nil) {
        self.layer = layer
        self.tied = tied
        self.borderTerms = borderTerms
        self.gradientTied = gradientTied ?? tied
    }
}
