extension ConvolutionSpec {
    /// Parses a layer written as in `torch.nn`, and validates it.
    ///
    /// The layer is `Conv1d`, `Conv2d` or `Conv3d`, optionally prefixed `nn.` or
    /// `torch.nn.`, called with torch's arguments in torch's positional order
    /// (in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
    /// bias, padding_mode) or by keyword, plus the keyword-only extension
    /// `padding_value=` for `padding_mode='constant'`. Per-dimension arguments take an
    /// int or a tuple with one entry per spatial dimension; `padding` also takes
    /// `'valid'`, `'same'`, `'full'`, or one (before, after) pair per dimension in
    /// numpy's `pad_width` order.
    ///
    ///     let spec = try ConvolutionSpec(parsing: "nn.Conv2d(4, 12, kernel_size=5, stride=2, padding=2)")
    ///     spec.canonical  // "Conv2d(4, 12, kernel_size=5, stride=2, padding=2)"
    ///     try ConvolutionSpec(parsing: "Conv1d(1, 1, 3, padding=((2, 1),))").padding
    ///     // .asymmetric([SidePadding(before: 2, after: 1)])
    ///
    /// - Parameter text: The spec, e.g. `Conv1d(2, 3, kernel_size=3, bias=False)`.
    /// - Throws: ``ConvMatrixError`` of kind `.spec` whose `field` is the keyword at
    ///   fault (`kernel_size`, a misspelt `kernal_size`, …), `layer` for an unknown
    ///   layer, or `spec` for a syntax error; its `offset` is the 0-based position of
    ///   the offending token in `text`.
    public init(parsing text: String) throws(ConvMatrixError) {
        let call = try SpecParser.call(text)
        guard call.name.hasPrefix("Conv"), !call.name.hasPrefix("ConvTranspose") else {
            throw .spec("layer", "\(call.name) is not a convolution; use Conv1d, Conv2d or Conv3d", offset: call.layerOffset)
        }
        self = try SpecBuilder.spec(from: call)
    }
}

/// Reads the tokens of a spec into a ``SpecCall``: the grammar, and nothing of
/// what the arguments mean.
///
///     call     = layer "(" [argument ("," argument)* [","]] ")" end
///     layer    = name ("." name)*
///     argument = name "=" value | value
///     value    = ["-" | "+"] number | string | name | "(" [value ("," value)* [","]] ")"
///              | "[" [value ("," value)* [","]] "]"
///
/// As in Python, `(3)` is the value 3 and `(3,)` a tuple of one; `[3]` is a list of one.
///
///     var parser = SpecParser(tokens: try SpecLexer.tokens(in: "Conv1d(1, 1, k=(3,))"))
///     try parser.call().arguments.last?.value.shown  // "a tuple of 1"
struct SpecParser {
    /// The call written in `text`.
    static func call(_ text: String) throws(ConvMatrixError) -> SpecCall {
        var parser = SpecParser(tokens: try SpecLexer.tokens(in: text))
        return try parser.call()
    }

    private let tokens: [SpecToken]
    private var index = 0
    /// Deeper tuples than this are refused, so that no input can exhaust the stack.
    private static let maximumNesting = 16

    init(tokens: [SpecToken]) {
        self.tokens = tokens.isEmpty ? [SpecToken(kind: .end, offset: 0)] : tokens
    }

    /// Parses the whole spec; anything after the closing `)` is an error.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`: field `layer` for a layer that
    ///   is not `Conv1d/2d/3d`, field `spec` for a syntax error.
    mutating func call() throws(ConvMatrixError) -> SpecCall {
        if current.kind == .end {
            throw .spec("spec", "the spec is empty; write a layer such as Conv2d(1, 1, 3)", offset: current.offset)
        }
        let layerOffset = current.offset
        let (name, dimensions) = try SpecLayerName.resolve(try layerName(), offset: layerOffset)
        try expect(.leftParenthesis, "'(' after the layer name")
        var arguments: [SpecArgument] = []
        while current.kind != .rightParenthesis {
            arguments.append(try argument())
            guard current.kind == .comma else { break }
            advance()
        }
        let closingOffset = current.offset
        try expect(.rightParenthesis, "',' or ')' after the arguments")
        guard current.kind == .end else {
            let column = current.offset + 1
            throw .spec("spec", "unexpected \(current.shown) at column \(column) after the closing ')'", offset: current.offset)
        }
        return SpecCall(
            name: name, spatialDimensions: dimensions, layerOffset: layerOffset, arguments: arguments, closingOffset: closingOffset)
    }

