/// The layer names a spec may start with, and the spatial dimensions each means.
///
/// `Conv1d`, `Conv2d` and `Conv3d`, bare or prefixed `nn.` or `torch.nn.`, as
/// after `from torch import nn` or `import torch`.
///
///     try SpecLayerName.spatialDimensions(of: ["torch", "nn", "Conv3d"], offset: 0)  // 3
enum SpecLayerName {
    private static let prefixes: [[String]] = [[], ["nn"], ["torch", "nn"]]
    private static let layers = ["Conv1d": 1, "Conv2d": 2, "Conv3d": 3]

    /// The spatial dimensions of the layer named by the dot-separated `parts`.
    ///
    /// - Parameter offset: Where the name starts in the spec, for the error.
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `layer` for any other name.
    static func spatialDimensions(of parts: [String], offset: Int) throws(ConvMatrixError) -> Int {
        let written = parts.joined(separator: ".")
        guard let last = parts.last, prefixes.contains(Array(parts.dropLast())) else {
            throw .spec("layer", "unknown layer '\(written)'; \(advice)", offset: offset)
        }
        if let dimensions = layers[last] { return dimensions }
        if let match = layers.keys.first(where: { $0.lowercased() == last.lowercased() }) {
            throw .spec("layer", "unknown layer '\(written)'; did you mean \(match)?", offset: offset)
        }
        if last.hasPrefix("Conv"), last.hasSuffix("d") {
            throw .spec("layer", "\(last) is not a convolution ConvMatrix knows; \(advice)", offset: offset)
        }
        throw .spec("layer", "unknown layer '\(written)'; \(advice)", offset: offset)
    }

    private static let advice = "use Conv1d, Conv2d or Conv3d (optionally nn.Conv2d or torch.nn.Conv2d)"
}
