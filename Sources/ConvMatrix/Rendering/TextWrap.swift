/// Prose lines broken at spaces to fit a terminal's width.
///
/// Only sentences come here, never a table's aligned rows (a grid cut in two
/// would no longer line up). A long line breaks, where it can, after a clause
/// (`,` `;` `:` `.`) that fills most of the line; else at the last space that
/// fits; and inside parentheses (a spec's arguments) or before a number only
/// when nothing else fits. A space beside an operator (`12 × 4`, `a + b`, `x → y`) never breaks.
/// Continuation lines are indented by ``continuationIndent`` spaces:
///
///     Wᵀ is 1,200 × 784: 940,800 entries, 120,000 structural nonzeros,
///       1,200 weight + 12 bias parameters
///
/// A word wider than the line stays whole on a line of its own.
public enum TextWrap {
    /// Spaces before each continuation line.
    public static let continuationIndent = 2

    /// Tokens a break never separates from their neighbours.
    static let operators: Set<String> = ["×", "+", "=", "·", "→", "−", "-", "<", "≤", "≥", "–", "≈", "|"]

    /// A clause must fill this fraction of the line for a break after it to be preferred.
    static let clauseFill = 0.5

    /// `line` as lines of at most `width` characters; `[line]` when it fits or
    /// `width` is nil. Leading spaces are kept on every line.
    public static func lines(_ line: String, width: Int?) -> [String] {
        guard let width, line.count > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let words = line.split(separator: " ").map(String.init)
        let priorities = breakPriorities(words)
        var lines: [String] = []
        var start = 0
        var prefix = indent
        while start < words.count {
            let end = lineEnd(words, from: start, room: width - prefix.count, priorities: priorities)
            lines.append(prefix + words[start..<end].joined(separator: " "))
            start = end
            prefix = indent + String(repeating: " ", count: continuationIndent)
        }
        return lines
    }

    /// Every line of `text` wrapped to `width`; a final newline stays.
    public static func text(_ text: String, width: Int?) -> String {
        guard width != nil else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { lines(String($0), width: width) }.joined(separator: "\n")
    }

    /// How good a break before `words[b]` is, for b in 1..<words.count: nil where a
    /// break is not allowed (beside an operator); 2 after a clause; 0 inside
    /// parentheses or before a number (`input 1x4`, `than 80`), which keep their word;
    /// 1 elsewhere. Index 0 is unused.
    static func breakPriorities(_ words: [String]) -> [Int?] {
        var priorities: [Int?] = [nil]
        var depth = 0
        for b in words.indices.dropFirst() {
            let previous = words[b - 1]
            for character in previous {
                if "([{".contains(character) { depth += 1 }
                if ")]}".contains(character) { depth = max(0, depth - 1) }
            }
            if operators.contains(previous) || operators.contains(words[b]) {
                priorities.append(nil)
            } else if previous.last.map({ ",;:.".contains($0) }) == true, depth == 0 {
                priorities.append(2)
            } else if depth > 0 || words[b].first?.isNumber == true {
                priorities.append(0)
            } else {
                priorities.append(1)
            }
        }
        return priorities
    }

    /// The end (exclusive) of the line that starts at `words[start]` in `room` characters.
    ///
    /// L(e), the width of words[start..<e] joined by spaces, grows with e; of the
    /// allowed breaks with L(e) ≤ room it takes the last clause break that fills
    /// ``clauseFill`` of the room, else the last ordinary break, else the last
    /// discouraged one (priority 0). With none, the line overflows to the first allowed break.
    static func lineEnd(_ words: [String], from start: Int, room: Int, priorities: [Int?]) -> Int {
        var width = -1
        var clause: Int? = nil
        var outside: Int? = nil
        var inside: Int? = nil
        for e in (start + 1)...words.count {
            width += words[e - 1].count + 1
            if width > room { break }
            if e == words.count { return e }
            guard let priority = priorities[e] else { continue }
            if priority == 2, Double(width) >= clauseFill * Double(room) { clause = e }
            if priority >= 1 { outside = e } else { inside = e }
        }
        if let end = clause ?? outside ?? inside { return end }
        return ((start + 1)..<words.count).first { priorities[$0] != nil } ?? words.count
    }
}
