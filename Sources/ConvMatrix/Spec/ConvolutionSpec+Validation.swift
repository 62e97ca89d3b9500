/// The checks a spec must pass on its own, before it meets an input shape.
extension ConvolutionSpec {
    /// Returns the spec unchanged if every argument is admissible, as PyTorch would
    /// accept it; otherwise throws an error naming the keyword at fault.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`.
    public func validated() throws(ConvMatrixError) -> ConvolutionSpec {
        guard (1...3).contains(spatialDimensions) else {
            throw .spec("layer", "Conv\(spatialDimensions)d is not a convolution ConvMatrix knows; use Conv1d, Conv2d or Conv3d")
        }
        try requirePositive(inChannels, "in_channels")
        try requirePositive(outChannels, "out_channels")
        try requirePerDimension(kernelSize, "kernel_size", minimum: 1)
        try requirePerDimension(stride, "stride", minimum: 1)
        try requirePerDimension(dilation, "dilation", minimum: 1)
        try requirePositive(groups, "groups")
        guard inChannels % groups == 0 else {
            throw .spec("groups", "in_channels \(inChannels) is not divisible by groups \(groups)")
        }
        guard outChannels % groups == 0 else {
            throw .spec("groups", "out_channels \(outChannels) is not divisible by groups \(groups)")
        }
        try validatePadding()
        if case .constant(let value) = paddingMode, !value.isFinite {
            throw .spec("padding_value", "\(value) is not a finite number")
        }
        return self
    }

    private func validatePadding() throws(ConvMatrixError) {
        switch padding {
        case .valid, .full:
            return
        case .same:
            guard stride.allSatisfy({ $0 == 1 }) else {
                throw .spec("padding", "'same' is not supported for strided convolutions (stride \(Self.tuple(stride))), as in PyTorch")
            }
        case .symmetric(let amounts):
            try requirePerDimension(amounts, "padding", minimum: 0)
        case .asymmetric(let pairs):
            guard pairs.count == spatialDimensions else {
                throw .spec("padding", "expected \(spatialDimensions) (before, after) pair\(spatialDimensions == 1 ? "" : "s") for \(typeName), got \(pairs.count)")
            }
            for pair in pairs where pair.before < 0 || pair.after < 0 {
                throw .spec("padding", "(\(pair.before), \(pair.after)) has a negative amount")
            }
        }
    }

    private func requirePositive(_ value: Int, _ field: String) throws(ConvMatrixError) {
        guard value >= 1 else { throw .spec(field, "must be at least 1, got \(value)") }
    }

    private func requirePerDimension(_ values: [Int], _ field: String, minimum: Int) throws(ConvMatrixError) {
        guard values.count == spatialDimensions else {
            throw .spec(field, "expected an int or a tuple of \(spatialDimensions) for \(typeName), got \(values.count) values")
        }
        for value in values where value < minimum {
            throw .spec(field, "must be at least \(minimum), got \(value)")
        }
    }

    /// `(1, 2)` for a list, `3` for a single value: how a spec writes a per-dimension argument.
    static func tuple(_ values: [Int]) -> String {
        values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
