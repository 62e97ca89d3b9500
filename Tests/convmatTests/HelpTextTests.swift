import Testing

/// --help texts, pinned: a reviewer read them once; any change shows up here.
@Suite struct HelpTextTests {
    @Test(arguments: [["--help"], ["show", "--help"], ["check", "--help"], ["spectrum", "--help"], ["invert", "--help"], ["demo", "--help"]])
    func helpIsPinned(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        let name = "help-" + (arguments.count == 1 ? "convmat" : arguments[0]) + ".txt"
        #expect(result.stdout == (try CLI.golden(name, actual: result.stdout)))
    }
}
