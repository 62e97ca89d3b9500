/// One interaction block's forward pass, kept for its backward pass.
///
///     y = x A_in,  v = cfconv(y, W(d)),  z = v A_f2out + b,  a = ssp(z),
///     o = a A_dense + b_dense,  x' = x + o
struct InteractionPass {
    let input: Matrix
    let pairs: PairList
    let filter: FilterNetwork.Pass
    let y: Matrix
    let z: Matrix
    let a: Matrix
    let output: Matrix

    init(block: SchNetParameters.Interaction, input x: Matrix, pairs: PairList, basis: RadialBasis) {
        input = x
        self.pairs = pairs
        filter = FilterNetwork(first: block.filter1, second: block.filter2).forward(pairs.distances, basis: basis)
        y = block.in2f.forward(x)
        let v = ContinuousFilterConvolution.forward(y, filters: filter.filters, pairs: pairs)
        z = block.f2out.forward(v)
        a = ShiftedSoftplus.apply(z)
        var out = block.dense.forward(a)
        for k in out.storage.indices { out.storage[k] += x.storage[k] }
        output = out
    }

    /// (δx, ∂E/∂d_p) for δx'; adds the block's parameter gradients.
    func backward(
        _ dOut: Matrix, block: SchNetParameters.Interaction, basis: RadialBasis, gradient: inout SchNetParameters.Interaction
    ) -> (Matrix, [Double]) {
        let da = block.dense.backward(dOut, input: a, gradient: &gradient.dense)
        let dz = ShiftedSoftplus.backward(da, preactivation: z)
        let v = ContinuousFilterConvolution.forward(y, filters: filter.filters, pairs: pairs)
        let dv = block.f2out.backward(dz, input: v, gradient: &gradient.f2out)
        let (dy, dW) = ContinuousFilterConvolution.backward(dv, input: y, filters: filter.filters, pairs: pairs)
        var dx = block.in2f.backward(dy, input: input, gradient: &gradient.in2f)
        for k in dx.storage.indices { dx.storage[k] += dOut.storage[k] }
        var filterGradient = (first: gradient.filter1, second: gradient.filter2)
        let network = FilterNetwork(first: block.filter1, second: block.filter2)
        let dd = network.backward(dW, pass: filter, distances: pairs.distances, basis: basis, gradient: &filterGradient)
        (gradient.filter1, gradient.filter2) = filterGradient
        return (dx, dd)
    }
}
