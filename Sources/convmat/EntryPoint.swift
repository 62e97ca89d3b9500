import ArgumentParser
import ConvMatrix
import Foundation

/// Maps every outcome, ArgumentParser's own errors included, to one exit-code scheme
/// and one line on stderr, `convmat: error: FIELD: REASON`, with whatever the user
/// wrote escaped (``EchoedText``).
enum EntryPoint {
    static let success: Int32 = 0
    static let checkFailed: Int32 = 1
    static let badInput: Int32 = 2

    static func run(_ arguments: [String]) -> Int32 {
        let command: any ParsableCommand
        do {
            try RawArguments.requireUTF8()
            try CommandNames.requireKnown(arguments)
            command = try ConvMat.parseAsRoot(arguments)
        } catch {
            return report(argumentParserError: error, arguments: arguments)
        }
        return run(command, arguments: arguments)
    }

    private static func run(_ parsed: any ParsableCommand, arguments: [String]) -> Int32 {
        var command = parsed
        do {
            try command.run()
            return success
        } catch let error as ConvMatrixError {
            printError(error.description)
            if let offset = error.offset, let spec = SpecCaret.spec(of: parsed), Terminal.stderrIsTerminal {
                let line = SpecCaret.line(spec, offset: offset)
                Terminal.printCaret(under: line.column, in: line.text)
            }
            return badInput
        } catch let failure as CheckFailure {
            Terminal.printError(EchoedText.escaped(failure.message), prefix: "convmat: check failed: ")
            return checkFailed
        } catch {
            return report(argumentParserError: error, arguments: arguments)
        }
    }

    /// --help and --version exit 0 with their text on stdout; every other parser error is bad input.
    private static func report(argumentParserError error: any Error, arguments: [String]) -> Int32 {
        if let own = error as? OptionError {
            printError(own.description)
            return badInput
        }
        let code = ConvMat.exitCode(for: error)
        if code == .success {
            Terminal.write(ConvMat.fullMessage(for: error) + "\n")
            return success
        }
        printError(ArgumentErrors.optionError(for: error, arguments: arguments).description)
        return badInput
    }

    private static func printError(_ message: String) {
        Terminal.printError(EchoedText.escaped(message))
    }
}

/// A check that ran and failed: exit status 1.
struct CheckFailure: Error {
    let message: String
}
