/// A spec as written, before its arguments mean anything: which layer, and each
/// argument with where it stands in the text.
///
///     Conv1d(2, 3, kernel_size=3, bias=False)
///     // layer Conv1d (1 spatial dimension) at 0; arguments 2, 3, kernel_size=3, bias=False
struct SpecCall: Equatable, Sendable {
    /// The layer's class name as the registry knows it, e.g. `Conv2d`, `AvgPool2d`.
    var name: String = ""
    /// 1, 2 or 3 from a name ending in `1d`, `2d` or `3d`; 0 for a kind without one.
    var spatialDimensions: Int
    /// Where the layer name starts.
    var layerOffset: Int
    var arguments: [SpecArgument]
    /// Where the closing `)` stands: missing arguments are reported there.
    var closingOffset: Int
}

/// One argument of a spec call: positional (`3`) or keyword (`stride=2`).
struct SpecArgument: Equatable, Sendable {
    /// The keyword, or nil for a positional argument.
    var keyword: String?
    var value: SpecValue
    /// Where the argument starts: its keyword, or its value if positional.
    var offset: Int
}

/// A Python literal in a spec: a number, a string, a bare name, or a tuple or list of values.
///
///     padding=((2, 1), (1, 2))
///     // .tuple([.tuple([.number("2"), .number("1")]), .tuple([.number("1"), .number("2")])])
struct SpecValue: Equatable, Sendable {
    indirect enum Kind: Equatable, Sendable {
        /// A decimal literal with its sign, as written: `3`, `-1`, `0.5`, `1e-05`.
        case number(String)
        /// The contents of a quoted string.
        case string(String)
        /// A bare name: `True`, `False`, or anything else a user wrote unquoted.
        case name(String)
        /// `(a, b)`, `(a,)` or `()`.
        case tuple([SpecValue])
        /// `[a, b]`, `[a]` or `[]`.
        case list([SpecValue])
    }

    var kind: Kind
    /// Where the value starts: its sign, its opening quote, its `(` or its `[`.
    var offset: Int

    /// The value as an error message shows it: `1.5`, `the string 'a'`, `a tuple of 3`;
    /// a string's control characters escaped (``EchoedText``).
    var shown: String {
        switch kind {
        case .number(let text), .name(let text): text
        case .string(let text): "the string \(EchoedText.quoted(text))"
        case .tuple(let elements): "a tuple of \(elements.count)"
        case .list(let elements): "a list of \(elements.count)"
        }
    }

    /// The elements of a tuple or a list, which PyTorch's arguments accept alike
    /// (`kernel_size=[3, 5]` is `kernel_size=(3, 5)`); nil for any other value.
    var sequence: [SpecValue]? {
        switch kind {
        case .tuple(let elements), .list(let elements): elements
        case .number, .string, .name: nil
        }
    }
}
