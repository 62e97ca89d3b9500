import Testing

@testable import ConvMatrix

/// P for every mode on the hand-derived 1-D case x = (1, 2, 3, 4, 5), pad 2.
@Suite struct PaddingOperatorTests {
    static let x: [Double] = [1, 2, 3, 4, 5]

    static func extend(_ mode: PaddingMode) -> [Double] {
        PaddingOperator(
            mode: mode, input: TensorShape(channels: 1, spatial: [5]),
            padding: [SidePadding(before: 2, after: 2)]
        ).extend(x)
    }

    @Test func zerosEmbeds() { #expect(Self.extend(.zeros) == [0, 0, 1, 2, 3, 4, 5, 0, 0]) }
    @Test func circularWraps() { #expect(Self.extend(.circular) == [4, 5, 1, 2, 3, 4, 5, 1, 2]) }
    @Test func reflectMirrorsWithoutTheEdge() { #expect(Self.extend(.reflect) == [3, 2, 1, 2, 3, 4, 5, 4, 3]) }
    @Test func replicateRepeatsTheEdge() { #expect(Self.extend(.replicate) == [1, 1, 1, 2, 3, 4, 5, 5, 5]) }
    @Test func constantFillsTheBorder() { #expect(Self.extend(.constant(-1)) == [-1, -1, 1, 2, 3, 4, 5, -1, -1]) }

    /// Pᵀ sums the gradient of every copy into its source: with reflect, unit 2 is
    /// copied twice (to extended units 1 and 3) and so gets three gradients.
    @Test func adjointSumsCopies() {
        let p = PaddingOperator(
            mode: .reflect, input: TensorShape(channels: 1, spatial: [5]),
            padding: [SidePadding(before: 2, after: 2)])
        let ones = Array(repeating: 1.0, count: 9)
        #expect(p.adjoint(ones) == [1, 2, 3, 2, 1])
    }

    /// ⟨P x, y⟩ = ⟨x, Pᵀ y⟩ in 2-D and 3-D for the linear modes, with integers (exact).
    @Test(arguments: [PaddingMode.zeros, .circular, .reflect, .replicate])
    func dotTestInTwoAndThreeDimensions(mode: PaddingMode) {
        var random = SplitMix64(seed: 9)
        for (spatial, pads) in [([4, 5], [(1, 2), (3, 0)]), ([3, 3, 4], [(1, 1), (0, 2), (2, 1)])] {
            let input = TensorShape(channels: 2, spatial: spatial)
            let p = PaddingOperator(mode: mode, input: input, padding: pads.map { SidePadding(before: $0.0, after: $0.1) })
            let x = random.integers(input.count)
            let y = random.integers(p.extended.count)
            let left = zip(p.extend(x), y).reduce(0.0) { $0 + $1.0 * $1.1 }
            let right = zip(x, p.adjoint(y)).reduce(0.0) { $0 + $1.0 * $1.1 }
            #expect(left == right, "\(mode) on \(input)")
            #expect(p.denseMatrix().multiply(x) == p.extend(x))
        }
    }

    /// Direct 2-D replicate padding written out for a 2×3 map, pad 1 all round.
    @Test func replicateInTwoDimensionsByHand() {
        let p = PaddingOperator(
            mode: .replicate, input: TensorShape(channels: 1, spatial: [2, 3]),
            padding: [SidePadding(before: 1, after: 1), SidePadding(before: 1, after: 1)])
        #expect(
            p.extend([1, 2, 3, 4, 5, 6]) == [
                1, 1, 2, 3, 3,
                1, 1, 2, 3, 3,
                4, 4, 5, 6, 6,
                4, 4, 5, 6, 6,
            ])
    }

    /// P x against the reference's direct padding (independent code) on random
    /// inputs in 1-D, 2-D and 3-D, for every mode.
    @Test(arguments: ["'zeros'", "'circular'", "'reflect'", "'replicate'", "'constant', padding_value=-3.0"])
    func againstDirectPadding(mode: String) throws {
        var random = SplitMix64(seed: 21)
        for (spec, input) in [
            ("Conv1d(2, 1, 3, padding=((2, 1),)", "2x5"),
            ("Conv2d(1, 1, 3, padding=((1, 2), (2, 0))", "1x4x3"),
            ("Conv3d(2, 1, 2, padding=((1, 1), (0, 2), (2, 1))", "2x3x3x4"),
        ] {
            let layer = try LayerCase(spec: spec + ", padding_mode=\(mode))", input: input).layer()
            let x = random.integers(layer.input.count)
            let direct: [Double] = ReferenceConvolution.extendedInput(spec: layer.spec, input: layer.input, x: x)
            #expect(layer.padding.extend(x) == direct, "\(layer.spec) on \(input)")
        }
    }
}
