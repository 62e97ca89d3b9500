import Foundation

/// Wᵀ as one self-contained interactive HTML page: inline CSS and JavaScript,
/// no network access, for a course website or an offline lecture hall.
///
/// The page draws Wᵀ coloured by shared parameter as the SVG is
/// (``SvgSharingPalette``: hue = block (j, i), lightness = tap), the input x and
/// the output y as grids of feature maps, and the kernels v_{ji}. Hovering an
/// entry lights every entry tied to it, its kernel taps, the input unit it
/// reads and the output unit it feeds; hovering an output unit lights its row
/// and its window in x, an input unit its column and every output unit it
/// reaches. Play and Step walk the output units in order, lighting the row of
/// Wᵀ and the window it reads at once: the sliding window and the matrix row
/// are one thing. Above `binningThreshold` rows or columns the matrix is binned,
/// and hovering a bin zooms into its entries.
///
///     let layer = try Convolution(ConvolutionSpec(parsing: "Conv1d(2, 3, kernel_size=3)"), input: TensorShape(parsing: "2x6"))
///     let page = try HtmlRenderer().render(WeightedForm(layer, weights: LayerWeights(drawnFor: layer, seed: 1)), title: "…")
///
/// The DOM the page builds is a contract (docs/explorer.md): `#matrix` holds
/// elements with `data-row` and `data-col` (or `data-bin-row`, `data-bin-col`),
/// `#input` and `#output` units with `data-tensor` and `data-unit`, `#kernels`
/// taps with `data-parameter`; lit elements carry `tied`, `active`, `current`.
/// The renderer returns a String; writing it anywhere is the caller's business.
public struct HtmlRenderer: Sendable {
    /// Rows or columns above which the page draws bins instead of entries.
    public static let defaultBinningThreshold = 128
    /// The most structural nonzeros a page carries: every one is an element the browser holds.
    public static let entryLimit = 250_000
    /// What a structural nonzero costs while the page is built: its JSON and its share of the String.
    public static let entryRate = ResourceEstimate.Rate(bytes: 400, work: 3_000)

    /// True to add each entry's value Wᵀ[r, c] to the panel (`--entries numeric`).
    public let numeric: Bool
    public let binningThreshold: Int

    /// A renderer; `binningThreshold` must lie in 10…2000 rows or columns.
    public init(entries: MatrixEntries = .symbolic, binningThreshold: Int = defaultBinningThreshold) throws(ConvMatrixError) {
        guard (10...2000).contains(binningThreshold) else {
            throw .shape("binning_threshold", "\(binningThreshold) is not between 10 and 2000 rows or columns")
        }
        numeric = entries == .numeric
        self.binningThreshold = binningThreshold
    }

    /// The whole page for `layer`, with `title` (e.g. the spec and the input) as its heading.
    ///
    /// - Throws: ``ConvMatrixError`` when the matrix is empty or has more than
    ///   ``entryLimit`` structural nonzeros.
    /// - Complexity: O(terms + constants + bins).
    public func render(_ layer: WeightedForm, title: String) throws(ConvMatrixError) -> String {
        Self.page(model: try model(layer, title: title), title: title, controls: nil)
    }

    /// The page's model of `layer` as JSON: what the live explorer's endpoint
    /// returns with `view=explorer`, and what ``render(_:title:)`` embeds.
    public func model(_ layer: WeightedForm, title: String) throws(ConvMatrixError) -> String {
        let tied = layer.tied
        guard tied.rows > 0, tied.columns > 0 else {
            throw .shape("matrix", "Wᵀ is \(tied.rows) × \(tied.columns): there is nothing to draw")
        }
        let entries = saturatingSum(tied.termCount, tied.constants.count)
        guard entries <= Self.entryLimit else {
            throw ConvMatrixError(
                .budget, field: "format",
                reason: "the html page draws every nonzero of Wᵀ; up to \(NumberFormat.count(entries)) is above its \(NumberFormat.count(Self.entryLimit))"
                    + " (use --format svg, which bins, or a smaller input)")
        }
        let model = HtmlExplorerModel(layer: layer, title: title, numeric: numeric, binningThreshold: binningThreshold)
        return Self.json(model)
    }

    static let modelOpening = "<script type=\"application/json\" id=\"model\">"

    /// The model a page of ``render(_:title:)`` embeds, or nil for text that is not such a page.
    /// The model has no `<`, so the first `</script>` after its opening ends it.
    public static func model(inPage page: String) -> String? {
        guard let start = page.range(of: modelOpening), let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex) else {
            return nil
        }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// `model` as JSON that is safe inside a `<script>` element: no `<`, so no `</script>`.
    static func json(_ model: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Every value is a finite number, a string or an array of them: encoding cannot fail.
        let data = (try? encoder.encode(model)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The page around a model (JSON, or "null" for a page that loads one), with the
    /// live explorer's `controls` markup when given.
    public static func page(model: String, title: String, controls: String?) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:">
        <title>\(escaped(title))</title>
        <style>
        \(HtmlStyle.css)
        </style>
        </head>
        <body>
        <h1 id="title">\(escaped(title))</h1>
        \(controls ?? "")
        <p id="subtitle"></p>
        <div id="layout">
        <section class="panel"><h2>Wᵀ <span class="hint">rows: output units y · columns: input units x</span></h2>
        <div id="matrix"></div></section>
        <section class="panel side">
        <div id="entry-info" aria-live="polite">Hover an entry of Wᵀ, a unit of x or y, or a kernel tap.</div>
        <div class="playback"><button id="play" type="button">Play</button> <button id="step" type="button">Step</button>
        <span id="playback-state"></span></div>
        <h2>x <span class="hint">input feature maps</span></h2><div id="input"></div>
        <h2>y <span class="hint">output feature maps</span></h2><div id="output"></div>
        <h2>kernels v<sub>ji</sub></h2><div id="kernels"></div>
        </section>
        </div>
        \(modelOpening)\(model)</script>
        <script>
        \(HtmlScript.source)
        </script>
        </body>
        </html>

        """
    }

    /// Text for HTML: & < > " escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
