/// A small SVG writer: elements are appended as text, and the `<svg>` element
/// with its size is written around them at the end, once the size is known.
///
///     var document = SvgDocument()
///     document.text("Wᵀ", x: 10, y: 20)
///     document.finished(width: 100, height: 40)
///     // <svg xmlns="http://www.w3.org/2000/svg" width="100" height="40" viewBox="0 0 100 40" …>
///
/// Coordinates are whole pixels, so every number is written as an integer.
/// Text is escaped for XML; nothing here knows about matrices.
struct SvgDocument {
    /// The font size of ordinary text, in pixels.
    static let fontSize = 12
    /// Definitions (patterns, gradients) by id, written once in `<defs>`.
    private var definitions: [(id: String, element: String)] = []
    private var body: [String] = []

    /// Appends raw markup; the caller has escaped its text.
    mutating func append(_ markup: String) {
        body.append(markup)
    }

    /// Adds a definition unless one with the same id is already there.
    mutating func define(id: String, _ element: String) {
        if !definitions.contains(where: { $0.id == id }) { definitions.append((id, element)) }
    }

    /// A text element. `markup` is escaped unless `escaped` says it already is
    /// (for text with `<tspan>` children).
    mutating func text(
        _ content: String, x: Int, y: Int, anchor: Anchor = .start, size: Int? = nil,
        bold: Bool = false, escaped: Bool = false
    ) {
        var attributes = "x=\"\(x)\" y=\"\(y)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if let size { attributes += " font-size=\"\(size)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        body.append("<text \(attributes)>\(escaped ? content : Self.escaped(content))</text>")
    }

    /// A filled rectangle; `stroke` draws its outline too.
    mutating func rect(x: Int, y: Int, width: Int, height: Int, fill: String, stroke: String? = nil) {
        var markup = "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\""
        if let stroke { markup += " stroke=\"\(stroke)\"" }
        body.append(markup + "/>")
    }

    /// The whole document.
    func finished(width: Int, height: Int) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans, Verdana, sans-serif\" "
                + "font-size=\"\(Self.fontSize)\">",
        ]
        if !definitions.isEmpty {
            lines.append("<defs>" + definitions.map(\.element).joined() + "</defs>")
        }
        lines.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where a text's x lies: at its start, middle or end.
    enum Anchor: String {
        case start, middle, end
    }

    /// `text` with &, <, >, " and ' replaced by entities, safe in content and attributes.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A rough width of `text` in pixels at `size`: 0.58 em a character, a little
    /// more than DejaVu Sans needs, so that the picture is wide enough for its words.
    static func estimatedWidth(_ text: String, size: Int = fontSize) -> Int {
        (text.count * size * 58 + 99) / 100
    }

    /// `v` followed by subscript indices, as a `<text>` body: v<tspan …>11</tspan>.
    static func subscripted(_ base: String, _ index: String, size: Int = fontSize) -> String {
        let small = size * 3 / 4
        return escaped(base) + "<tspan baseline-shift=\"sub\" font-size=\"\(small)\">\(escaped(index))</tspan>"
    }

    /// A superscript as a `<tspan>`, to follow other text.
    static func superscripted(_ index: String, size: Int = fontSize) -> String {
        "<tspan baseline-shift=\"super\" font-size=\"\(size * 3 / 4)\">\(escaped(index))</tspan>"
    }
}
