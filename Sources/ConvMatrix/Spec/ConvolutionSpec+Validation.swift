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
        if let problem = connectionsProblem() { throw .spec("connections", problem.reason) }
        if untiedBias, !bias { throw .spec("bias", "an untied bias needs bias; write bias='untied'") }
        try validatePadding()
        let weightSize = saturatingProduct(weightPairCount, saturatingProduct(kernelSize))
        guard weightSize <= Self.largestCount else {
            throw .spec(
                "kernel_size",
                "the weight would have \(weightSize == Int.max ? "more than 2^63" : String(weightSize)) parameters, more than ConvMatrix can hold (\(Self.largestCount))"
            )
        }
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
                throw .spec(
                    "padding", "expected \(spatialDimensions) (before, after) pair\(spatialDimensions == 1 ? "" : "s") for \(typeName), got \(pairs.count)")
            }
            for pair in pairs {
                guard pair.before >= 0, pair.after >= 0 else {
                    throw .spec("padding", "(\(pair.before), \(pair.after)) has a negative amount")
                }
                try requireAtMostLargest(max(pair.before, pair.after), "padding")
            }
        }
    }

    /// The largest extent any one argument may have: 2²⁰. Larger values describe no
    /// layer a dense matrix could hold, and capping them keeps every product of
    /// sizes below 2⁶³.
    public static let largestArgument = 1 << 20

    /// The most units or parameters any tensor of a layer may have: 2⁴⁰.
    public static let largestCount = 1 << 40

    private func requirePositive(_ value: Int, _ field: String) throws(ConvMatrixError) {
        guard value >= 1 else { throw .spec(field, "must be at least 1, got \(value)") }
        try requireAtMostLargest(value, field)
    }

    private func requireAtMostLargest(_ value: Int, _ field: String) throws(ConvMatrixError) {
        guard value <= Self.largestArgument else {
            throw .spec(field, "\(value) is larger than \(Self.largestArgument), the largest extent ConvMatrix accepts")
        }
    }

    private func requirePerDimension(_ values: [Int], _ field: String, minimum: Int) throws(ConvMatrixError) {
        guard values.count == spatialDimensions else {
            throw .spec(field, "expected an int or a tuple of \(spatialDimensions) for \(typeName), got \(values.count) values")
        }
        for value in values {
            guard value >= minimum else { throw .spec(field, "must be at least \(minimum), got \(value)") }
            try requireAtMostLargest(value, field)
        }
    }

    /// `(1, 2)` for a list, `3` for a single value: how a spec writes a per-dimension argument.
    static func tuple(_ values: [Int]) -> String {
        values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