    /// `Conv2d`, `nn.Conv2d`, `torch.nn.Conv2d`, … as its dot-separated parts.
    private mutating func layerName() throws(ConvMatrixError) -> [String] {
        var parts = [try name(expecting: "a layer such as Conv2d")]
        while current.kind == .dot {
            advance()
            parts.append(try name(expecting: "a name after '.'"))
        }
        return parts
    }

    private mutating func name(expecting what: String) throws(ConvMatrixError) -> String {
        guard case .name(let text) = current.kind else { throw unexpected(expecting: what) }
        advance()
        return text
    }

    /// `keyword=value` or a positional `value`.
    private mutating func argument() throws(ConvMatrixError) -> SpecArgument {
        let start = current
        if case .name(let keyword) = start.kind, peek.kind == .equals {
            advance()
            advance()
            return SpecArgument(keyword: keyword, value: try value(depth: 0), offset: start.offset)
        }
        return SpecArgument(keyword: nil, value: try value(depth: 0), offset: start.offset)
    }

    private mutating func value(depth: Int) throws(ConvMatrixError) -> SpecValue {
        let start = current
        switch start.kind {
        case .number(let text):
            advance()
            return SpecValue(kind: .number(text), offset: start.offset)
        case .minus, .plus:
            advance()
            guard case .number(let text) = current.kind else { throw unexpected(expecting: "a number after \(start.shown)") }
            advance()
            return SpecValue(kind: .number((start.kind == .minus ? "-" : "") + text), offset: start.offset)
        case .string(let text):
            advance()
            return SpecValue(kind: .string(text), offset: start.offset)
        case .name(let text):
            advance()
            return SpecValue(kind: .name(text), offset: start.offset)
        case .leftParenthesis:
            return try parenthesized(depth: depth + 1)
        case .leftBracket:
            return try bracketed(depth: depth + 1)
        default:
            throw unexpected(expecting: "a value")
        }
    }

    /// `(a, b)`, `(a,)` and `()` are tuples; `(a)` is just `a`, as in Python.
    private mutating func parenthesized(depth: Int) throws(ConvMatrixError) -> SpecValue {
        let open = current.offset
        guard depth <= Self.maximumNesting else {
            throw .spec("spec", "tuples nested more than \(Self.maximumNesting) deep at column \(open + 1)", offset: open)
        }
        advance()
        var elements: [SpecValue] = []
        var sawComma = false
        while current.kind != .rightParenthesis {
            elements.append(try value(depth: depth))
            guard current.kind == .comma else { break }
            sawComma = true
            advance()
        }
        try expect(.rightParenthesis, "',' or ')' to close the tuple opened at column \(open + 1)")
        if elements.count == 1, !sawComma { return elements[0] }
        return SpecValue(kind: .tuple(elements), offset: open)
    }

    /// `[a, b]`, `[a]`, `[a,]` and `[]` are lists, as in Python.
    private mutating func bracketed(depth: Int) throws(ConvMatrixError) -> SpecValue {
        let open = current.offset
        guard depth <= Self.maximumNesting else {
            throw .spec("spec", "lists nested more than \(Self.maximumNesting) deep at column \(open + 1)", offset: open)
        }
        advance()
        var elements: [SpecValue] = []
        while current.kind != .rightBracket {
            elements.append(try value(depth: depth))
            guard current.kind == .comma else { break }
            advance()
        }
        try expect(.rightBracket, "',' or ']' to close the list opened at column \(open + 1)")
        return SpecValue(kind: .list(elements), offset: open)
    }

    /// Steps over a token of `kind`, or throws "expected `what`, found …".
    private mutating func expect(_ kind: SpecToken.Kind, _ what: String) throws(ConvMatrixError) {
        guard current.kind == kind else { throw unexpected(expecting: what) }
        advance()
    }

    private func unexpected(expecting what: String) -> ConvMatrixError {
        .spec("spec", "expected \(what), found \(current.shown) at column \(current.offset + 1)", offset: current.offset)
    }

    private var current: SpecToken { tokens[index] }

    private var peek: SpecToken { tokens[min(index + 1, tokens.count - 1)] }

    private mutating func advance() {
        index = min(index + 1, tokens.count - 1)
    }
}
