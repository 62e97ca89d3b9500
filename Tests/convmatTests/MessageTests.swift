import ArgumentParser
import ConvMatrix
import Testing

@testable import convmat

/// The parts of a message a terminal user sees that the CLI tests cannot: which
/// argument the caret is drawn under, how user text is escaped, which command
/// a typo is closest to, how ArgumentParser's choices are read.
@Suite struct MessageTests {
    @Test(arguments: [
        ["show", "Conv1d(1, 1, 3)", "--input", "1x8", "--output", "/tmp/Conv.json"],
        ["show", "--output", "/tmp/Conv.json", "Conv1d(1, 1, 3)", "--input", "1x8"],
        ["spectrum", "--weight", "Conv.npy", "Conv1d(1, 1, 3)", "--input", "1x8"],
        ["invert", "--x", "Conv1d.npy", "Conv1d(1, 1, 3)", "--input", "1x8"],
        ["check", "--format", "json", "Conv1d(1, 1, 3)", "--input", "1x8"],
    ])
    func caretIsUnderTheParsedSpec(arguments: [String]) throws {
        let command = try ConvMat.parseAsRoot(arguments)
        #expect(SpecCaret.spec(of: command) == "Conv1d(1, 1, 3)")
    }

    @Test func commandsWithoutASpecHaveNoCaret() throws {
        #expect(SpecCaret.spec(of: try ConvMat.parseAsRoot(["demo", "slide"])) == nil)
        #expect(SpecCaret.spec(of: try ConvMat.parseAsRoot(["check", "--random", "2"])) == nil)
    }

    /// The caret column counts the escaped characters before the fault.
    @Test func caretColumnFollowsTheEscapedSpec() {
        let spec = "Conv1d(1,\r\u{1b}1, 5)"
        let offset = Array(spec).firstIndex(of: "5")!
        let line = SpecCaret.line(spec, offset: offset)
        #expect(line.text == "Conv1d(1,\\r\\x1b1, 5)")
        #expect(Array(line.text)[line.column] == "5")
        #expect(SpecCaret.line("Conv1d(1, 1, 5)", offset: 13).column == 13)
    }

    @Test func echoedTextEscapesWhatATerminalWouldObey() {
        #expect(EchoedText.escaped("a\rb\u{1b}[2J\u{7f}\u{85}\u{2028}\u{2029}\u{202e}\t\n") == "a\\rb\\x1b[2J\\x7f\\x85\\u2028\\u2029\\u202e\\t\\n")
        #expect(EchoedText.escaped("λ ≥ 0, é, Wᵀ") == "λ ≥ 0, é, Wᵀ")
        #expect(EchoedText.quoted("x\u{0}") == "'x\\x00'")
        let hostile = "p\u{1b}]0;title\u{7}\r\n"
        #expect(EchoedText.escaped(EchoedText.escaped(hostile)) == EchoedText.escaped(hostile))
    }

    @Test func libraryErrorsAreEscapedWhereverTheTextCameFrom() {
        let error = ConvMatrixError(.file, field: "/tmp/a\rb.npy", reason: "cannot read 'x\u{2028}'")
        #expect(error.description == "/tmp/a\\rb.npy: cannot read 'x\\u2028'")
    }

    @Test(arguments: [
        ("sho", "show", 1), ("sohw", "show", 1), ("chekc", "check", 1), ("spectra", "spectrum", 2),
        ("kitten", "sitting", 3), ("", "demo", 4), ("invert", "invert", 0),
    ])
    func editDistanceCountsSwapsAsOneEdit(a: String, b: String, distance: Int) {
        #expect(CommandNames.editDistance(a, b) == distance)
        #expect(CommandNames.editDistance(b, a) == distance)
    }

    @Test func closestCommandIsSuggestedOnlyWhenClose() {
        #expect(CommandNames.closest(to: "SHOW") == "show")
        #expect(CommandNames.closest(to: "inverse") == "invert")
        #expect(CommandNames.closest(to: "Conv1d(1, 1, 3)") == nil)
        #expect(CommandNames.closest(to: "bogus") == nil)
    }

    @Test func choicesAreReadInBothOfArgumentParsersForms() {
        #expect(ArgumentErrors.listedChoices(". Please provide one of 'slide' and 'border-modes'.") == ["slide", "border-modes"])
        #expect(ArgumentErrors.listedChoices(". Please provide one of 'a', 'b' or 'c'.") == ["a", "b", "c"])
        #expect(ArgumentErrors.listedChoices(". Please provide one of the following:\n  - text\n  - json") == ["text", "json"])
        #expect(ArgumentErrors.listedChoices(": not a size").isEmpty)
    }

    /// A short option that could be a composite: the field and name from the first line only.
    @Test func compositeUnknownOptionIsOneOption() {
        let message = "Unknown option '-ab'\n   or: Missing value for '-a <a>' in '-ab'"
        #expect(ArgumentErrors.translate(message, command: "show").description == "option: '-ab' is not an option of show")
        let newline = "Unknown option '--bo\ngus'. Did you mean '--bias'?"
        #expect(ArgumentErrors.translate(newline, command: "show").description == "option: '--bo\\ngus' is not an option of show; did you mean '--bias'?")
    }

    /// Whatever ArgumentParser says that is not one of the known kinds still gets a field.
    @Test func unknownParserMessagesStillHaveAField() {
        #expect(ArgumentErrors.translate("Something new\nsecond line", command: "show").description == "argument: Something new")
    }
}
