/// The filter-generating network: a distance to F filter values.
///
///     W(d) = c(d) · ssp(ssp(e(d) A₁ + b₁) A₂ + b₂)   ∈ ℝ^F
///
/// e(d) the radial basis, c the cosine cutoff (1 without one). All P pairs go
/// through at once: E is P × n_rbf, each dense layer one dgemm.
struct FilterNetwork: Sendable {
    let first: SchNetDense
    let second: SchNetDense

    /// What the backward pass needs of a forward pass.
    struct Pass {
        let expansion: Matrix
        let z1: Matrix
        let h1: Matrix
        let z2: Matrix
        let h2: Matrix
        let cutoff: [Double]
        /// W, P × F.
        let filters: Matrix
    }

    func forward(_ distances: [Double], basis: RadialBasis) -> Pass {
        let expansion = basis.expand(distances)
        let z1 = first.forward(expansion)
        let h1 = ShiftedSoftplus.apply(z1)
        let z2 = second.forward(h1)
        let h2 = ShiftedSoftplus.apply(z2)
        let cutoff = distances.map(basis.cutoffValue)
        var filters = h2
        for c in 0..<filters.columns {
            for p in 0..<filters.rows { filters[p, c] *= cutoff[p] }
        }
        return Pass(expansion: expansion, z1: z1, h1: h1, z2: z2, h2: h2, cutoff: cutoff, filters: filters)
    }

    /// ∂E/∂d_p for filter gradient δW (P × F); adds the layers' parameter gradients.
    ///
    ///     δh₂ = c ∘ δW,   ∂E/∂c_p = Σ_f δW_pf h₂_pf,
    ///     δz₂ = δh₂ ∘ σ(z₂),  δh₁ = δz₂ A₂ᵀ,  δz₁ = δh₁ ∘ σ(z₁),  δE = δz₁ A₁ᵀ
    ///     ∂E/∂d_p = Σ_k δE_pk ∂e_k/∂d + ∂E/∂c_p c'(d_p)
    func backward(
        _ dW: Matrix, pass: Pass, distances: [Double], basis: RadialBasis, gradient: inout (first: SchNetDense, second: SchNetDense)
    ) -> [Double] {
        var dh2 = dW
        var dCutoff = Array(repeating: 0.0, count: distances.count)
        for c in 0..<dW.columns {
            for p in 0..<dW.rows {
                dh2[p, c] = dW[p, c] * pass.cutoff[p]
                dCutoff[p] += dW[p, c] * pass.h2[p, c]
            }
        }
        let dz2 = ShiftedSoftplus.backward(dh2, preactivation: pass.z2)
        let dh1 = second.backward(dz2, input: pass.h1, gradient: &gradient.second)
        let dz1 = ShiftedSoftplus.backward(dh1, preactivation: pass.z1)
        let dExpansion = first.backward(dz1, input: pass.expansion, gradient: &gradient.first)
        var dd = basis.distanceGradient(dExpansion, expansion: pass.expansion, distances: distances)
        for p in dd.indices { dd[p] += dCutoff[p] * basis.cutoffDerivative(distances[p]) }
        return dd
    }
}
