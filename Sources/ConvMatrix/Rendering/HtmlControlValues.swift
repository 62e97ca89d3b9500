/// What the live explorer's controls start at: the arguments of a layer's
/// canonical spec (``Layer/specDescription``), read with the spec parser, one
/// value per control:
///
///     Conv2d(2, 3, kernel_size=3, stride=2, padding=1, bias=False)
///     kind Conv2d · in_channels 2 · out_channels 3 · kernel_size 3 · stride 2 · padding 1
///     dilation 1 · groups 1 · output_padding 0 · padding_mode zeros · extra "bias=False"
///
/// A keyword the spec leaves out shows its default; a pooling's stride left out
/// (its default is kernel_size) is an empty box, and its channel boxes hold the
/// input's maps. What no control covers (`bias=False`, `padding_value=-1.0`,
/// `connections=[…]`, `ceil_mode=True`) is kept, as written, in `extra`, so that
/// the spec the controls rebuild is the layer's again. A kind the controls do
/// not offer (Linear, the activations, 3-d pooling) leaves them at ``initial``.
public struct HtmlControlValues: Equatable, Sendable {
    /// The kind control's value: one of ``HtmlControls/kinds``.
    public var kind: String
    /// The value of each numeric, text and padding_mode control, by its `name`.
    public var values: [String: String]
    /// The arguments no control covers, as the canonical spec writes them, joined by ", ".
    public var extra: String

    /// The controls of a fresh page: ``HtmlControls/initialSpec``.
    public static var initial: HtmlControlValues {
        var values = Dictionary(uniqueKeysWithValues: HtmlControls.fields.map { ($0.name, $0.initial) })
        values["padding_mode"] = "zeros"
        return HtmlControlValues(kind: "Conv2d", values: values, extra: "")
    }

    /// The keywords a control of its own sets.
    static let controlled: Set = ["kernel_size", "stride", "padding", "dilation", "groups", "padding_mode", "output_padding"]

    public init(kind: String, values: [String: String], extra: String) {
        self.kind = kind
        self.values = values
        self.extra = extra
    }

    /// The values of `layer`'s spec; ``initial`` for a kind the controls do not offer.
    public init(layer: any Layer) {
        guard HtmlControls.kinds.contains(layer.kind), let call = try? SpecParser.call(layer.specDescription) else {
            self = .initial
            return
        }
        let text = Array(layer.specDescription)
        let pooling = layer.kind.contains("Pool")
        var values = Dictionary(uniqueKeysWithValues: HtmlControls.fields.map { ($0.name, $0.defaultValue ?? $0.initial) })
        values["padding_mode"] = "zeros"
        values["in_channels"] = "\(layer.input.channels)"
        values["out_channels"] = "\(layer.output.channels)"
        if pooling { values["stride"] = "" }
        var extra: [String] = []
        var positional = 0
        for (n, argument) in call.arguments.enumerated() {
            let end = n + 1 < call.arguments.count ? call.arguments[n + 1].offset : call.closingOffset
            let written = Self.trimmed(text[argument.offset..<end])
            let value = Self.trimmed(text[argument.value.offset..<end])
            if let keyword = argument.keyword, Self.controlled.contains(keyword) {
                values[keyword] = Self.unquoted(argument.value) ?? value
            } else if argument.keyword == nil, !pooling, positional < 2 {
                values[positional == 0 ? "in_channels" : "out_channels"] = value
                positional += 1
            } else {
                extra.append(written)
            }
        }
        self.init(kind: layer.kind, values: values, extra: extra.joined(separator: ", "))
    }

    /// The text of an argument without the ", " that separates it from the next.
    private static func trimmed(_ characters: ArraySlice<Character>) -> String {
        var text = String(characters)
        while let last = text.last, last == " " || last == "," { text.removeLast() }
        return text
    }

    /// A string's contents (`'circular'` → `circular`), nil for any other value.
    private static func unquoted(_ value: SpecValue) -> String? {
        if case .string(let contents) = value.kind { return contents }
        return nil
    }
}
