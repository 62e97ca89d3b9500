import Testing

/// Demos draw their matrices as `show` does: a 256-colour hue per block on a
/// terminal, nothing but bold titles under NO_COLOR, plain text in a pipe.
@Suite struct DemoColourTests {
    @Test func matricesAreColouredOnATerminalOnly() throws {
        let coloured = try ProgressLineTests.onTerminal("demo slide", noColour: false)
        #expect(coloured.status == 0)
        #expect(coloured.text.contains("\u{1b}[38;5;"), "a block's foreground colour")
        let plain = try ProgressLineTests.onTerminal("demo slide", noColour: true)
        #expect(plain.status == 0 && !plain.text.contains("\u{1b}["))
        #expect(!(try CLI.run(["demo", "slide"]).stdout.contains("\u{1b}[")))
    }
}
