import PropertyBased
import Testing

@testable import ConvMatrix

/// Property: every admissible layer passes every check. The generators draw the
/// layer's numbers directly, so a failure shrinks to the smallest layer that
/// still fails and is reported with a seed that reproduces it.
@Suite struct CheckerPropertyTests {
    /// One drawn configuration: per-dimension sizes, pads, channels and options.
    struct Draw: CustomStringConvertible {
        let dimensions: Int
        let sizes: [Int]  // kernel, stride, dilation, extent: 3 each
        let pads: [Int]  // (before, after) for 3 dimensions
        let options: [Int]  // groups, in per group, out per group, mode, constant, bias

        var spec: ConvolutionSpec {
            let d = dimensions
            let modes: [PaddingMode] = [.zeros, .circular, .reflect, .replicate, .constant(Double(options[4] - 3))]
            let groups = options[0]
            return ConvolutionSpec(
                spatialDimensions: d, inChannels: groups * options[1], outChannels: groups * options[2],
                kernelSize: Array(sizes[0..<d]),
                stride: sizes[3..<(3 + d)].map { min($0, 2) },
                padding: .asymmetric((0..<d).map { SidePadding(before: pads[2 * $0], after: pads[2 * $0 + 1]) }),
                dilation: sizes[6..<(6 + d)].map { min($0, 2) },
                groups: groups, bias: options[5] % 2 == 0, paddingMode: modes[options[3] % modes.count])
        }

        var input: TensorShape {
            TensorShape(channels: options[0] * options[1], spatial: sizes[9..<(9 + dimensions)].map { $0 + [0, 4, 2, 0][dimensions] })
        }

        var description: String { "\(spec) on \(input)" }
    }

    static let draws = zip(
        Gen.int(in: 1...3),
        Gen.int(in: 1...3).array(of: 12...12),
        Gen.int(in: 0...2).array(of: 6...6),
        Gen.int(in: 1...3).array(of: 6...6)
    ).map { Draw(dimensions: $0, sizes: $1, pads: $2, options: $3) }

    @Test func everyAdmissibleLayerPassesEveryCheck() async {
        var admissible = 0
        await propertyCheck(count: 150, input: Self.draws) { draw in
            guard let layer = try? Convolution(draw.spec, input: draw.input) else { return }
            admissible += 1
            let report = try Checker(layer: layer, seed: 5).run()
            #expect(report.passed, "\(draw): \(report.failures.map { "\($0.name.rawValue): \($0.note)" })")
        }
        #expect(admissible >= 75, "only \(admissible) of 150 draws were admissible layers")
    }
}
