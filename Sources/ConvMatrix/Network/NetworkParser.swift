/// Reads a network file into a ``Network``: the input line, then the layers and
/// blocks, each built on the shape before it (docs/networks.md has the grammar).
///
///     file     = input-line node*
///     input    = "input" " "+ shape                       (the first line that holds something)
///     node     = [name ":"] spec                          a layer
///              | [name ":"] "Residual:" block [shortcut]  y = x + F(x), or S(x) + F(x)
///              | [name ":"] "Concat:" branch+             y = [B_1(x); …; B_m(x)]
///     shortcut = "shortcut:" block                        the last item of a Residual
///     branch   = [name ":"] "branch:" block
///     block    = node+, each indented 2 spaces deeper than its header
///
/// Unnamed layers are KIND_k, k counted from 1 per kind within their block;
/// unnamed blocks Residual_k, Concat_k, branch_k; a nested name is
/// `block.layer`. Every fault names its line and column.
struct NetworkParser {
    let lines: [NetworkSourceLine]
    var next = 0
    /// Full names already given, with the line that gave them.
    var used: [String: Int] = [:]

    /// Where an item sits: what the block around it allows.
    enum Context {
        case sequence, residual, concat
    }

    /// The names given so far within one block, and its prefix.
    struct Scope {
        let prefix: String
        var counts: [String: Int] = [:]

        /// The local name of the next unnamed `kind`: KIND_k.
        mutating func unnamed(_ kind: String) -> String {
            let k = (counts[kind] ?? 0) + 1
            counts[kind] = k
            return "\(kind)_\(k)"
        }
    }

    /// What one block's lines give: its nodes, its shape, and a Residual's shortcut.
    struct Block {
        var nodes: [NetworkNode] = []
        var output: TensorShape
        var shortcut: (nodes: [NetworkNode], output: TensorShape)? = nil
        var branches: [NetworkBranch] = []
    }

    /// The lines of one block at `level`, read from `input` on.
    mutating func block(level: Int, context: Context, input: TensorShape, scope: inout Scope) throws(ConvMatrixError) -> Block {
        var block = Block(output: input)
        while next < lines.count, lines[next].level >= level {
            let line = lines[next]
            guard line.level == level else {
                throw .network(line: line.number, column: line.column, "indented deeper than the block it is in; a block follows a line that ends in ':'")
            }
            if block.shortcut != nil {
                throw .network(line: line.number, column: line.column, "shortcut: comes last in a Residual: block; move this line above it")
            }
            next += 1
            try item(line, context: context, input: input, scope: &scope, into: &block)
        }
        return block
    }

    /// Adds `line`'s item to `block`.
    private mutating func item(
        _ line: NetworkSourceLine, context: Context, input: TensorShape, scope: inout Scope, into block: inout Block
    ) throws(ConvMatrixError) {
        let item = try NetworkItem(line)
        if let name = item.name, NetworkItem.Header(rawValue: name) != nil {
            throw .network(line: line.number, column: line.column, "\(name) is a block header, not a name; write '\(name):' alone on its line")
        }
        if context == .concat, item.content != .header(.branch) {
            throw .network(line: line.number, column: line.column, "a Concat: holds only branch: blocks, each indented 2 spaces deeper")
        }
        switch item.content {
        case .layer(let spec, let column):
            let layer = try self.layer(spec, column: column, line: line, input: block.output)
            let name = try claim(item.name, line: line, scope: &scope, unnamedKind: layer.kind)
            block.nodes.append(.layer(NetworkLayer(name: name, spec: spec, layer: layer, line: line.number)))
            block.output = layer.output
        case .header(.residual):
            let residual = try self.residual(line, name: item.name, input: block.output, scope: &scope)
            block.nodes.append(.residual(residual))
            block.output = residual.output
        case .header(.concat):
            let concat = try self.concat(line, name: item.name, input: block.output, scope: &scope)
            block.nodes.append(.concat(concat))
            block.output = concat.output
        case .header(.branch):
            guard context == .concat else {
                throw .network(line: line.number, column: line.column, "branch: belongs directly inside a Concat: block")
            }
            let name = try claim(item.name, line: line, scope: &scope, unnamedKind: "branch")
            let branch = try body(of: line, named: name, context: .sequence, input: input)
            block.branches.append(NetworkBranch(name: name, input: input, nodes: branch.nodes))
        case .header(.shortcut):
            guard context == .residual else {
                throw .network(line: line.number, column: line.column, "shortcut: belongs directly inside a Residual: block, as its last item")
            }
            if let name = item.name {
                throw .network(line: line.number, column: line.column, "a shortcut is named 'shortcut', not \(EchoedText.quoted(name))")
            }
            let name = try claim("shortcut", line: line, scope: &scope, unnamedKind: "shortcut")
            let shortcut = try body(of: line, named: name, context: .sequence, input: input)
            block.shortcut = (shortcut.nodes, shortcut.output)
        }
    }

    /// The layer `spec` on `input`; its faults are placed at their column.
    private func layer(_ spec: String, column: Int, line: NetworkSourceLine, input: TensorShape) throws(ConvMatrixError) -> any Layer {
        do {
            return try LayerRegistry.layer(parsing: spec, input: input)
        } catch {
            throw .network(line: line.number, column: column + (error.offset ?? 0), "\(error.field): \(error.reason)")
        }
    }

    /// The full name of an item: `written`, or the next unnamed one of `unnamedKind`,
    /// behind the scope's prefix.
    mutating func claim(_ written: String?, line: NetworkSourceLine, scope: inout Scope, unnamedKind: String) throws(ConvMatrixError) -> String {
        let local = written ?? scope.unnamed(unnamedKind)
        let full = scope.prefix + local
        if let first = used[full] {
            throw .network(line: line.number, column: line.column, "the name \(full) is already used on line \(first); names are unique")
        }
        used[full] = line.number
        return full
    }

    /// The block under header `line`, which it must have.
    mutating func body(of line: NetworkSourceLine, named name: String, context: Context, input: TensorShape) throws(ConvMatrixError) -> Block {
        guard next < lines.count, lines[next].level > line.level else {
            throw .network(line: line.number, column: line.column, "\(line.text) holds nothing; indent its block by 2 more spaces on the lines below")
        }
        var inner = Scope(prefix: name + ".")
        return try block(level: line.level + 1, context: context, input: input, scope: &inner)
    }
}
