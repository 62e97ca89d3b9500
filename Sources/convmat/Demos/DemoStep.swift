/// One titled step of a teaching demo: a short explanation in the slides'
/// notation, then what the library computed for it.
struct DemoStep {
    let title: String
    /// Two or three sentences; the numbers are in `body`, computed at run time.
    let explanation: String
    let body: String
}

/// A demo: a title and its steps, computed from a seed.
protocol TeachingDemo {
    var title: String { get }
    func steps() throws -> [DemoStep]
}

/// How a demo's steps are printed: all at once, or one at a time on a terminal
/// (`--step`: Enter for the next step, q to quit).
struct DemoPrinter {
    /// ANSI bold for titles on a terminal (NO_COLOR respected).
    let colour: Bool
    /// Explanations wrap at this many columns.
    var width = 80

    /// The title, underlined.
    func heading(_ title: String) -> String {
        bold(title) + "\n" + String(repeating: "═", count: title.count) + "\n"
    }

    /// `Step 2 of 4 · Wᵀ`, its explanation, a blank line and the body.
    func text(of step: DemoStep, number: Int, of count: Int) -> String {
        let title = "Step \(number) of \(count) · \(step.title)"
        return "\n" + bold(title) + "\n" + String(repeating: "─", count: title.count) + "\n"
            + wrapped(step.explanation) + "\n\n" + step.body
    }

    /// Everything, for pipes, files and tests.
    func all(_ demo: TeachingDemo) throws -> String {
        let steps = try demo.steps()
        return heading(demo.title) + steps.enumerated().map { text(of: $1, number: $0 + 1, of: steps.count) }.joined()
    }

    /// Words filled into lines of at most `width` characters.
    func wrapped(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    private func bold(_ text: String) -> String {
        colour ? "\u{1b}[1m" + text + "\u{1b}[0m" : text
    }
}
