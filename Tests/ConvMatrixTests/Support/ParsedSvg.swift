import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG read back with Foundation's XML parser, the independent judge of
/// well-formedness: every element in document order, with its attributes, its
/// text (tspans included) and the classes of the `<g>` elements around it.
struct ParsedSvg {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// Classes of the enclosing `<g>` elements, outermost first.
        let groups: [String]
        var text = ""

        func integer(_ key: String) -> Int? { attributes[key].flatMap { Int($0) } }
    }

    struct NotXML: Error, CustomStringConvertible {
        let description: String
    }

    let elements: [Element]

    init(_ svg: String) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw NotXML(
                description: "not XML at line \(parser.lineNumber), column \(parser.columnNumber): "
                    + (parser.parserError.map { "\($0)" } ?? "unknown error"))
        }
        elements = collector.elements
    }

    /// The `<svg>` element.
    var root: Element? { elements.first { $0.name == "svg" } }

    /// Elements named `name`, inside a `<g class="group">` when `group` is given.
    func elements(_ name: String, in group: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (group.map($0.groups.contains) ?? true) }
    }

    /// All text, one string per `<text>` element.
    var texts: [String] { elements("text").map(\.text) }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [(index: Int, group: String?)] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let groups = open.compactMap(\.group)
            elements.append(Element(name: name, attributes: attributes, groups: groups))
            open.append((elements.count - 1, name == "g" ? attributes["class"] ?? "" : nil))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for (index, _) in open { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}

/// The drawn cells of one matrix panel, read back from the `<path>` runs of
/// its `<g class="cells">` and located by its frame: fills[row][column] is the
/// cell's fill, nil for white.
struct SvgCellGrid {
    let fills: [[String?]]
    let pixel: Int

    /// Panel `panel` (0-based, in document order), drawn in rows × columns cells.
    init(_ svg: ParsedSvg, panel: Int = 0, rows: Int, columns: Int) throws {
        let frames = svg.elements.filter { $0.attributes["class"] == "frame" }
        guard panel < frames.count else { throw ParsedSvg.NotXML(description: "no frame for panel \(panel)") }
        let frame = frames[panel]
        let left = frame.integer("x") ?? 0, top = frame.integer("y") ?? 0
        pixel = (frame.integer("width") ?? 0) / columns
        guard pixel > 0, frame.integer("width") == columns * pixel, frame.integer("height") == rows * pixel else {
            throw ParsedSvg.NotXML(description: "frame \(frame.attributes) is not \(rows) × \(columns) square cells")
        }
        var fills = Array(repeating: Array(repeating: String?.none, count: columns), count: rows)
        let run = try Regex("M([0-9]+) ([0-9]+)h([0-9]+)v([0-9]+)h-([0-9]+)z")
        for path in Self.paths(svg, panel: panel) {
            let d = path.attributes["d"] ?? ""
            let matches = d.matches(of: run)
            guard matches.count == d.filter({ $0 == "M" }).count else {
                throw ParsedSvg.NotXML(description: "a run in \(d.prefix(80)) is not a rectangle")
            }
            for match in matches {
                let n = (1...4).map { Int(match.output[$0].substring ?? "") ?? -1 }
                guard n[3] == pixel, n[2] % pixel == 0, (n[0] - left) % pixel == 0, (n[1] - top) % pixel == 0 else {
                    throw ParsedSvg.NotXML(description: "run \(n) is not whole cells of \(pixel) pixels")
                }
                let row = (n[1] - top) / pixel
                for column in ((n[0] - left) / pixel)..<((n[0] - left + n[2]) / pixel) {
                    guard fills[row][column] == nil else {
                        throw ParsedSvg.NotXML(description: "cell (\(row), \(column)) drawn twice")
                    }
                    fills[row][column] = path.attributes["fill"]
                }
            }
        }
        self.fills = fills
    }

    /// The `<path>` elements of the k-th `<g class="cells">`.
    private static func paths(_ svg: ParsedSvg, panel: Int) -> [ParsedSvg.Element] {
        var seen = -1
        var result: [ParsedSvg.Element] = []
        for element in svg.elements {
            if element.name == "g", element.attributes["class"] == "cells" { seen += 1; continue }
            if seen == panel, element.name == "path", element.groups.last == "cells" { result.append(element) }
        }
        return result
    }
}
