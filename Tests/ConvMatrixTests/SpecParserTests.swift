import Testing

@testable import ConvMatrix

@Suite struct SpecParserTests {
    // MARK: - What parses, and to what

    static let parsed: [(String, ConvolutionSpec)] = [
        (
            "Conv1d(2, 3, kernel_size=3, bias=False)",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3], bias: false)
        ),
        (
            "nn.Conv2d(4, 12, kernel_size=5, stride=2, padding=2)",
            ConvolutionSpec(spatialDimensions: 2, inChannels: 4, outChannels: 12, kernelSize: [5, 5], stride: [2, 2], padding: .symmetric([2, 2]))
        ),
        (
            "Conv2d(4, 12, 5)",
            ConvolutionSpec(spatialDimensions: 2, inChannels: 4, outChannels: 12, kernelSize: [5, 5])
        ),
        (
            "Conv1d(1, 1, 3, padding='same')",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3], padding: .same)
        ),
        (
            "Conv1d(1, 1, 4, padding='same')",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [4], padding: .same)
        ),
        (
            "Conv1d(1, 1, 3, padding='full')",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3], padding: .full)
        ),
        (
            "Conv2d(1, 1, 3, padding=((2, 1), (1, 2)))",
            ConvolutionSpec(
                spatialDimensions: 2, inChannels: 1, outChannels: 1, kernelSize: [3, 3],
                padding: .asymmetric([SidePadding(before: 2, after: 1), SidePadding(before: 1, after: 2)]))
        ),
        (
            "Conv1d(1, 1, 3, padding=((2, 1),))",
            ConvolutionSpec(
                spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3],
                padding: .asymmetric([SidePadding(before: 2, after: 1)]))
        ),
        (
            "Conv2d(4, 8, (3, 5), stride=(1, 2), dilation=(2, 1), groups=2)",
            ConvolutionSpec(spatialDimensions: 2, inChannels: 4, outChannels: 8, kernelSize: [3, 5], stride: [1, 2], dilation: [2, 1], groups: 2)
        ),
        (
            "Conv3d(2, 4, kernel_size=3, padding=1, bias=False)",
            ConvolutionSpec(spatialDimensions: 3, inChannels: 2, outChannels: 4, kernelSize: [3, 3, 3], padding: .symmetric([1, 1, 1]), bias: false)
        ),
        (
            "Conv1d(2, 3, 3, padding=1, padding_mode='circular')",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3], padding: .symmetric([1]), paddingMode: .circular)
        ),
        (
            "Conv1d(1, 1, 3, padding=2, padding_mode='constant', padding_value=-1.0)",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3], padding: .symmetric([2]), paddingMode: .constant(-1))
        ),
        (
            "torch.nn.Conv1d(in_channels=2, out_channels=3, kernel_size=3)",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 2, outChannels: 3, kernelSize: [3])
        ),
        (
            "Conv2d(1, 1, 3, padding=\"valid\", padding_mode=\"reflect\")",
            ConvolutionSpec(spatialDimensions: 2, inChannels: 1, outChannels: 1, kernelSize: [3, 3], padding: .valid, paddingMode: .reflect)
        ),
        (
            "Conv2d(2, 2, 3, 2, (1, 0), 3, 2, False, 'replicate')",
            ConvolutionSpec(
                spatialDimensions: 2, inChannels: 2, outChannels: 2, kernelSize: [3, 3], stride: [2, 2], padding: .symmetric([1, 0]),
                dilation: [3, 3], groups: 2, bias: false, paddingMode: .replicate)
        ),
        (
            " nn . Conv2d ( 4 ,12,kernel_size = ( 5 , 5 , ) , )\n",
            ConvolutionSpec(spatialDimensions: 2, inChannels: 4, outChannels: 12, kernelSize: [5, 5])
        ),
        ("Conv1d(1, 1, (3,))", ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3])),
        ("Conv1d(1, 1, (3))", ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3])),
        (
            "Conv1d(kernel_size=3, out_channels=1, in_channels=1)",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3])
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='constant')",
            ConvolutionSpec(spatialDimensions: 1, inChannels: 1, outChannels: 1, kernelSize: [3], paddingMode: .constant(0))
        ),
    ]

    @Test(arguments: parsed)
    func parses(text: String, expected: ConvolutionSpec) throws {
        #expect(try ConvolutionSpec(parsing: text) == expected)
    }

    @Test(arguments: [("-1.0", -1.0), ("0.5", 0.5), ("2", 2.0), ("1e-3", 0.001), ("+2.5", 2.5), (".5", 0.5), ("1E+2", 100.0), ("- 3", -3.0)])
    func parsesPaddingValues(written: String, value: Double) throws {
        let spec = try ConvolutionSpec(parsing: "Conv1d(1, 1, 3, padding_mode='constant', padding_value=\(written))")
        #expect(spec.paddingMode == .constant(value))
    }

    // MARK: - What is refused, on which field, and where

    /// Each case: the text, a caret under the offending token, and the field.
    static let refused: [(String, String, String)] = [
        (
            "Conv1d(1, 1, 3, stride=0)",
            "                       ^", "stride"
        ),
        (
            "Conv2d(3, 4, 3, groups=2)",
            "                       ^", "groups"
        ),
        (
            "Conv2d(2, 3, 3, groups=2)",
            "                       ^", "groups"
        ),
        (
            "Conv2d(1, 1, 3, groups=0)",
            "                       ^", "groups"
        ),
        (
            "Conv1d(1, 1, 3, stride=2, padding='same')",
            "                                  ^", "padding"
        ),
        (
            "Conv2d(1, 1, kernal_size=3)",
            "             ^", "kernal_size"
        ),
        (
            "Conv2d(1, 1, 3, foo=1)",
            "                ^", "foo"
        ),
        (
            "Conv1d(1, 1, 3, padding=(2, 1))",
            "                        ^", "padding"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='mirror')",
            "                             ^", "padding_mode"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode=zeros)",
            "                             ^", "padding_mode"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='constant', padding_value='a')",
            "                                                       ^", "padding_value"
        ),
        (
            "Conv1d(1, 1, 3, padding_value=1.0)",
            "                ^", "padding_value"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='zeros', padding_value=0.0)",
            "                                      ^", "padding_value"
        ),
        (
            "Conv1d(1, 1, 3, padding_mode='constant', padding_value=1e999)",
            "                                                       ^", "padding_value"
        ),
        (
            "Conv2d(1, 1, padding=1)",
            "                      ^", "kernel_size"
        ),
        (
            "Conv2d(1)",
            "        ^", "out_channels"
        ),
        (
            "Conv4d(1, 1, 3)",
            "^", "layer"
        ),
        (
            "Conv4d(...)",
            "^", "layer"
        ),
        (
            "nn.Linear(1, 1)",
            "^", "layer"
        ),
        (
            "conv2d(1, 1, 3)",
            "^", "layer"
        ),
        (
            "nn.torch.Conv2d(1, 1, 3)",
            "^", "layer"
        ),
        (
            "Conv2d(1, 1, 3",
            "              ^", "spec"
        ),
        (
            "Conv2d(1, 1, (3, 3)",
            "                   ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3))",
            "               ^", "spec"
        ),
        (
            "",
            "^", "spec"
        ),
        (
            "   ",
            "   ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, padding='middle')",
            "                        ^", "padding"
        ),
        (
            "Conv2d(1, 1, 3, padding=True)",
            "                        ^", "padding"
        ),
        (
            "Conv2d(1, 1, 3, padding=((1, 2), (3, 4, 5)))",
            "                                 ^", "padding"
        ),
        (
            "Conv2d(1, 1, 3, padding=((1, 2),))",
            "                        ^", "padding"
        ),
        (
            "Conv2d(1, 1, 3, padding=((1, -2), (0, 0)))",
            "                        ^", "padding"
        ),
        (
            "Conv2d(1, 1, 3, padding=-1)",
            "                        ^", "padding"
        ),
        (
            "Conv2d(1, 1, 3, bias=1)",
            "                     ^", "bias"
        ),
        (
            "Conv2d(1, 1, 3, bias='False')",
            "                     ^", "bias"
        ),
        (
            "Conv2d(1, 1, (3, 3, 3))",
            "             ^", "kernel_size"
        ),
        (
            "Conv2d(1, 1, (3, 'a'))",
            "                 ^", "kernel_size"
        ),
        (
            "Conv2d(1, 1, 3.5)",
            "             ^", "kernel_size"
        ),
        (
            "Conv2d(1, 1, -1)",
            "             ^", "kernel_size"
        ),
        (
            "Conv2d(1, 1, 99999999999999999999)",
            "             ^", "kernel_size"
        ),
        (
            "Conv2d(-1, 1, 3)",
            "       ^", "in_channels"
        ),
        (
            "Conv2d(1, 0, 3)",
            "          ^", "out_channels"
        ),
        (
            "Conv2d(1, 1, 3, dilation=(1, 0))",
            "                         ^", "dilation"
        ),
        (
            "Conv2d(1, 1, 3, kernel_size=3)",
            "                ^", "kernel_size"
        ),
        (
            "Conv2d(1, 1, 3, stride=1, stride=2)",
            "                          ^", "stride"
        ),
        (
            "Conv2d(1, 1, kernel_size=3, 1)",
            "                            ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, 1, 0, 1, 1, True, 'zeros', 0.0)",
            "                                           ^", "spec"
        ),
        (
            "Conv2d(1 1 3)",
            "         ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3,,)",
            "               ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, stride=)",
            "                       ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, stride=-)",
            "                        ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, padding='same)",
            "                        ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3) # a comment",
            "                ^", "spec"
        ),
        (
            "Conv2d[1, 1, 3]",
            "      ^", "spec"
        ),
        (
            "nn.(1, 1, 3)",
            "   ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, stride=2 2)",
            "                         ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, stride=2)extra",
            "                         ^", "spec"
        ),
        (
            "Conv2d(1, 1, 3, stride=1é)",
            "                        ^", "spec"
        ),
    ]

    @Test(arguments: refused)
    func refuses(text: String, caret: String, field: String) {
        let error = Self.error(parsing: text)
        #expect(error?.kind == .spec)
        #expect(error?.field == field)
        #expect(error?.offset == caret.count - 1, "\(error?.description ?? "no error")")
    }

    @Test func suggestsTheKeywordATypoMeant() {
        #expect(Self.error(parsing: "Conv2d(1, 1, kernal_size=3)")?.reason == "unknown keyword; did you mean kernel_size?")
        #expect(Self.error(parsing: "Conv2d(1, 1, 3, strides=2)")?.reason == "unknown keyword; did you mean stride?")
        let far = Self.error(parsing: "Conv2d(1, 1, 3, device='cpu')")
        #expect(far?.field == "device")
        #expect(far?.reason.contains("in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, padding_value") == true)
    }

    @Test func reasonsSayWhatToDo() {
        #expect(Self.error(parsing: "Conv1d(1, 1, 3, padding=(2, 1))")?.reason.contains("padding=((2, 1),)") == true)
        #expect(Self.error(parsing: "Conv2d(1, 1, 3, padding=(1, 2, 3, 4))")?.reason.contains("padding=((1, 2), (3, 4))") == true)
        #expect(
            Self.error(parsing: "Conv1d(1, 1, 3, padding_mode='mirror')")?.reason
                == "unknown padding mode 'mirror'; use one of 'zeros', 'circular', 'reflect', 'replicate', 'constant'")
        #expect(
            Self.error(parsing: "Conv1d(1, 1, 3, padding_mode=zeros)")?.reason
                == "expected a quoted padding mode, got zeros; use one of 'zeros', 'circular', 'reflect', 'replicate', 'constant'")
        #expect(Self.error(parsing: "Conv1d(1, 1, 3, stride=0)")?.reason == "must be at least 1, got 0")
        #expect(Self.error(parsing: "Conv1d(1, 1, -1)")?.reason == "must be at least 1, got -1")
        #expect(Self.error(parsing: "Conv2d(1, 1, 3")?.reason == "expected ',' or ')' after the arguments, found the end of the spec at column 15")
        #expect(Self.error(parsing: "conv2d(1, 1, 3)")?.reason == "unknown layer 'conv2d'; did you mean Conv2d?")
        #expect(Self.error(parsing: "Conv2d(1, 1, 3, 3, kernel_size=3)")?.reason == "already given by position, as argument 3")
        #expect(Self.error(parsing: "Conv2d(1, 1, 3, stride=1é)")?.reason == "unexpected character U+00E9 at column 25")
    }

    @Test func refusesDeepNestingWithoutRecursingForever() {
        let text = "Conv1d(1, 1, " + String(repeating: "(", count: 10_000) + "3" + String(repeating: ")", count: 10_001)
        #expect(Self.error(parsing: text)?.field == "spec")
    }

    // MARK: - Never traps

    static let alphabet: [Character] = Array("Conv123dn.torch(),=-+'\"_ aeiklmnprstvxyzTF0123456789\t\n") + ["é", "🙂", "\u{301}", "\u{0}", "（", "\r\n"]

    @Test func randomTextOnlyThrowsSpecErrors() {
        var random = SplitMix64(seed: 2024)
        for _ in 0..<3000 {
            let length = random.nextInt(in: 0...40)
            let text = String((0..<length).map { _ in Self.alphabet[random.nextInt(in: 0...(Self.alphabet.count - 1))] })
            Self.checkTotal(text)
        }
    }

    @Test func mutatedSpecsOnlyThrowSpecErrors() {
        var random = SplitMix64(seed: 99)
        let seeds = Self.parsed.map(\.0)
        for _ in 0..<4000 {
            var text = Array(seeds[random.nextInt(in: 0...(seeds.count - 1))])
            for _ in 0..<random.nextInt(in: 1...3) { Self.mutate(&text, &random) }
            Self.checkTotal(String(text))
        }
    }

    /// One random edit: delete, insert, replace, duplicate a span, or swap two characters.
    static func mutate(_ text: inout [Character], _ random: inout SplitMix64) {
        let position = random.nextInt(in: 0...text.count)
        let other = random.nextInt(in: 0...text.count)
        let character = alphabet[random.nextInt(in: 0...(alphabet.count - 1))]
        switch random.nextInt(in: 0...4) {
        case 0 where position < text.count: text.remove(at: position)
        case 1: text.insert(character, at: position)
        case 2 where position < text.count: text[position] = character
        case 3: text.insert(contentsOf: text[min(position, other)..<max(position, other)], at: max(position, other))
        case 4 where position < text.count && other < text.count: text.swapAt(position, other)
        default: text.append(character)
        }
    }

    /// A text either parses to a spec that survives printing and parsing again,
    /// or throws a spec error pointing inside (or just past) the text.
    static func checkTotal(_ text: String) {
        switch Result(catching: { () throws(ConvMatrixError) in try ConvolutionSpec(parsing: text) }) {
        case .success(let spec):
            let again = Result(catching: { () throws(ConvMatrixError) in try ConvolutionSpec(parsing: spec.canonical) })
            #expect(again == .success(spec), "\(text) → \(spec.canonical)")
        case .failure(let error):
            #expect(error.kind == .spec, "\(text)")
            #expect(error.offset.map { (0...text.count).contains($0) } == true, "\(text): \(error)")
        }
    }

    static func error(parsing text: String) -> ConvMatrixError? {
        do throws(ConvMatrixError) {
            _ = try ConvolutionSpec(parsing: text)
            return nil
        } catch {
            return error
        }
    }
}
