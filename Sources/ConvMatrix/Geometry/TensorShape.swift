/// The shape of one sample in PyTorch's layout: channels first, then space,
/// written `CxL`, `CxHxW` or `CxDxHxW` (e.g. `2x6`, `4x14x14`), or a single
/// extent `N` for a vector of N features (`192`: N channels, no spatial
/// dimensions, what `Linear` and `Flatten` read and write).
///
/// Units are flattened as torch's `.flatten()` flattens a (C, *spatial) tensor:
/// channel-major, then row-major over space, so unit
///
///     index(c, p) = c · ∏spatial + rowMajor(p)
///
/// and a block of ∏spatial consecutive units is one feature map.
public struct TensorShape: Hashable, Sendable, CustomStringConvertible {
    public var channels: Int
    public var spatial: [Int]

    public init(channels: Int, spatial: [Int]) {
        self.channels = channels
        self.spatial = spatial
    }

    /// Parses `N`, `CxL`, `CxHxW` or `CxDxHxW`; every extent must be a positive integer.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.shape`, naming `field`.
    public init(parsing text: String, field: String = "input") throws(ConvMatrixError) {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        guard !text.isEmpty, (1...4).contains(parts.count) else {
            throw .shape(field, "'\(text)' is not a shape like 192, 2x6, 4x14x14 or 1x8x8x8 (channels first)")
        }
        var extents: [Int] = []
        for part in parts {
            guard let extent = Int(part), extent >= 1 else {
                throw .shape(field, "'\(part)' in '\(text)' is not a positive integer")
            }
            guard extent <= ConvolutionSpec.largestArgument else {
                throw .shape(field, "\(extent) in '\(text)' is larger than \(ConvolutionSpec.largestArgument), the largest extent ConvMatrix accepts")
            }
            extents.append(extent)
        }
        guard saturatingProduct(extents) <= ConvolutionSpec.largestCount else {
            throw .shape(field, "'\(text)' has more than \(ConvolutionSpec.largestCount) units")
        }
        self.init(channels: extents[0], spatial: Array(extents.dropFirst()))
    }

    /// All extents, channels first: (C, *spatial).
    public var extents: [Int] { [channels] + spatial }

    /// Units in one feature map: ∏spatial.
    public var mapSize: Int { spatial.reduce(1, *) }

    /// Units in the whole sample: C · ∏spatial.
    public var count: Int { channels * mapSize }

    /// `2x6`.
    public var description: String { extents.map(String.init).joined(separator: "x") }
}
