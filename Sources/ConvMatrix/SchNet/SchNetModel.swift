/// SchNet (Schütt et al., 2017): an energy E(Z, R) and its exact gradients.
///
///     x_i⁰ = embedding(Z_i)
///     interaction t:  y = x A_in,  v_i = Σ_{p=(i,j)} y_j ∘ W_t(d_ij),
///                     x ← x + ssp(v A_f2out + b) A_dense + b_dense
///     E = Σ_i [ ssp(x_i A_o1 + b_o1) A_o2 + b_o2 ]
///
/// Forces F_i = −∂E/∂r_i and ∂E/∂θ come from one backward pass through the
/// output, the interactions, the filter networks and the distances:
///
///     ∂E/∂r_i = Σ_{p=(i,j)} ∂E/∂d_p u_p − Σ_{p=(j,i)} ∂E/∂d_p u_p,   u_p = (r_i − r_j)/d_ij
///
/// Energies are in arbitrary units (the weights are random); forces in those units per Å.
public struct SchNetModel: Sendable {
    public let configuration: SchNetConfiguration
    public var parameters: SchNetParameters

    /// A model with weights drawn from `seed`.
    ///
    /// - Throws: ``ConvMatrixError`` for a configuration out of range.
    public init(configuration: SchNetConfiguration = SchNetConfiguration(), seed: UInt64 = 0) throws(ConvMatrixError) {
        self.configuration = try configuration.validated()
        self.parameters = SchNetParameters(configuration: configuration, seed: seed)
    }

    /// E, ∂E/∂r_i (the negative forces) and, on request, ∂E/∂θ.
    public struct Evaluation: Sendable {
        public let energy: Double
        /// Σ_i |E_i|, the atomic energies' absolute sum: the scale rounding errors are measured against.
        public let absoluteAtomicEnergy: Double
        /// F_i = −∂E/∂r_i.
        public let forces: [SIMD3<Double>]
        /// Σ_p |∂E/∂d_p|: the absolute sum of the pair contributions the forces add up,
        /// the scale their rounding errors are measured against.
        public let absolutePairGradient: Double
        /// ∂E/∂θ, when asked for.
        public let parameterGradient: SchNetParameters?
    }

    /// The energy alone: the forward pass of ``evaluate(_:parameterGradient:)`` without its backward pass.
    public func energy(_ molecule: Molecule) -> Double {
        let basis = RadialBasis(configuration: configuration)
        let pairs = PairList(positions: molecule.positions, configuration: configuration)
        var x = embed(molecule.atomicNumbers)
        for block in parameters.interactions { x = InteractionPass(block: block, input: x, pairs: pairs, basis: basis).output }
        return parameters.output2.forward(ShiftedSoftplus.apply(parameters.output1.forward(x))).storage.reduce(0, +)
    }

    /// E, F and optionally ∂E/∂θ for `molecule`.
    public func evaluate(_ molecule: Molecule, parameterGradient wantsGradient: Bool = false) -> Evaluation {
        let basis = RadialBasis(configuration: configuration)
        let pairs = PairList(positions: molecule.positions, configuration: configuration)
        var x = embed(molecule.atomicNumbers)
        var passes: [InteractionPass] = []
        for block in parameters.interactions {
            let pass = InteractionPass(block: block, input: x, pairs: pairs, basis: basis)
            x = pass.output
            passes.append(pass)
        }
        let z = parameters.output1.forward(x)
        let h = ShiftedSoftplus.apply(z)
        let atomic = parameters.output2.forward(h)
        var gradient = parameters.zero
        let ones = Matrix(rows: molecule.count, columns: 1, columnMajor: Array(repeating: 1, count: molecule.count))
        let dh = parameters.output2.backward(ones, input: h, gradient: &gradient.output2)
        var dx = parameters.output1.backward(ShiftedSoftplus.backward(dh, preactivation: z), input: x, gradient: &gradient.output1)
        var dDistances = Array(repeating: 0.0, count: pairs.count)
        for t in passes.indices.reversed() {
            let (dInput, dd) = passes[t].backward(dx, block: parameters.interactions[t], basis: basis, gradient: &gradient.interactions[t])
            dx = dInput
            for p in dd.indices { dDistances[p] += dd[p] }
        }
        let atomicNumbers = molecule.atomicNumbers
        for (i, z) in atomicNumbers.enumerated() {
            for f in 0..<configuration.features { gradient.embedding[z - 1, f] += dx[i, f] }
        }
        var forces = Array(repeating: SIMD3<Double>.zero, count: molecule.count)
        for p in 0..<pairs.count {
            forces[pairs.first[p]] -= dDistances[p] * pairs.directions[p]
            forces[pairs.second[p]] += dDistances[p] * pairs.directions[p]
        }
        return Evaluation(
            energy: atomic.storage.reduce(0, +), absoluteAtomicEnergy: atomic.storage.reduce(0) { $0 + abs($1) }, forces: forces,
            absolutePairGradient: dDistances.reduce(0) { $0 + abs($1) },
            parameterGradient: wantsGradient ? gradient : nil)
    }

    /// x⁰: row i is the embedding of Z_i.
    func embed(_ atomicNumbers: [Int]) -> Matrix {
        var x = Matrix(rows: atomicNumbers.count, columns: configuration.features)
        for (i, z) in atomicNumbers.enumerated() {
            precondition(z >= 1 && z <= parameters.embedding.rows, "atomic number \(z) outside the embedding")
            for f in 0..<configuration.features { x[i, f] = parameters.embedding[z - 1, f] }
        }
        return x
    }

    /// The filter values W_t(d_p) of interaction block t for every pair, P × F, and the pairs.
    public func filters(_ molecule: Molecule, interaction t: Int = 0) -> (pairs: [(i: Int, j: Int, distance: Double)], values: Matrix) {
        precondition(parameters.interactions.indices.contains(t), "interaction \(t) of \(parameters.interactions.count)")
        let pairs = PairList(positions: molecule.positions, configuration: configuration)
        let block = parameters.interactions[t]
        let network = FilterNetwork(first: block.filter1, second: block.filter2)
        let pass = network.forward(pairs.distances, basis: RadialBasis(configuration: configuration))
        return ((0..<pairs.count).map { (pairs.first[$0], pairs.second[$0], pairs.distances[$0]) }, pass.filters)
    }

    /// W_t(d) for distances not tied to a molecule (a plot of the filter): count × F.
    public func filterValues(at distances: [Double], interaction t: Int = 0) -> Matrix {
        let block = parameters.interactions[t]
        let network = FilterNetwork(first: block.filter1, second: block.filter2)
        return network.forward(distances, basis: RadialBasis(configuration: configuration)).filters
    }
}
