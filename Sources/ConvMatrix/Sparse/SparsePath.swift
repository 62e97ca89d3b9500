/// The rule that sends a layer's check to the compressed form
/// (``CompressedMatrixForm``) instead of a ``TiedMatrix`` and dense Wᵀ:
///
///     sparse  ⇔  (the kind builds its compressed form directly  and  entryCountBound > termLimit)
///                or  output units · input units > denseEntryLimit
///
/// The first clause is about the terms. A ``TiedMatrix`` holds 24 bytes a
/// ``Term`` and the views built on it (row starts, the symbolic names, a
/// ``MatrixView``, the structure proof's formal forms) bring a term to 128 bytes
/// or more (``ResourceRate/term``) and about 200 ns; 4,000,000 terms are then
/// about 0.5 GB and a second, the most a summary should spend on structure it
/// never prints. A kind with a direct builder (``DirectCompressedLayer``:
/// ``Convolution``, ``Linear``) costs 8 bytes an entry, built in row order from
/// the geometry: AlexNet's conv1 (105,415,200 terms, 25 times the limit) builds
/// in about a second at 859 MB (8.04 bytes a nonzero, release build). The limit
/// is ``NetworkCount/matrixTermLimit``, above which `count` already counts from
/// the geometry.
///
/// The second clause is about the dense matrix: the dense check holds four dense
/// Wᵀ (integer, real and given weights, and |Wᵀ| for the rounding bounds) at 8
/// bytes an entry. Above 2²⁵ = 33,554,432 entries (256 MiB each, 1 GiB for the
/// four) a layer is checked from its compressed form even when its terms are few:
/// a Jacobian of ReLU or max pooling, Flatten (AlexNet's ReLU on 96x55x55 has
/// 290,400 terms and a 290,400 × 290,400 dense Wᵀ). A kind without a direct
/// builder converts its ``TiedMatrix``, which is small there. The dense limit is
/// above every layer the tests check on the dense path (and above `bench`'s
/// dense cases: 4×28×28 → 12×24×24 is 21,676,032 entries), so they keep it.
///
/// `show` draws only a convolution from the compressed form (ShowSparse); the
/// other kinds are shown from their terms.
public enum SparsePath {
    /// Above this many terms (``Layer/entryCountBound``) a kind with a direct builder takes the sparse path.
    public static let termLimit = NetworkCount.matrixTermLimit
    /// Above this many dense entries (output units · input units) every kind takes the sparse path.
    public static let denseEntryLimit = 1 << 25

    /// True when `layer` is checked from its compressed form.
    ///
    /// - Parameters:
    ///   - termLimit: the first clause's limit; tests lower it to force a direct builder.
    ///   - denseEntryLimit: the second clause's limit; tests lower it to force any kind.
    public static func applies(to layer: any Layer, termLimit: Int = termLimit, denseEntryLimit: Int = denseEntryLimit) -> Bool {
        (layer is any DirectCompressedLayer && layer.entryCountBound > termLimit) || layer.entryCount > denseEntryLimit
    }
}
