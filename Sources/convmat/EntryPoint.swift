import ArgumentParser
import ConvMatrix
import Foundation

/// Maps every outcome, ArgumentParser's own errors included, to one exit-code scheme
/// and one line on stderr.
enum EntryPoint {
    static let success: Int32 = 0
    static let checkFailed: Int32 = 1
    static let badInput: Int32 = 2

    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try ConvMat.parseAsRoot(arguments)
            try command.run()
            return success
        } catch let error as ConvMatrixError {
            Terminal.printError(error.description)
            if let offset = error.offset, let spec = arguments.first(where: { $0.contains("Conv") }), Terminal.stderrIsTerminal {
                Terminal.printCaret(under: offset, in: spec)
            }
            return badInput
        } catch let failure as CheckFailure {
            Terminal.printError(failure.message, prefix: "convmat: check failed: ")
            return checkFailed
        } catch {
            return report(argumentParserError: error)
        }
    }

    /// --help and --version exit 0 with their text on stdout; every other parser error is bad input.
    private static func report(argumentParserError error: any Error) -> Int32 {
        let code = ConvMat.exitCode(for: error)
        if code == .success {
            Terminal.write(ConvMat.fullMessage(for: error) + "\n")
            return success
        }
        let message =
            ConvMat.message(for: error)
            .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
        Terminal.printError(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
        return badInput
    }
}

/// A check that ran and failed: exit status 1.
struct CheckFailure: Error {
    let message: String
}
