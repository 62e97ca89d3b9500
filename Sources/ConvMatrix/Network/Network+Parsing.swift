extension Network {
    /// The network a network file writes (docs/networks.md).
    ///
    /// - Parameters:
    ///   - text: the file's text.
    ///   - name: what to call it (the shipped name, or the path).
    ///   - input: a shape that replaces the file's `input` line, where the layers allow it.
    /// - Throws: ``ConvMatrixError`` on field `network`, its reason starting with
    ///   `line L, column C:` for a fault on a line: no input line, bad indentation
    ///   or a tab, an unknown layer or a bad spec, shapes that do not chain, a
    ///   duplicate name, a block whose paths disagree in shape.
    public init(parsing text: String, name: String, input override: TensorShape? = nil) throws(ConvMatrixError) {
        let lines = try NetworkSourceLine.lines(of: text)
        guard let first = lines.first else {
            throw .network("the file is empty; its first line is the input shape, e.g. 'input 1x16x16', then one layer a line")
        }
        let written = try Self.inputShape(first)
        let input = override ?? written
        var parser = NetworkParser(lines: lines, next: 1)
        guard lines.count > 1 else {
            throw .network(line: first.number, column: first.column, "the network has no layers; write one layer a line after the input line")
        }
        var scope = NetworkParser.Scope(prefix: "")
        let block = try parser.block(level: 0, context: .sequence, input: input, scope: &scope)
        self.init(name: name, input: input, nodes: block.nodes)
    }

    /// The shape on the input line `line`: `input 1x16x16`.
    private static func inputShape(_ line: NetworkSourceLine) throws(ConvMatrixError) -> TensorShape {
        let words = line.text.split(separator: " ", omittingEmptySubsequences: true)
        guard line.level == 0, words.first == "input" else {
            throw .network(
                line: line.number, column: line.column, "the first line is the input shape, e.g. 'input 1x16x16', not \(EchoedText.quoted(line.text))")
        }
        guard words.count == 2 else {
            throw .network(line: line.number, column: line.column, "write the input line as 'input SHAPE', e.g. 'input 1x16x16'")
        }
        do {
            return try TensorShape(parsing: String(words[1]))
        } catch {
            let column = line.column + line.text.distance(from: line.text.startIndex, to: words[1].startIndex)
            throw .network(line: line.number, column: column, "\(error.field): \(error.reason)")
        }
    }
}
