/// Every weight of a SchNet model, and (same shape) every gradient.
///
/// Per interaction block: the filter network's two dense layers, the atom-wise
/// in2f (no bias, as schnetpack), f2out and the last dense. Then the output
/// network's two dense layers, and the embedding table (one row per atomic
/// number 1 … 18, F columns).
public struct SchNetParameters: Sendable, Equatable {
    /// One interaction block's layers.
    public struct Interaction: Sendable, Equatable {
        public var filter1: SchNetDense
        public var filter2: SchNetDense
        public var in2f: SchNetDense
        public var f2out: SchNetDense
        public var dense: SchNetDense

        var layers: [SchNetDense] { [filter1, filter2, in2f, f2out, dense] }

        init(_ layers: [SchNetDense]) {
            (filter1, filter2, in2f, f2out, dense) = (layers[0], layers[1], layers[2], layers[3], layers[4])
        }
    }

    /// Row Z − 1 is the embedding of atomic number Z: 18 × F.
    public var embedding: Matrix
    public var interactions: [Interaction]
    public var output1: SchNetDense
    public var output2: SchNetDense

    /// Weights drawn from `seed` by SplitMix64, in this order: the embedding
    /// (uniform on [−√3, √3), unit variance as torch's N(0, 1) embedding), then per
    /// interaction filter1, filter2, in2f, f2out, dense, then output1, output2, each
    /// Glorot uniform with zero bias (``SchNetDense``).
    public init(configuration c: SchNetConfiguration, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let rows = Element.largestAtomicNumber
        embedding = Matrix(
            rows: rows, columns: c.features, columnMajor: (0..<(rows * c.features)).map { _ in generator.nextSymmetric(bound: 3.0.squareRoot()) })
        interactions = (0..<c.interactions).map { _ in
            Interaction([
                SchNetDense(inputs: c.rbfCount, outputs: c.features, bias: true, generator: &generator),
                SchNetDense(inputs: c.features, outputs: c.features, bias: true, generator: &generator),
                SchNetDense(inputs: c.features, outputs: c.features, bias: false, generator: &generator),
                SchNetDense(inputs: c.features, outputs: c.features, bias: true, generator: &generator),
                SchNetDense(inputs: c.features, outputs: c.features, bias: true, generator: &generator),
            ])
        }
        output1 = SchNetDense(inputs: c.features, outputs: c.outputHidden, bias: true, generator: &generator)
        output2 = SchNetDense(inputs: c.outputHidden, outputs: 1, bias: true, generator: &generator)
    }

    private init(embedding: Matrix, interactions: [Interaction], output1: SchNetDense, output2: SchNetDense) {
        (self.embedding, self.interactions, self.output1, self.output2) = (embedding, interactions, output1, output2)
    }

    /// The same shapes, all zeros.
    var zero: SchNetParameters {
        SchNetParameters(
            embedding: Matrix(rows: embedding.rows, columns: embedding.columns),
            interactions: interactions.map { Interaction($0.layers.map(\.zero)) }, output1: output1.zero, output2: output2.zero)
    }

    /// Every parameter in one vector: the embedding (column-major), then each dense
    /// layer's weight (column-major) and bias, in the drawing order.
    public var flattened: [Double] {
        embedding.storage + interactions.flatMap { $0.layers.flatMap(\.flattened) } + output1.flattened + output2.flattened
    }

    /// The number of parameters.
    public var count: Int { flattened.count }

    /// The same shapes with the values of `flat`.
    ///
    /// - Precondition: `flat` has ``count`` entries.
    public func replacing(with flat: [Double]) -> SchNetParameters {
        precondition(flat.count == count, "\(flat.count) values for \(count) parameters")
        var offset = embedding.storage.count
        let embedding = Matrix(rows: embedding.rows, columns: embedding.columns, columnMajor: Array(flat[0..<offset]))
        let interactions = interactions.map { block in Interaction(block.layers.map { $0.reading(flat, at: &offset) }) }
        let output1 = output1.reading(flat, at: &offset)
        let output2 = output2.reading(flat, at: &offset)
        return SchNetParameters(embedding: embedding, interactions: interactions, output1: output1, output2: output2)
    }
}
