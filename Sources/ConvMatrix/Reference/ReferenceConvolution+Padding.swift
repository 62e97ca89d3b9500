/// The extended input x̃: the input with its padding border filled in, and the
/// adjoint that folds a gradient on x̃ back onto the input.
extension ReferenceConvolution {
    /// The shape of the extended input x̃: (C, n + before + after per dimension).
    public static func extendedShape(spec: ConvolutionSpec, input: TensorShape) -> TensorShape {
        TensorShape(channels: input.channels, spatial: ReferenceGeometry(spec: spec, input: input).extendedSize)
    }

    /// The extended input x̃ = the input surrounded by its padding, flat in C order.
    ///
    /// Extended unit e (per dimension) copies input unit u = e − before when
    /// 0 ≤ u < n; outside, the padding mode decides:
    ///
    ///     zeros:      x̃ = 0
    ///     constant:   x̃ = c                         (via `S(paddingValue: c)`)
    ///     circular:   u ↦ u mod n                    x = [1,2,3,4,5], pad 2 → [4,5,1,2,3,4,5,1,2]
    ///     reflect:    u ↦ −u, or 2·(n−1) − u         x = [1,2,3,4,5], pad 2 → [3,2,1,2,3,4,5,4,3]
    ///     replicate:  u ↦ clamp(u, 0, n−1)           x = [1,2,3,4,5], pad 2 → [1,1,1,2,3,4,5,5,5]
    ///
    /// In several dimensions each coordinate is mapped on its own, so corners of a
    /// circular, reflected or replicated border copy the matching corner of the input.
    ///
    /// - Parameters:
    ///   - spec: The layer; only its padding, padding mode, kernel size and dilation matter.
    ///   - input: The shape (C, *spatial) of `x`.
    ///   - x: The input, `input.count` values in C order.
    /// - Returns: x̃, `extendedShape(spec:input:).count` values in C order.
    public static func extendedInput<S: ReferenceScalar>(spec: ConvolutionSpec, input: TensorShape, x: [S]) -> [S] {
        let geometry = ReferenceGeometry(spec: spec, input: input)
        let tensor = ReferenceTensor(channels: input.channels, spatial: input.spatial, values: x)
        return extend(tensor, geometry: geometry, mode: spec.paddingMode).values
    }

    /// x̃ from the flat input x of shape `input`.
    static func extend<S: ReferenceScalar>(
        _ x: [S], input: TensorShape, geometry: ReferenceGeometry, mode: PaddingMode
    ) -> ReferenceTensor<S> {
        extend(ReferenceTensor(channels: input.channels, spatial: input.spatial, values: x), geometry: geometry, mode: mode)
    }

    /// x̃ from x (see ``extendedInput(spec:input:x:)``).
    static func extend<S: ReferenceScalar>(
        _ x: ReferenceTensor<S>, geometry: ReferenceGeometry, mode: PaddingMode
    ) -> ReferenceTensor<S> {
        let border: S
        if case .constant(let value) = mode { border = S(paddingValue: value) } else { border = .zero }
        var extended = ReferenceTensor(channels: x.channels, spatial: geometry.extendedSize, repeating: border)
        for channel in 0..<x.channels {
            for e in referencePositions(geometry.extendedSize) {
                if let u = sourcePosition(of: e, geometry: geometry, mode: mode) {
                    extended[channel, e] = x[channel, u]
                }
            }
        }
        return extended
    }

    /// The adjoint of ``extend(_:geometry:mode:)``: ∂E/∂x from ∂E/∂x̃.
    ///
    ///     ∂E/∂x[c, u] = Σ_{e copies u} ∂E/∂x̃[c, e]
    ///
    /// Interior units pass their gradient straight through; a circular, reflected
    /// or replicated border unit adds its gradient into the input unit it copies;
    /// a zero or constant border unit copies nothing, and its gradient is dropped.
    static func foldBack<S: ReferenceScalar>(
        _ extendedGradient: ReferenceTensor<S>, geometry: ReferenceGeometry, mode: PaddingMode
    ) -> ReferenceTensor<S> {
        var gradient = ReferenceTensor(
            channels: extendedGradient.channels, spatial: geometry.inputSize, repeating: S.zero)
        for channel in 0..<extendedGradient.channels {
            for e in referencePositions(geometry.extendedSize) {
                if let u = sourcePosition(of: e, geometry: geometry, mode: mode) {
                    gradient[channel, u] = gradient[channel, u] + extendedGradient[channel, e]
                }
            }
        }
        return gradient
    }

    /// The input unit extended unit `e` copies, or nil if it is a zero or constant border unit.
    static func sourcePosition(of e: [Int], geometry: ReferenceGeometry, mode: PaddingMode) -> [Int]? {
        var source: [Int] = []
        for d in e.indices {
            guard let u = sourceCoordinate(e[d] - geometry.before[d], size: geometry.inputSize[d], mode: mode)
            else { return nil }
            source.append(u)
        }
        return source
    }

    /// The input coordinate that coordinate u (= e − before, possibly outside 0 ..< n) copies.
    ///
    ///     inside (0 ≤ u < n):  u
    ///     circular:            u mod n, in 0 ..< n
    ///     reflect:             −u if u < 0,  2·(n−1) − u if u ≥ n   (the edge is not repeated)
    ///     replicate:           0 if u < 0,   n−1 if u ≥ n
    ///     zeros, constant:     none
    static func sourceCoordinate(_ u: Int, size n: Int, mode: PaddingMode) -> Int? {
        if (0..<n).contains(u) { return u }
        switch mode {
        case .zeros, .constant:
            return nil
        case .circular:
            return (u % n + n) % n
        case .reflect:
            let mirrored = u < 0 ? -u : 2 * (n - 1) - u
            precondition(
                (0..<n).contains(mirrored),
                "reflect padding reaches coordinate \(u) of an input of size \(n); each pad must be < \(n)")
            return mirrored
        case .replicate:
            return u < 0 ? 0 : n - 1
        }
    }
}
