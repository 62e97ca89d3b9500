/// The live explorer's controls (`convmat explore`): one per argument of a
/// layer and one for the input shape, each `name`d by the spec keyword it sets,
/// so that a change rebuilds the spec
///
///     kind(in_channels, out_channels, kernel_size=…, stride=…, padding=…, …)
///
/// (a pooling has no channels; `extra` holds the arguments no control covers,
/// such as `bias=False`) and the page fetches its model again from `/api/show`.
/// A keyword at its default is left out of the spec. The controls start at the
/// layer the page opens with (``HtmlControlValues``). The `spec`
/// box takes any spec, or a shipped network's name, whose chain of layers the
/// page then lists in `#chain`: click a layer to open its matrix.
public enum HtmlControls {
    /// The kinds the kind control offers.
    public static let kinds = [
        "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d",
    ]

    /// (keyword, default, initial value) of the numeric and text controls.
    static let fields: [(name: String, initial: String, defaultValue: String?)] = [
        ("in_channels", "1", nil), ("out_channels", "2", nil), ("kernel_size", "3", nil), ("stride", "1", "1"),
        ("padding", "1", "0"), ("dilation", "1", "1"), ("groups", "1", "1"), ("output_padding", "0", "0"),
    ]

    static let paddingModes = ["zeros", "constant", "circular", "reflect", "replicate"]

    /// The spec the controls start at.
    public static let initialSpec = "Conv2d(1, 2, kernel_size=3, padding=1)"
    public static let initialInput = "1x6x6"

    /// The form, with `spec` and `input` in their boxes and every control at `values`
    /// (``HtmlControlValues``: the starting layer's arguments).
    public static func markup(spec: String, input: String, values: HtmlControlValues = .initial) -> String {
        let kind = kinds.map { "<option\($0 == values.kind ? " selected" : "")>\($0)</option>" }.joined()
        let mode = values.values["padding_mode"] ?? "zeros"
        let modes = paddingModes.map { "<option\($0 == mode ? " selected" : "")>\($0)</option>" }.joined()
        let numbers = fields.map { field in
            let fallback = field.defaultValue.map { " data-default=\"\($0)\"" } ?? ""
            let value = HtmlRenderer.escaped(values.values[field.name] ?? field.initial)
            return "<label>\(field.name) <input name=\"\(field.name)\" value=\"\(value)\"\(fallback)></label>"
        }
        return """
            <form id="controls" autocomplete="off">
            <label>spec <input name="spec" value="\(HtmlRenderer.escaped(spec))"></label>
            <label>input <input name="input" value="\(HtmlRenderer.escaped(input))"></label>
            <label>kind <select name="kind">\(kind)</select></label>
            \(numbers.joined(separator: "\n"))
            <label>padding_mode <select name="padding_mode" data-default="zeros">\(modes)</select></label>
            <label>extra <input name="extra" value="\(HtmlRenderer.escaped(values.extra))" title="the arguments no control covers, e.g. bias=False"></label>
            <button type="submit">Show</button>
            </form>
            <div id="error" role="alert"></div>
            <div id="chain"></div>
            <div id="network-info" aria-live="polite"></div>
            <div id="network"></div>
            """
    }
}
