/// The layer names a spec may start with: every name of ``LayerRegistry``, bare
/// or prefixed `nn.` or `torch.nn.`, as after `from torch import nn` or `import torch`.
///
///     try SpecLayerName.resolve(["torch", "nn", "Conv3d"], offset: 0)   // ("Conv3d", 3)
///     try SpecLayerName.resolve(["nn", "Linear"], offset: 0)            // ("Linear", 0)
enum SpecLayerName {
    private static let prefixes: [[String]] = [[], ["nn"], ["torch", "nn"]]

    /// The registered name the dot-separated `parts` write, and its spatial
    /// dimensions (the digit of a name ending in `1d`, `2d` or `3d`, else 0).
    ///
    /// - Parameter offset: Where the name starts in the spec, for the error.
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `layer` for a name
    ///   the registry does not know, suggesting the closest.
    static func resolve(_ parts: [String], offset: Int) throws(ConvMatrixError) -> (name: String, dimensions: Int) {
        let written = EchoedText.quoted(parts.joined(separator: "."))
        guard let last = parts.last, prefixes.contains(Array(parts.dropLast())) else {
            throw .spec("layer", "unknown layer \(written); \(advice)", offset: offset)
        }
        if LayerRegistry.names.contains(last) { return (last, dimensions(of: last)) }
        if let match = LayerRegistry.names.first(where: { $0.lowercased() == last.lowercased() }) {
            throw .spec("layer", "unknown layer \(written); did you mean \(match)?", offset: offset)
        }
        if last.hasPrefix("Conv"), last.hasSuffix("d") {
            throw .spec("layer", "\(EchoedText.quoted(last)) is not a convolution ConvMatrix knows; \(advice)", offset: offset)
        }
        throw .spec("layer", "unknown layer \(written); \(advice)", offset: offset)
    }

    /// 1, 2 or 3 for a name ending in `1d`, `2d` or `3d`; 0 otherwise.
    static func dimensions(of name: String) -> Int {
        guard name.hasSuffix("d"), let digit = name.dropLast().last?.wholeNumberValue, (1...3).contains(digit) else { return 0 }
        return digit
    }

    private static var advice: String {
        "ConvMatrix knows \(LayerRegistry.names.joined(separator: ", ")) (optionally nn.Conv2d or torch.nn.Conv2d)"
    }
}
