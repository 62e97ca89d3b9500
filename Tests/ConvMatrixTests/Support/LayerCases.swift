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

import Testing

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

    /// `count` seeded random configurations: 1-D, 2-D and 3-D with every option,
    /// small enough that the reference runs in milliseconds.
    static func random(count: Int, seed: UInt64) -> [LayerCase] {
        var generator = SplitMix64(seed: seed)
        var cases: [LayerCase] = []
        while cases.count < count {
            let candidate = RandomLayer.draw(&generator)
            if (try? candidate.layer()) != nil { cases.append(candidate) }
        }
        return cases
    }
}

/// A random layer spec and input, written as strings (the parser is part of what is tested).
enum RandomLayer {
    static func draw(_ g: inout SplitMix64) -> LayerCase {
        let dims = g.nextInt(in: 1...3)
        let groups = [1, 1, 2, 3][g.nextInt(in: 0...3)]
        let inChannels = groups * g.nextInt(in: 1...2)
        let outChannels = groups * g.nextInt(in: 1...2)
        let maxExtent = [0, 9, 6, 4][dims]
        let extents = (0..<dims).map { _ in g.nextInt(in: 1...maxExtent) }
        var arguments = ["\(inChannels)", "\(outChannels)", "kernel_size=\(tuple((0..<dims).map { _ in g.nextInt(in: 1...3) }))"]
        let strided = g.nextInt(in: 0...2) == 0
        if strided { arguments.append("stride=\(tuple((0..<dims).map { _ in g.nextInt(in: 1...3) }))") }
        switch g.nextInt(in: 0...5) {
        case 0: arguments.append("padding='full'")
        case 1 where !strided: arguments.append("padding='same'")
        case 2: arguments.append("padding=\(tuple((0..<dims).map { _ in g.nextInt(in: 0...2) }))")
        case 3: arguments.append("padding=(" + (0..<dims).map { _ in "(\(g.nextInt(in: 0...2)), \(g.nextInt(in: 0...2)))" }.joined(separator: ", ") + (dims == 1 ? ",)" : ")"))
        default: break
        }
        if g.nextInt(in: 0...2) == 0 { arguments.append("dilation=\(tuple((0..<dims).map { _ in g.nextInt(in: 1...2) }))") }
        if groups > 1 { arguments.append("groups=\(groups)") }
        if g.nextInt(in: 0...1) == 0 { arguments.append("bias=False") }
        let modes = ["zeros", "zeros", "circular", "reflect", "replicate", "constant"]
        let mode = modes[g.nextInt(in: 0...(modes.count - 1))]
        if mode == "constant" {
            arguments.append("padding_mode='constant', padding_value=\(Double(g.nextInt(in: -3...3)))")
        } else if mode != "zeros" {
            arguments.append("padding_mode='\(mode)'")
        }
        return LayerCase(
            spec: "Conv\(dims)d(" + arguments.joined(separator: ", ") + ")",
            input: ([inChannels] + extents).map(String.init).joined(separator: "x"))
    }

    private static func tuple(_ values: [Int]) -> String {
        values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
