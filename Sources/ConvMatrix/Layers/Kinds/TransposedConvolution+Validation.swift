/// The checks a transposed-convolution spec must pass on its own, and its canonical form.
extension TransposedConvolutionSpec: CustomStringConvertible {
    /// Throws unless every argument is admissible as PyTorch would accept it.
    ///
    /// PyTorch's rules: channels and groups positive, both channel counts
    /// divisible by groups; kernel, stride and dilation at least 1; padding and
    /// output padding at least 0; and, per dimension,
    ///
    ///     output_padding < max(stride, dilation)
    ///
    /// ("output padding must be smaller than either stride or dilation"). Every
    /// extent is capped at ``ConvolutionSpec/largestArgument`` as for the convolution.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, on the keyword at fault.
    public func validate() throws(ConvMatrixError) {
        guard (1...3).contains(spatialDimensions) else {
            throw .spec("layer", "ConvTranspose\(spatialDimensions)d is not a layer ConvMatrix knows; use ConvTranspose1d, ConvTranspose2d or ConvTranspose3d")
        }
        try Self.require(inChannels, "in_channels", minimum: 1)
        try Self.require(outChannels, "out_channels", minimum: 1)
        try requirePerDimension(kernelSize, "kernel_size", minimum: 1)
        try requirePerDimension(stride, "stride", minimum: 1)
        try requirePerDimension(padding, "padding", minimum: 0)
        try requirePerDimension(outputPadding, "output_padding", minimum: 0)
        try requirePerDimension(dilation, "dilation", minimum: 1)
        try Self.require(groups, "groups", minimum: 1)
        guard inChannels % groups == 0 else { throw .spec("groups", "in_channels \(inChannels) is not divisible by groups \(groups)") }
        guard outChannels % groups == 0 else { throw .spec("groups", "out_channels \(outChannels) is not divisible by groups \(groups)") }
        for d in 0..<spatialDimensions where outputPadding[d] >= max(stride[d], dilation[d]) {
            throw .spec(
                "output_padding",
                "output padding must be smaller than either stride or dilation, got output_padding \(outputPadding[d]) with stride \(stride[d]) and dilation \(dilation[d]) along dimension \(d + 1)"
            )
        }
        let weightSize = saturatingProduct(weightShape)
        guard weightSize <= ConvolutionSpec.largestCount else {
            throw .spec(
                "kernel_size",
                "the weight would have \(weightSize == Int.max ? "more than 2^63" : String(weightSize)) parameters, more than ConvMatrix can hold (\(ConvolutionSpec.largestCount))"
            )
        }
    }

    private static func require(_ value: Int, _ field: String, minimum: Int) throws(ConvMatrixError) {
        guard value >= minimum else { throw .spec(field, "must be at least \(minimum), got \(value)") }
        guard value <= ConvolutionSpec.largestArgument else {
            throw .spec(field, "\(value) is larger than \(ConvolutionSpec.largestArgument), the largest extent ConvMatrix accepts")
        }
    }

    private func requirePerDimension(_ values: [Int], _ field: String, minimum: Int) throws(ConvMatrixError) {
        guard values.count == spatialDimensions else {
            throw .spec(field, "expected an int or a tuple of \(spatialDimensions) for \(typeName), got \(values.count) values")
        }
        for value in values { try Self.require(value, field, minimum: minimum) }
    }

    /// The spec written as a PyTorch layer, in one canonical form: in_channels and
    /// out_channels by position, `kernel_size=` always, then in torch's order
    /// `stride`, `padding`, `output_padding`, `groups`, `bias`, `dilation` where
    /// they differ from the default; a per-dimension value is one int when its
    /// entries are equal, else a tuple.
    ///
    ///     ConvTranspose1d(2, 3, 3, 2, 1, 1, 1, False)
    ///     // "ConvTranspose1d(2, 3, kernel_size=3, stride=2, padding=1, output_padding=1, bias=False)"
    ///
    /// Parsing the canonical form gives back an equal spec.
    public var canonical: String {
        var arguments = ["\(inChannels)", "\(outChannels)", "kernel_size=\(Self.compact(kernelSize))"]
        if stride.contains(where: { $0 != 1 }) { arguments.append("stride=\(Self.compact(stride))") }
        if padding.contains(where: { $0 != 0 }) { arguments.append("padding=\(Self.compact(padding))") }
        if outputPadding.contains(where: { $0 != 0 }) { arguments.append("output_padding=\(Self.compact(outputPadding))") }
        if groups != 1 { arguments.append("groups=\(groups)") }
        if !bias { arguments.append("bias=False") }
        if dilation.contains(where: { $0 != 1 }) { arguments.append("dilation=\(Self.compact(dilation))") }
        return "\(typeName)(\(arguments.joined(separator: ", ")))"
    }

    /// The same as ``canonical``.
    public var description: String { canonical }

    /// `3` when every entry is 3, else `(3, 5)`.
    private static func compact(_ values: [Int]) -> String {
        if let first = values.first, values.allSatisfy({ $0 == first }) { return "\(first)" }
        return "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
