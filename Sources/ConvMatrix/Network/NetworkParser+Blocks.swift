/// The composite blocks: their shapes must agree before they are built.
extension NetworkParser {
    /// `Residual:` at `line` on `input`: y = x + F(x), or S(x) + F(x) with a
    /// `shortcut:`; F's output shape must be S's, or x's without a shortcut.
    mutating func residual(_ line: NetworkSourceLine, name written: String?, input: TensorShape, scope: inout Scope) throws(ConvMatrixError) -> NetworkResidual
    {
        let name = try claim(written, line: line, scope: &scope, unnamedKind: "Residual")
        let block = try body(of: line, named: name, context: .residual, input: input)
        guard !block.nodes.isEmpty else {
            throw .network(line: line.number, column: line.column, "\(line.text) holds only a shortcut; write F(x) above it")
        }
        let other = block.shortcut?.output ?? input
        guard block.output == other else {
            let path = block.shortcut == nil ? "x is \(input), and x + F(x) needs one shape; add a shortcut: projection" : "its shortcut gives \(other)"
            throw .network(line: line.number, column: line.column, "the Residual's paths disagree in shape: its block gives \(block.output) but \(path)")
        }
        return NetworkResidual(name: name, input: input, body: block.nodes, shortcut: block.shortcut?.nodes)
    }

    /// `Concat:` at `line` on `input`: its branches, each from x, stacked along
    /// channels, so their spatial extents must agree.
    mutating func concat(_ line: NetworkSourceLine, name written: String?, input: TensorShape, scope: inout Scope) throws(ConvMatrixError) -> NetworkConcat {
        let name = try claim(written, line: line, scope: &scope, unnamedKind: "Concat")
        let block = try body(of: line, named: name, context: .concat, input: input)
        let outputs = block.branches.map(\.output)
        if let first = outputs.first, let k = outputs.firstIndex(where: { $0.spatial != first.spatial }) {
            throw .network(
                line: line.number, column: line.column,
                "the Concat's branches disagree in spatial extent: \(block.branches[0].name) gives \(first) but \(block.branches[k].name) gives \(outputs[k]); channels stack only on equal extents"
            )
        }
        return NetworkConcat(name: name, input: input, branches: block.branches)
    }
}
