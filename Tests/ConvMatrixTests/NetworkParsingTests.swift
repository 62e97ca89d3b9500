import Testing

@testable import ConvMatrix

/// Network files: names, blocks, shapes, and one error line for each bad file.
@Suite struct NetworkParsingTests {
    @Test func unnamedLayersAreCountedPerKindAndBlocksNestTheirNames() throws {
        let text = """
            # a comment line
            input 2x6x6   # the input

            first: Conv2d(2, 2, 3, padding=1)
            ReLU()
            Residual:
              Conv2d(2, 2, 3, padding=1)
              ReLU()
              Conv2d(2, 2, 1)
            Concat:
              branch:
                Conv2d(2, 1, 1)
              wide: branch:
                Conv2d(2, 3, 3, padding=1)
            ReLU()
            """
        let network = try Network(parsing: text, name: "t")
        #expect(
            network.layers.map(\.name) == [
                "first", "ReLU_1", "Residual_1.Conv2d_1", "Residual_1.ReLU_1", "Residual_1.Conv2d_2",
                "Concat_1.branch_1.Conv2d_1", "Concat_1.wide.Conv2d_1", "ReLU_2",
            ])
        #expect(network.output == TensorShape(channels: 4, spatial: [6, 6]))
        #expect(network.layer(named: "first")?.line == 4)
    }

    @Test func aShortcutProjectsXToTheBlocksShape() throws {
        let text = """
            input 2x8x8
            r: Residual:
              Conv2d(2, 4, 3, stride=2, padding=1)
              shortcut:
                Conv2d(2, 4, 1, stride=2)
            """
        let network = try Network(parsing: text, name: "t")
        #expect(network.layers.map(\.name) == ["r.Conv2d_1", "r.shortcut.Conv2d_1"])
        #expect(network.output == TensorShape(channels: 4, spatial: [4, 4]))
    }

    @Test func theInputLineCanBeOverridden() throws {
        let network = try Network(parsing: "input 1x8\nConv1d(1, 2, 3)", name: "t", input: TensorShape(parsing: "1x20"))
        #expect(network.output == TensorShape(channels: 2, spatial: [18]))
    }

    /// A bad file, the phrase its one line holds, and the line and column it names.
    struct Bad: CustomTestStringConvertible, Sendable {
        let text: String
        let says: String
        var testDescription: String { says }
    }

    static let bad: [Bad] = [
        Bad(text: "", says: "the file is empty"),
        Bad(text: "# only a comment\n\n", says: "the file is empty"),
        Bad(text: "Conv1d(1, 1, 3)\n", says: "line 1, column 1: the first line is the input shape"),
        Bad(text: "input 1x8\n", says: "line 1, column 1: the network has no layers"),
        Bad(text: "input 1x\nConv1d(1, 1, 3)", says: "line 1, column 7: input:"),
        Bad(text: "input 1x8\nConv9d(1, 1, 3)", says: "line 2, column 1: layer:"),
        Bad(text: "input 1x8\nConv1d(1, 1, kernal_size=3)", says: "line 2, column 14: kernal_size:"),
        Bad(text: "input 1x8\nConv1d(1, 2, 3)\nConv1d(1, 2, 3)", says: "line 3, column 1: input:"),
        Bad(text: "input 1x8\n   Conv1d(1, 1, 3)", says: "line 2, column 4: indented by 3 spaces"),
        Bad(text: "input 1x8\n  Conv1d(1, 1, 3)", says: "line 2, column 3: indented deeper"),
        Bad(text: "input 1x8\n\tConv1d(1, 1, 3)", says: "line 2, column 1: a tab"),
        Bad(text: "input 1x8\nConv1d(1, 1,\t3)", says: "line 2, column 13: a tab"),
        Bad(text: "input 1x8\na: Conv1d(1, 1, 3)\na: ReLU()", says: "line 3, column 1: the name a is already used on line 2"),
        Bad(text: "input 1x8\nReLU_1: ReLU()\nReLU()", says: "line 3, column 1: the name ReLU_1 is already used on line 2"),
        Bad(text: "input 1x8\nx.y: ReLU()", says: "line 2, column 1: 'x.y' is not a name"),
        Bad(text: "input 1x8\na:", says: "line 2, column 3: the name a names nothing"),
        Bad(text: "input 1x8\nResidual:\nReLU()", says: "line 2, column 1: Residual: holds nothing"),
        Bad(text: "input 1x8\nResidual:\n  Conv1d(1, 2, 3, padding=1)", says: "line 2, column 1: the Residual's paths disagree in shape"),
        Bad(
            text: "input 1x8\nResidual:\n  Conv1d(1, 2, 3, padding=1)\n  shortcut:\n    Conv1d(1, 2, 1, stride=2)",
            says: "line 2, column 1: the Residual's paths disagree in shape: its block gives 2x8 but its shortcut gives 2x4"),
        Bad(text: "input 1x8\nResidual:\n  shortcut:\n    ReLU()\n  ReLU()", says: "line 5, column 3: shortcut: comes last"),
        Bad(text: "input 1x8\nResidual:\n  shortcut:\n    ReLU()", says: "line 2, column 1: Residual: holds only a shortcut"),
        Bad(text: "input 1x8\nshortcut:\n  ReLU()", says: "line 2, column 1: shortcut: belongs directly inside a Residual"),
        Bad(text: "input 1x8\nbranch:\n  ReLU()", says: "line 2, column 1: branch: belongs directly inside a Concat"),
        Bad(text: "input 1x8\nConcat:\n  ReLU()", says: "line 3, column 3: a Concat: holds only branch: blocks"),
        Bad(
            text: "input 1x8\nConcat:\n  branch:\n    ReLU()\n  branch:\n    Conv1d(1, 1, 3)",
            says: "line 2, column 1: the Concat's branches disagree in spatial extent"),
        Bad(text: "input 1x8\nResidual: ReLU()", says: "line 2, column 1: Residual is a block header"),
    ]

    @Test(arguments: bad)
    func aBadFileIsOneLineNamingItsLine(_ bad: Bad) {
        #expect {
            try Network(parsing: bad.text, name: "t")
        } throws: { error in
            guard let error = error as? ConvMatrixError else { return false }
            return error.field == "network" && error.description.contains(bad.says) && !error.description.contains("\n")
        }
    }

    @Test func aHashInsideQuotesIsNotAComment() throws {
        #expect(NetworkSourceLine.withoutComment("Conv1d(1, 1, 3, padding_mode='#') # c") == "Conv1d(1, 1, 3, padding_mode='#') ")
    }
}
