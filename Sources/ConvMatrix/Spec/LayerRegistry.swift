/// Every layer kind the spec front end knows: one line a kind.
///
/// A line names the classes a kind answers to and how to build the layer from
/// a parsed call and an input shape. The kind's own file does the rest (its
/// arguments by ``SpecArguments``, its validation, its matrix and reference).
///
///     let layer = try LayerRegistry.layer(parsing: "Conv1d(2, 3, 3)", input: TensorShape(parsing: "2x6"))
///     layer.kind   // "Conv1d"
public enum LayerRegistry {
    /// One kind: the class names it answers to, and its builder.
    struct Entry: Sendable {
        let names: [String]
        let build: @Sendable (SpecCall, TensorShape) throws(ConvMatrixError) -> any Layer
    }

    static let entries: [Entry] = [
        Entry(names: ["Conv1d", "Conv2d", "Conv3d"]) { call, input throws(ConvMatrixError) in try Convolution(SpecBuilder.spec(from: call), input: input) },
        Entry(names: ["ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"]) { call, input throws(ConvMatrixError) in
            try TransposedConvolution.parsed(call, input: input)
        },
        Entry(names: ["Linear"]) { call, input throws(ConvMatrixError) in try Linear(call, input: input) },
        Entry(names: ["Flatten"]) { call, input throws(ConvMatrixError) in try Flatten(call, input: input) },
        Entry(names: ["Identity"]) { call, input throws(ConvMatrixError) in try Identity(call, input: input) },
        Entry(names: ["AvgPool1d", "AvgPool2d", "AvgPool3d"]) { call, input throws(ConvMatrixError) in try SlidingPooling(call, input: input) },
        Entry(names: ["SumPool1d", "SumPool2d", "SumPool3d"]) { call, input throws(ConvMatrixError) in try SlidingPooling(call, input: input) },
        Entry(names: ["AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d"]) { c, i throws(ConvMatrixError) in try AdaptivePooling(c, input: i) },
        Entry(names: ["GlobalSumPool"]) { call, input throws(ConvMatrixError) in try GlobalSumPooling(call, input: input) },
        Entry(names: ["MaxPool1d", "MaxPool2d", "MaxPool3d"]) { call, input throws(ConvMatrixError) in try MaxPooling(call, input: input) },
        Entry(names: ["ReLU", "Tanh", "Sigmoid", "ScaledTanh"]) { call, input throws(ConvMatrixError) in try Activation(call, input: input) },
    ]

    /// Every class name, in the registry's order.
    public static let names: [String] = entries.flatMap(\.names)

    /// The layer `text` writes, bound to `input`.
    ///
    /// - Throws: ``ConvMatrixError``: `.spec` for the spec (the layer name, the
    ///   syntax, an argument), `.shape` when the layer does not fit `input`.
    public static func layer(parsing text: String, input: TensorShape) throws(ConvMatrixError) -> any Layer {
        let call = try SpecParser.call(text)
        guard let entry = entries.first(where: { $0.names.contains(call.name) }) else {
            preconditionFailure("\(call.name) resolved but has no registry entry")
        }
        return try entry.build(call, input)
    }
}
