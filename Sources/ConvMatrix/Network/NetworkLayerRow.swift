/// One line of `convmat show NETWORK`'s table: what one layer's matrix is, from
/// its terms when they fit, else from its geometry; never a dense matrix.
///
///     rows × cols   output units × input units of Wᵀ (or of J(x))
///     nonzeros      structural nonzeros of Wᵀ: entries that hold a term or a constant
///     parameters    weight + bias parameters, PyTorch's count (∏ weight shape + ∏ bias shape)
///
/// An input-dependent layer's nonzeros are its Jacobian's support, the same at
/// every x, so that the table needs no forward pass: an activation's diagonal
/// (ReLU's J(x) zeroes part of it), one selected unit per max-pooling window.
public struct NetworkLayerRow: Sendable, Equatable {
    /// Where the nonzeros came from.
    public enum Source: String, Sendable {
        /// Counted on the layer's terms.
        case terms
        /// From the geometry, for a layer with more terms than ``NetworkCount/matrixTermLimit``.
        case geometry
        /// An input-dependent layer's Jacobian support.
        case support
    }

    public let name: String
    public let kind: String
    public let spec: String
    public let input: TensorShape
    public let output: TensorShape
    public let rows: Int
    public let columns: Int
    public let nonzeros: Int
    public let parameters: Int
    public let source: Source

    /// The row of `named`: from its terms when it has at most
    /// ``NetworkCount/matrixTermLimit`` of them and they fit `budget`, else from
    /// its geometry (``Layer/geometricNonzeroCount``).
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` for a layer whose terms do
    ///   not fit and whose kind has no geometric rule.
    public init(_ named: NetworkLayer, budget: MemoryBudget = .default) throws(ConvMatrixError) {
        let layer = named.layer
        name = named.name
        kind = layer.kind
        spec = layer.specDescription
        input = layer.input
        output = layer.output
        rows = layer.output.count
        columns = layer.input.count
        parameters = layer.layerParameterCount
        if layer.isInputDependent, let support = layer.geometricNonzeroCount {
            nonzeros = support
            source = .support
            return
        }
        let fits = layer.structureEstimate.bytes <= budget.limitBytes && layer.entryCountBound <= NetworkCount.matrixTermLimit
        if !fits, let geometric = layer.geometricNonzeroCount {
            nonzeros = geometric
            source = .geometry
            return
        }
        try budget.require(layer.structureEstimate.bytes, for: "the terms of \(named.name) = \(layer.specDescription) on \(layer.input)")
        nonzeros = layer.matrixForm().tied.nonzeroCount
        source = .terms
    }
}

extension Convolution {
    /// Taps that land on real input units, for zero or constant padding; nil for
    /// the modes that fold the border onto the input.
    var realTapCount: Int? {
        switch spec.paddingMode {
        case .zeros, .constant: break
        case .circular, .reflect, .replicate: return nil
        }
        let spatial = input.spatial.indices.map { d in
            Self.realTaps(
                length: input.spatial[d], outputs: output.spatial[d], kernel: spec.kernelSize[d],
                stride: spec.stride[d], dilation: spec.dilation[d], before: geometry.padding[d].before)
        }
        return saturatingProduct([spec.weightPairCount] + spatial)
    }

    /// A_d = Σ_o |{k < K : o·s − p + k·dil ∈ [0, n)}|.
    private static func realTaps(length n: Int, outputs: Int, kernel: Int, stride: Int, dilation: Int, before p: Int) -> Int {
        (0..<outputs).reduce(0) { sum, o in
            sum + (0..<kernel).filter { k in (0..<n).contains(o * stride - p + k * dilation) }.count
        }
    }
}
