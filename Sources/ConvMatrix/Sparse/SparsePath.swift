/// The rule that sends a layer to the compressed form (``CompressedMatrixForm``)
/// instead of a ``TiedMatrix`` for `show`, `count` and `check`.
///
///     sparse  ⇔  the layer is a convolution  and  entryCountBound > termLimit
///
/// A ``TiedMatrix`` holds 24 bytes a ``Term`` and the views built on it (row
/// starts, the symbolic names, a ``MatrixView``, the structure proof's formal
/// forms) bring a term to 128 bytes or more (``ResourceRate/term``) and about
/// 200 ns; 4,000,000 terms are then about 0.5 GB and a second, the most a summary
/// should spend on structure it never prints. The compressed form costs 8 bytes
/// an entry, built in row order from the geometry: AlexNet's conv1
/// (105,415,200 terms, 25 times the limit) builds in about a second at 859 MB
/// (8.04 bytes a nonzero, release build). The limit is ``NetworkCount/matrixTermLimit``,
/// above which `count` already counts from the geometry. Other kinds build their
/// compressed form from their ``TiedMatrix`` anyway, so they gain nothing and
/// always take the ``TiedMatrix`` path.
public enum SparsePath {
    /// Above this many terms (``Layer/entryCountBound``) a convolution takes the sparse path.
    public static let termLimit = NetworkCount.matrixTermLimit

    /// True when `layer` is shown and checked from its compressed form.
    ///
    /// - Parameter termLimit: the limit; tests lower it to force the sparse path on small layers.
    public static func applies(to layer: any Layer, termLimit: Int = termLimit) -> Bool {
        layer is Convolution && layer.entryCountBound > termLimit
    }
}
