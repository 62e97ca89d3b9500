import ConvMatrix

/// A researcher's own trained weights, read from .npy files in PyTorch layout.
enum UserWeights {
    /// The weight from `weightPath` (out, in/groups, *kernel) and, when the spec has
    /// a bias, the bias from `biasPath` (out,).
    static func load(weightPath: String, biasPath: String?, for spec: ConvolutionSpec) throws -> LayerWeights {
        let weight = try NpyArray(contentsOf: weightPath, field: "weight")
            .requireShape(spec.weightShape, field: "weight", expectedBy: spec.description, path: weightPath)
        var bias: [Double]? = nil
        if spec.bias {
            guard let biasPath else {
                throw ConvMatrixError(.file, field: "bias", reason: "\(spec) has a bias: give it with --bias FILE.npy, or write bias=False")
            }
            bias = try NpyArray(contentsOf: biasPath, field: "bias")
                .requireShape([spec.outChannels], field: "bias", expectedBy: spec.description, path: biasPath).values
        }
        return try LayerWeights(weight: weight.values, bias: bias, for: spec)
    }
}
