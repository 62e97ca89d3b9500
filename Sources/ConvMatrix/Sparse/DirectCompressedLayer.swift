/// A kind that builds its compressed Wᵀ (``CompressedMatrixForm``) directly from
/// its geometry, in row order, without a ``TiedMatrix``: the kinds whose term
/// count can be far beyond what a term list holds (``SparsePath``).
///
/// A new such kind is one file conforming to this protocol (as
/// Convolution+Compressed.swift and Linear+Compressed.swift do); every other
/// kind's compressed form is converted from its ``TiedMatrix``.
public protocol DirectCompressedLayer: Layer {
    /// Bytes the direct build holds at its peak, from the geometry alone: what
    /// ``CompressedMatrixForm/estimatedBytes(for:)`` charges before building.
    var directCompressedBytes: Int { get }

    /// Wᵀ, the offset's border terms (on extended units) and c, built in row order.
    ///
    /// - Precondition: the indices fit an Int32 (``CompressedTiedMatrix/requireIndicesFit(columns:parameters:of:)``).
    func directCompressedMatrices() -> (tied: CompressedTiedMatrix, border: CompressedTiedMatrix, offsetScale: Double)
}
