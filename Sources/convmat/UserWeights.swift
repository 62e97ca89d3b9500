import ConvMatrix

/// A researcher's own trained weights, read from .npy files in PyTorch layout.
enum UserWeights {
    /// The weight from `weightPath` in the layer's layout (for a convolution
    /// (out, in/groups, *kernel)) and, when the layer has a bias, the bias from
    /// `biasPath` in its shape.
    static func load(weightPath: String, biasPath: String?, for layer: any Layer) throws -> LayerWeights {
        let spec = layer.specDescription
        let weight = try NpyArray(contentsOf: weightPath, field: "weight")
            .requireShape(layer.weightShape, field: "weight", expectedBy: spec, path: weightPath)
        var bias: [Double]? = nil
        if let biasShape = layer.biasShape {
            guard let biasPath else {
                throw ConvMatrixError(.file, field: "bias", reason: "\(spec) has a bias: give it with --bias FILE.npy, or write bias=False")
            }
            bias = try NpyArray(contentsOf: biasPath, field: "bias")
                .requireShape(biasShape, field: "bias", expectedBy: spec, path: biasPath).values
        }
        return try LayerWeights(weight: weight.values, bias: bias, for: layer)
    }
}
