import Testing

@testable import ConvMatrix

@Suite struct SpecCanonicalTests {
    /// Each case: a spec as a user may write it, and its canonical form.
    static let examples: [(String, String)] = [
        ("Conv1d(2, 3, kernel_size=3, bias=False)", "Conv1d(2, 3, kernel_size=3, bias=False)"),
        ("nn.Conv2d(4, 12, kernel_size=5, stride=2, padding=2)", "Conv2d(4, 12, kernel_size=5, stride=2, padding=2)"),
        ("Conv2d(4, 12, 5)", "Conv2d(4, 12, kernel_size=5)"),
        ("Conv1d(1, 1, 3, padding='same')", "Conv1d(1, 1, kernel_size=3, padding='same')"),
        ("Conv1d(1, 1, 4, padding='same')", "Conv1d(1, 1, kernel_size=4, padding='same')"),
        ("Conv1d(1, 1, 3, padding='full')", "Conv1d(1, 1, kernel_size=3, padding='full')"),
        ("Conv2d(1, 1, 3, padding=((2, 1), (1, 2)))", "Conv2d(1, 1, kernel_size=3, padding=((2, 1), (1, 2)))"),
        ("Conv1d(1, 1, 3, padding=((2, 1),))", "Conv1d(1, 1, kernel_size=3, padding=((2, 1),))"),
        (
            "Conv2d(4, 8, (3, 5), stride=(1, 2), dilation=(2, 1), groups=2)",
            "Conv2d(4, 8, kernel_size=(3, 5), stride=(1, 2), dilation=(2, 1), groups=2)"
        ),
        ("Conv3d(2, 4, kernel_size=3, padding=1, bias=False)", "Conv3d(2, 4, kernel_size=3, padding=1, bias=False)"),
        ("Conv1d(2, 3, 3, padding=1, padding_mode='circular')", "Conv1d(2, 3, kernel_size=3, padding=1, padding_mode='circular')"),
        (
            "Conv1d(1, 1, 3, padding=2, padding_mode='constant', padding_value=-1.0)",
            "Conv1d(1, 1, kernel_size=3, padding=2, padding_mode='constant', padding_value=-1.0)"
        ),
        ("torch.nn.Conv1d(in_channels=2, out_channels=3, kernel_size=3)", "Conv1d(2, 3, kernel_size=3)"),
        ("Conv2d(1, 1, 3, padding=\"valid\", padding_mode=\"reflect\")", "Conv2d(1, 1, kernel_size=3, padding='valid', padding_mode='reflect')"),
        (
            "Conv2d(1, 1, (3, 3), stride=(1, 1), padding=(0, 0), dilation=1, groups=1, bias=True, padding_mode='zeros')",
            "Conv2d(1, 1, kernel_size=3)"
        ),
        (
            "Conv3d(1, 1, (1, 2, 3), padding=(0, 1, 0), padding_mode='replicate')",
            "Conv3d(1, 1, kernel_size=(1, 2, 3), padding=(0, 1, 0), padding_mode='replicate')"
        ),
        ("Conv2d(1, 1, 3, padding=((1, 1), (1, 1)))", "Conv2d(1, 1, kernel_size=3, padding=((1, 1), (1, 1)))"),
        ("Conv1d(1, 1, 3, padding_mode='constant', padding_value=0)", "Conv1d(1, 1, kernel_size=3, padding_mode='constant')"),
        (
            "Conv1d(1, 1, 3, padding_mode='constant', padding_value=-0.0)",
            "Conv1d(1, 1, kernel_size=3, padding_mode='constant', padding_value=-0.0)"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='constant', padding_value=1e-5)",
            "Conv1d(1, 1, kernel_size=3, padding_mode='constant', padding_value=1e-05)"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='constant', padding_value=2)",
            "Conv1d(1, 1, kernel_size=3, padding_mode='constant', padding_value=2.0)"
        ),
    ]

    @Test(arguments: examples)
    func printsCanonically(text: String, canonical: String) throws {
        let spec = try ConvolutionSpec(parsing: text)
        #expect(spec.canonical == canonical)
        #expect(spec.description == canonical)
    }

    @Test(arguments: examples)
    func parsingThePrintGivesTheSpec(text: String, canonical: String) throws {
        let spec = try ConvolutionSpec(parsing: text)
        #expect(try ConvolutionSpec(parsing: spec.canonical) == spec)
    }

    @Test(arguments: examples.map(\.1))
    func printingTheParseOfACanonicalTextGivesTheText(canonical: String) throws {
        #expect(try ConvolutionSpec(parsing: canonical).canonical == canonical)
    }

    @Test(arguments: [
        -1.0, 0.5, 1e-5, 0.1, 1.0 / 3, 1e300, Double.leastNonzeroMagnitude, -0.0, 123_456_789.123,
        Double.greatestFiniteMagnitude, -Double.leastNormalMagnitude,
    ])
    func paddingValuesRoundTripExactly(value: Double) throws {
        let spec = ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3], paddingMode: .constant(value))
        let again = try ConvolutionSpec(parsing: spec.canonical)
        guard case .constant(let parsed) = again.paddingMode else {
            Issue.record("\(spec.canonical) lost its constant mode")
            return
        }
        #expect(parsed.bitPattern == value.bitPattern, "\(spec.canonical)")
    }

    @Test func randomValidSpecsRoundTrip() throws {
        var random = SplitMix64(seed: 0xC0_4D)
        for _ in 0..<500 {
            let spec = try Self.randomSpec(&random).validated()
            let text = spec.canonical
            let again = try ConvolutionSpec(parsing: text)
            #expect(again == spec, "\(text)")
            #expect(again.canonical == text)
        }
    }

    // MARK: - Random valid specs

    /// A valid spec with every argument drawn in each of its forms.
    static func randomSpec(_ random: inout SplitMix64) -> ConvolutionSpec {
        let dimensions = random.nextInt(in: 1...3)
        let groups = random.nextInt(in: 1...3)
        let stride = perDimension(dimensions, 1...3, &random)
        return ConvolutionSpec(
            spatialDimensions: dimensions,
            inChannels: groups * random.nextInt(in: 1...4),
            outChannels: groups * random.nextInt(in: 1...4),
            kernelSize: perDimension(dimensions, 1...5, &random),
            stride: stride,
            padding: padding(dimensions, strided: stride.contains { $0 != 1 }, &random),
            dilation: perDimension(dimensions, 1...3, &random),
            groups: groups,
            bias: random.nextInt(in: 0...1) == 1,
            paddingMode: paddingMode(&random)
        )
    }

    /// All equal half the time (printed as an int), else independent (a tuple).
    static func perDimension(_ dimensions: Int, _ range: ClosedRange<Int>, _ random: inout SplitMix64) -> [Int] {
        if random.nextInt(in: 0...1) == 0 { return Array(repeating: random.nextInt(in: range), count: dimensions) }
        return (0..<dimensions).map { _ in random.nextInt(in: range) }
    }

    static func padding(_ dimensions: Int, strided: Bool, _ random: inout SplitMix64) -> Padding {
        switch random.nextInt(in: 0...4) {
        case 0: return .valid
        case 1: return strided ? .full : .same
        case 2: return .full
        case 3: return .symmetric(perDimension(dimensions, 0...3, &random))
        default:
            return .asymmetric(
                (0..<dimensions).map { _ in
                    SidePadding(before: random.nextInt(in: 0...3), after: random.nextInt(in: 0...3))
                })
        }
    }

    static func paddingMode(_ random: inout SplitMix64) -> PaddingMode {
        switch random.nextInt(in: 0...5) {
        case 0: return .zeros
        case 1: return .circular
        case 2: return .reflect
        case 3: return .replicate
        case 4: return .constant([-1.0, 0.0, 0.5, 1e-5, -0.0][random.nextInt(in: 0...4)])
        default: return .constant(random.nextSymmetric(bound: 1e3))
        }
    }
}
