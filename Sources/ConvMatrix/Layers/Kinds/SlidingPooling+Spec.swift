/// Reading and writing AvgPool and SumPool specs, in PyTorch's argument order:
///
///     AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)
///     AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)
///     AvgPool3d(…the same as AvgPool2d…)
///     SumPool1d/2d/3d(kernel_size, stride=None, padding=0, ceil_mode=False)      (extension)
///
/// The canonical form writes `kernel_size=` always and every other argument only
/// where it differs from its default (stride only where it differs from the kernel
/// size), so that parsing it back gives an equal layer.
extension SlidingPooling {
    /// The arguments `kind` takes, in PyTorch's positional order.
    static func parameters(of kind: String) -> [String] {
        let common = ["kernel_size", "stride", "padding", "ceil_mode"]
        if kind.hasPrefix("SumPool") { return common }
        return common + ["count_include_pad"] + (kind == "AvgPool1d" ? [] : ["divisor_override"])
    }

    /// The layer a parsed `AvgPoolNd(…)` or `SumPoolNd(…)` call writes, bound to `input`.
    ///
    /// - Throws: ``ConvMatrixError``: `.spec` on the argument at fault, pointing at it;
    ///   `.shape` on `input` when its rank is not N.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        let n = call.spatialDimensions
        let arguments = try SpecArguments(call, kind: call.name, parameters: Self.parameters(of: call.name), required: 1)
        let kernelSize = try arguments.perDimension("kernel_size", dimensions: n)
        let stride = arguments.given("stride") ? try arguments.perDimension("stride", dimensions: n) : nil
        let padding = try arguments.perDimension("padding", dimensions: n, default: Array(repeating: 0, count: n))
        let ceilMode = try arguments.boolean("ceil_mode", default: false)
        let reduction: Reduction
        if call.name.hasPrefix("SumPool") {
            reduction = .sum
        } else {
            let countIncludePad = try arguments.boolean("count_include_pad", default: true)
            let divisor = arguments.given("divisor_override") ? try arguments.integer("divisor_override") : nil
            reduction = .average(countIncludePad: countIncludePad, divisorOverride: divisor)
        }
        do {
            try self.init(reduction: reduction, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode, input: input)
        } catch {
            guard error.kind == .spec else { throw error }
            throw arguments.error(error.field, error.reason)
        }
    }

    /// The canonical spec: `AvgPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=True)`.
    public var specDescription: String {
        var arguments = PoolingShapes.windowArguments(kernelSize: kernelSize, stride: stride, padding: padding)
        if ceilMode { arguments.append("ceil_mode=True") }
        if case .average(let countIncludePad, let divisorOverride) = reduction {
            if !countIncludePad { arguments.append("count_include_pad=False") }
            if let divisorOverride { arguments.append("divisor_override=\(divisorOverride)") }
        }
        return "\(kind)(\(arguments.joined(separator: ", ")))"
    }
}
