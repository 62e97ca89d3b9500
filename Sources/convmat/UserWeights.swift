import ConvMatrix

/// A researcher's own trained weights, read from .npy files in PyTorch layout.
enum UserWeights {
    /// The weight from `weightPath` (out, in/groups, *kernel), or (pairs, *kernel) with
    /// `connections`, and, when the spec has a tied bias, the bias from `biasPath` (out,).
    /// An untied bias (`bias='untied'`) has the output's shape: use the overload taking the layer.
    static func load(weightPath: String, biasPath: String?, for spec: ConvolutionSpec) throws -> LayerWeights {
        try load(weightPath: weightPath, biasPath: biasPath, spec: spec, biasShape: spec.bias ? [spec.outChannels] : nil) {
            try LayerWeights(weight: $0, bias: $1, for: spec)
        }
    }

    /// The weight and bias of `layer`; an untied bias is (out, *output spatial), one per output unit.
    static func load(weightPath: String, biasPath: String?, for layer: Convolution) throws -> LayerWeights {
        try load(weightPath: weightPath, biasPath: biasPath, spec: layer.spec, biasShape: layer.biasShape) {
            try LayerWeights(weight: $0, bias: $1, for: layer)
        }
    }

    private static func load(
        weightPath: String, biasPath: String?, spec: ConvolutionSpec, biasShape: [Int]?,
        checked: ([Double], [Double]?) throws -> LayerWeights
    ) throws -> LayerWeights {
        let weight = try NpyArray(contentsOf: weightPath, field: "weight")
            .requireShape(spec.weightShape, field: "weight", expectedBy: spec.description, path: weightPath)
        var bias: [Double]? = nil
        if let biasShape {
            guard let biasPath else {
                throw ConvMatrixError(.file, field: "bias", reason: "\(spec) has a bias: give it with --bias FILE.npy, or write bias=False")
            }
            bias = try NpyArray(contentsOf: biasPath, field: "bias")
                .requireShape(biasShape, field: "bias", expectedBy: spec.description, path: biasPath).values
        }
        return try checked(weight.values, bias)
    }
}
