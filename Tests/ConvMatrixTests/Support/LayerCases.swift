import Testing

@testable import ConvMatrix

/// One layer configuration for parametrised tests, named by its spec string so that
/// a failure says which configuration failed.
struct LayerCase: CustomTestStringConvertible, Sendable {
    let spec: String
    let input: String

    var testDescription: String { "\(spec) on \(input)" }

    func layer() throws -> Convolution {
        try Convolution(ConvolutionSpec(parsing: spec), input: TensorShape(parsing: input))
    }
}

/// The core's hand-written table of edge cases: 1-D, 2-D and 3-D; kernel 1 and
/// kernel equal to the padded input; stride equal to and larger than the kernel;
/// dilation that skips inputs; 'same' with even kernels; 'full'; asymmetric
/// padding; groups equal to 1, to a divisor and to the channel count.
enum LayerCases {
    static let edges: [LayerCase] = [
        LayerCase(spec: "Conv1d(2, 3, kernel_size=3, bias=False)", input: "2x6"),
        LayerCase(spec: "Conv1d(1, 1, 1)", input: "1x5"),
        LayerCase(spec: "Conv1d(1, 2, 5)", input: "1x5"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding=1)", input: "1x1"),
        LayerCase(spec: "Conv1d(2, 2, 2, stride=2)", input: "2x8"),
        LayerCase(spec: "Conv1d(1, 1, 2, stride=3)", input: "1x10"),
        LayerCase(spec: "Conv1d(1, 1, 3, dilation=2)", input: "1x9"),
        LayerCase(spec: "Conv1d(1, 1, 4, padding='same')", input: "1x7"),
        LayerCase(spec: "Conv1d(1, 1, 2, padding='same', dilation=3)", input: "1x6"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding='full')", input: "1x4"),
        LayerCase(spec: "Conv1d(1, 1, 3, padding=((2, 0),))", input: "1x5"),
        LayerCase(spec: "Conv1d(4, 6, 3, groups=2)", input: "4x7"),
        LayerCase(spec: "Conv1d(3, 6, 3, padding=1, groups=3)", input: "3x5"),
        LayerCase(spec: "Conv1d(3, 3, 3, groups=3)", input: "3x5"),
        LayerCase(spec: "Conv1d(2, 2, 3, stride=2, padding=2)", input: "2x5"),
        LayerCase(spec: "Conv2d(4, 12, 5)", input: "4x14x14"),
        LayerCase(spec: "Conv2d(1, 1, 3, padding='same')", input: "1x5x5"),
        LayerCase(spec: "Conv2d(2, 2, (2, 3), stride=(2, 1), dilation=(1, 2))", input: "2x6x7"),
        LayerCase(spec: "Conv2d(1, 1, 3, padding=((2, 1), (1, 2)))", input: "1x4x4"),
        LayerCase(spec: "Conv2d(2, 4, 3, stride=2, padding=1, groups=2)", input: "2x7x7"),
        LayerCase(spec: "Conv2d(1, 1, (1, 4))", input: "1x3x4"),
        LayerCase(spec: "Conv2d(2, 2, 3, padding='full', bias=False)", input: "2x3x3"),
        LayerCase(spec: "Conv2d(1, 1, (2, 4), padding='same')", input: "1x4x5"),
        LayerCase(spec: "Conv3d(2, 4, kernel_size=3, padding=1, bias=False)", input: "2x4x4x4"),
        LayerCase(spec: "Conv3d(1, 2, (1, 2, 3), stride=(1, 2, 1))", input: "1x3x4x5"),
        LayerCase(spec: "Conv3d(2, 2, 2, dilation=2, groups=2)", input: "2x5x5x5"),
    ]

    /// The padding modes other than zeros, written as spec suffixes.
    static let modes = [
        "padding_mode='circular'", "padding_mode='reflect'", "padding_mode='replicate'",
        "padding_mode='constant', padding_value=-2.0",
    ]

    /// Every edge case with padding, in every padding mode whose limits it meets.
    static var edgesInEveryMode: [LayerCase] {
        edges.flatMap { base in
            modes.compactMap { mode -> LayerCase? in
                let spec = String(base.spec.dropLast()) + ", " + mode + ")"
                let candidate = LayerCase(spec: spec, input: base.input)
                guard let layer = try? candidate.layer(), layer.geometry.padding.contains(where: { $0.total > 0 }) else { return nil }
                return candidate
            }
        }
    }

    /// `count` seeded random configurations (the same draw as `convmat check --random`).
    static func random(count: Int, seed: UInt64) -> [LayerCase] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let drawn = RandomLayerDraw.nextConvolution(&generator).configuration
            return LayerCase(spec: drawn.spec, input: drawn.input)
        }
    }
}
