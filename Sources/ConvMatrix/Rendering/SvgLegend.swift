import Foundation

/// The legend under a picture: what the colours mean, line by line.
///
/// It writes into a document from a top-left corner downwards and keeps
/// track of how far down (`bottom`) and how wide (`width`) it has drawn, so
/// that the renderer can size the picture around it.
struct SvgLegend {
    static let lineHeight = 18
    static let swatch = 14

    var document: SvgDocument
    let left: Int
    /// The top of the next line.
    private(set) var bottom: Int
    /// The widest extent so far, from `left`.
    private(set) var width = 0

    init(document: SvgDocument, left: Int, top: Int) {
        self.document = document
        self.left = left
        self.bottom = top
    }

    /// A line of text, indented by `indent` pixels; `markup`, when given, is
    /// drawn instead (escaped, with `<tspan>`s) and `text` only measures it.
    mutating func line(_ text: String, markup: String? = nil, indent: Int = 0) {
        if let markup {
            document.text(markup, x: left + indent, y: bottom + 12, escaped: true)
        } else {
            document.text(text, x: left + indent, y: bottom + 12)
        }
        width = max(width, indent + SvgDocument.estimatedWidth(text))
        bottom += Self.lineHeight
    }

    /// A swatch of `fill` followed by `text`.
    mutating func swatchLine(fill: String, _ text: String) {
        document.rect(x: left, y: bottom + 1, width: Self.swatch, height: Self.swatch, fill: fill, stroke: "#999")
        document.text(text, x: left + Self.swatch + 6, y: bottom + 12)
        width = max(width, Self.swatch + 6 + SvgDocument.estimatedWidth(text))
        bottom += Self.lineHeight
    }

    /// Moves the next line down by `pixels`, noting that something `extent` wide was drawn.
    mutating func advance(_ pixels: Int, extent: Int = 0) {
        bottom += pixels
        width = max(width, extent)
    }

    /// The legend of `fill` as drawn for `tied`, with bins of `binSize` entries;
    /// `maps` lays out the blocks of the sharing hues (by default those of `tied`),
    /// and `marks` says what the cells carry.
    mutating func describe(
        _ fill: SvgCellFill, tied: TiedMatrix, binSize: Int, maps: SvgMapGrid? = nil, marks: SvgCellMarks = .none
    ) {
        switch fill.kind {
        case .sharing(let palette):
            describeSharing(palette, tied: tied, binSize: binSize, summedEntries: fill.summedEntries, maps: maps ?? SvgMapGrid(tied), marks: marks)
        case .numeric(let scale, let least, let greatest):
            describeNumbers(scale: scale, least: least, greatest: greatest, binSize: binSize)
            if case .labels = marks { line("Each cell is labelled with its value, rounded to two digits after the point.") }
        case .spy:
            describeSpy(binSize: binSize)
        }
    }

    /// A colour bar from −scale (blue) through 0 (white) to scale (red), labelled.
    private mutating func describeNumbers(scale: Double, least: Double, greatest: Double, binSize: Int) {
        line(
            binSize > 1
                ? "Colour = mean of the \(binSize) × \(binSize) entries of a cell, on a scale symmetric around 0."
                : "Colour = value of the entry, Wᵀ[r, c] = Σ v_p over its terms, on a scale symmetric around 0.")
        document.define(
            id: "diverging",
            "<linearGradient id=\"diverging\"><stop offset=\"0\" stop-color=\"\(SvgColour.negative.hex)\"/>"
                + "<stop offset=\"0.5\" stop-color=\"#fff\"/><stop offset=\"1\" stop-color=\"\(SvgColour.positive.hex)\"/></linearGradient>")
        let barWidth = 240
        document.rect(x: left, y: bottom + 2, width: barWidth, height: 12, fill: "url(#diverging)", stroke: "#999")
        let labels = [
            (Self.number(-scale), 0, SvgDocument.Anchor.start), ("0", barWidth / 2, .middle),
            (Self.number(scale), barWidth, .end),
        ]
        for (text, offset, anchor) in labels {
            document.text(text, x: left + offset, y: bottom + 30, anchor: anchor)
        }
        advance(38, extent: barWidth)
        line("Shown values run from \(Self.number(least)) to \(Self.number(greatest)); structural zeros are white.")
    }

    /// Black for a nonzero; grey by density when binned.
    private mutating func describeSpy(binSize: Int) {
        guard binSize > 1 else {
            swatchLine(fill: "#000", "structural nonzero (the entry holds at least one parameter)")
            swatchLine(fill: "#fff", "structural zero")
            return
        }
        line("Grey level = share of nonzero entries among the \(binSize) × \(binSize) entries of a cell:")
        densityRamp { SvgColour.grey(1 - $0).hex }
    }

    /// Eight swatches from a few nonzero entries to all nonzero, labelled at both ends.
    mutating func densityRamp(_ colour: (Double) -> String) {
        for k in 1...8 {
            document.rect(
                x: left + (k - 1) * (Self.swatch + 2), y: bottom + 1, width: Self.swatch, height: Self.swatch,
                fill: colour(Double(k) / 8), stroke: "#999")
        }
        let end = 8 * (Self.swatch + 2) + 6
        let text = "from ⅛ or fewer (left) to all (right)"
        document.text(text, x: left + end, y: bottom + 12)
        advance(Self.lineHeight, extent: end + SvgDocument.estimatedWidth(text))
    }

    /// Three significant digits: 0.833, -12.5, 1.2e-05.
    static func number(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.3g", value)
    }
}
