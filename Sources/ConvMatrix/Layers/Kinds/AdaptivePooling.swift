/// AdaptiveAvgPool1d/2d/3d(output_size): PyTorch's adaptive average pooling, o_d
/// windows spread over L_d inputs, each averaged over the real units it holds.
///
///     [s_i, e_i) = [⌊i·L / o⌋, ⌈(i + 1)·L / o⌉)             (per dimension, i ∈ [0, o))
///     y_{j,i}    = (1 / ∏_d (e_{i_d} − s_{i_d})) · Σ_{u ∈ box(i)} x_{j,u}
///
/// Windows overlap when o does not divide L (L = 5, o = 3: [0, 2), [1, 4), [3, 5)),
/// and o may exceed L. Adjoint: δx_{j,u} = Σ_{i : u ∈ box(i)} δy_{j,i} / |box(i)|.
/// Shapes: x is (C, *L), y is (C, *o); no weight, no bias. Exactness: 1/|box| is
/// exact only when |box| is a power of two.
///
/// `output_size` is an int or a tuple of N entries; for 2d and 3d an entry may be
/// `None`, which keeps that dimension's input size (PyTorch's `_list_with_default`).
/// PyTorch accepts an output size of 0 (an empty tensor); ConvMatrix refuses it,
/// as a matrix with no rows has nothing to show.
///
///     let layer = try LayerRegistry.layer(parsing: "AdaptiveAvgPool2d((None, 3))", input: TensorShape(parsing: "1x4x5"))
///     layer.output   // 1x4x3
public struct AdaptivePooling: PoolingLayer, Hashable {
    /// output_size as written: nil entries keep the input's size.
    public let outputSize: [Int?]
    public let input: TensorShape
    public let output: TensorShape
    public let axes: [PoolingAxis]

    /// Binds an adaptive average pooling of `outputSize` (nil entries: the input's size) to `input`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on `output_size` for an entry
    ///   below 1 or above 2²⁰, of kind `.shape` on `input` for the wrong rank.
    public init(outputSize: [Int?], input: TensorShape) throws(ConvMatrixError) {
        let n = outputSize.count
        precondition((1...3).contains(n), "AdaptiveAvgPool of \(n) dimensions")
        for value in outputSize.compactMap({ $0 }) {
            guard value >= 0 else { throw .spec("output_size", "elements of output_size must be greater than or equal to 0, but got \(value)") }
            guard value >= 1 else {
                throw .spec("output_size", "an output size of 0 gives an empty output (PyTorch allows it; ConvMatrix needs at least 1)")
            }
            guard value <= ConvolutionSpec.largestArgument else {
                throw .spec("output_size", "\(value) is larger than \(ConvolutionSpec.largestArgument), the largest extent ConvMatrix accepts")
            }
        }
        try PoolingShapes.requireRank(n, of: input, for: "AdaptiveAvgPool\(n)d")
        let lengths = (0..<n).map { outputSize[$0] ?? input.spatial[$0] }
        try PoolingShapes.requireOutputFits([input.channels] + lengths, field: "output_size")
        self.outputSize = outputSize
        self.input = input
        self.output = TensorShape(channels: input.channels, spatial: lengths)
        self.axes = (0..<n).map { .adaptive(length: input.spatial[$0], outputs: lengths[$0]) }
    }

    /// `AdaptiveAvgPool1d`, `AdaptiveAvgPool2d` or `AdaptiveAvgPool3d`.
    public var kind: String { "AdaptiveAvgPool\(outputSize.count)d" }

    /// `AdaptiveAvgPool2d(output_size=(None, 3))`: an int when every entry is the same number.
    public var specDescription: String {
        let entries = outputSize.map { $0.map(String.init) ?? "None" }
        let written =
            if let first = outputSize.first, let size = first, outputSize.allSatisfy({ $0 == size }) {
                "\(size)"
            } else {
                "(" + entries.joined(separator: ", ") + (entries.count == 1 ? ",)" : ")")
            }
        return "\(kind)(output_size=\(written))"
    }

    /// 1 / |box(i)|: the real units of the window, with no padding to count.
    public func coefficient(at position: [Int]) -> Double {
        1 / Double(axes.indices.map { axes[$0].extent(position[$0]) }.reduce(1, *))
    }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        ReferencePooling.adaptiveForward(self, x: x)
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        ReferencePooling.adaptiveInputGradient(self, outputGradient: dy)
    }

    /// The layer a parsed `AdaptiveAvgPoolNd(output_size)` call writes, bound to `input`.
    ///
    /// - Throws: ``ConvMatrixError``: `.spec` on `output_size` (`None` only as a
    ///   tuple entry, and only for 2d and 3d), `.shape` on `input`.
    init(_ call: SpecCall, input: TensorShape) throws(ConvMatrixError) {
        let n = call.spatialDimensions
        let arguments = try SpecArguments(call, kind: call.name, parameters: ["output_size"], required: 1)
        // The only argument, by position or keyword (SpecArguments has bound it).
        guard let value = call.arguments.first?.value, !value.isNone else {
            throw arguments.error("output_size", "expected an int or a tuple of \(n), got None")
        }
        let sizes: [Int?]
        switch value.kind {
        case .tuple(let elements) where elements.count == n:
            var entries: [Int?] = []
            for element in elements {
                guard !element.isNone || n == 1 else {
                    entries.append(nil)
                    continue
                }
                entries.append(try element.integer(field: "output_size"))
            }
            sizes = entries
        case .tuple(let elements):
            throw value.error("output_size", "expected \(n) value\(n == 1 ? "" : "s") for \(call.name), one per spatial dimension, got \(elements.count)")
        default:
            sizes = Array(repeating: try value.integer(field: "output_size"), count: n)
        }
        do {
            try self.init(outputSize: sizes, input: input)
        } catch {
            guard error.kind == .spec else { throw error }
            throw value.error(error.field, error.reason)
        }
    }
}
