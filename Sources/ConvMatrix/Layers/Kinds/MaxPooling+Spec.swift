/// Reading and writing MaxPool specs, in PyTorch's argument order:
///
///     MaxPool1d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)
///     MaxPool2d(…the same…)
///     MaxPool3d(…the same…)
///
/// `return_indices=True` is refused: a ConvMatrix layer has one output, and the
/// selection matrix itself shows the indices. The canonical form writes
/// `kernel_size=` always and every other argument only where it differs from
/// its default (stride only where it differs from the kernel size), so that
/// parsing it back gives an equal layer.
extension MaxPooling {
    /// The arguments every MaxPoolNd takes, in PyTorch's positional order.
    static let parameters = ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"]

    /// The layer a parsed `MaxPoolNd(…)` call writes, bound to `input`.
    ///
    /// - Throws: ``ConvMatrixError``: `.spec` on the argument at fault, pointing at it;
    ///   `.shape` on `input` when its rank is not N.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        let n = call.spatialDimensions
        let arguments = try SpecArguments(call, kind: call.name, parameters: Self.parameters, required: 1)
        let kernelSize = try arguments.perDimension("kernel_size", dimensions: n)
        let stride = arguments.given("stride") ? try arguments.perDimension("stride", dimensions: n) : nil
        let padding = try arguments.perDimension("padding", dimensions: n, default: Array(repeating: 0, count: n))
        let dilation = try arguments.perDimension("dilation", dimensions: n, default: Array(repeating: 1, count: n))
        guard try !arguments.boolean("return_indices", default: false) else {
            throw arguments.error(
                "return_indices",
                "ConvMatrix layers have one output; the selection matrix itself shows the indices (show --format json)")
        }
        let ceilMode = try arguments.boolean("ceil_mode", default: false)
        do {
            try self.init(kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode, input: input)
        } catch {
            guard error.kind == .spec else { throw error }
            throw arguments.error(error.field, error.reason)
        }
    }

    /// The canonical spec: `MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=2, ceil_mode=True)`.
    public var specDescription: String {
        var arguments = PoolingShapes.windowArguments(kernelSize: kernelSize, stride: stride, padding: padding)
        if dilation.contains(where: { $0 != 1 }) { arguments.append("dilation=\(PoolingShapes.compact(dilation))") }
        if ceilMode { arguments.append("ceil_mode=True") }
        return "\(kind)(\(arguments.joined(separator: ", ")))"
    }
}
