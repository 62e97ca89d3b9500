/// The padding matrix P and the factorisation Wᵀ = Wᵀ_valid · P as text.
///
/// P has a row per extended unit x̃ and a column per input unit x; each row is
/// either one 1 (the unit it copies) or empty (a border unit that holds the
/// padding constant).
public enum PaddingText {
    /// P, with │ between input maps and ─ between extended maps.
    public static func render(_ padding: PaddingOperator) -> String {
        let rowLabels = (0..<padding.extended.count).map { UnitLabel.name("x̃", unit: $0, shape: padding.extended) }
        let labelWidth = rowLabels.map(\.count).max() ?? 0
        let columnsPerMap = padding.input.mapSize
        var lines = [
            String(repeating: " ", count: labelWidth)
                + (0..<padding.input.channels).map { " │" + " input map \($0 + 1)".padded(to: 2 * columnsPerMap) }.joined()
        ]
        for e in 0..<padding.extended.count {
            if e > 0, e % padding.extended.mapSize == 0 {
                lines.append(
                    String(repeating: "─", count: labelWidth)
                        + String(repeating: "─┼" + String(repeating: "─", count: 2 * columnsPerMap), count: padding.input.channels))
            }
            let source = padding.source(e)
            var line = rowLabels[e].padded(to: labelWidth)
            for c in 0..<padding.input.count {
                if c % columnsPerMap == 0 { line += " │" }
                line += source == c ? " 1" : " ·"
            }
            lines.append(line.trailingSpacesRemoved)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Wᵀ = Wᵀ_valid · P: the three matrices side by side, each titled with its shape;
    /// a panel that would pass the renderer's `maxWidth` starts a new row below
    /// (``Panel/packed(_:operators:maxWidth:)``), so the narrow P and Wᵀ_valid stay
    /// side by side when they fit. The headline wraps to the width (``TextWrap``).
    public static func factor(_ m: WeightedForm, of layer: Convolution, renderer: MatrixTextRenderer) -> String {
        let extended = layer.geometry.extendedInput
        var full = renderer
        full.maxWidth = nil
        let valid = layer.validTiedMatrix()
        let panels = [
            Panel(
                title: "Wᵀ: \(NumberFormat.count(m.tied.rows)) × \(NumberFormat.count(m.tied.columns))",
                body: full.render(m.tied, values: m.weights.weight, input: layer.input, output: layer.output)),
            Panel(
                title: "Wᵀ_valid: \(NumberFormat.count(valid.rows)) × \(NumberFormat.count(valid.columns)), on x̃ (\(extended))",
                body: full.render(valid, values: m.weights.weight, input: extended, output: layer.output)),
            Panel(title: "P: \(NumberFormat.count(extended.count)) × \(NumberFormat.count(layer.input.count)), x̃ = P x", body: render(layer.padding)),
        ]
        let body = Panel.packed(panels, operators: ["  =  ", "  ·  "], maxWidth: renderer.maxWidth)
        return TextWrap.text(headline(m, padding: layer.padding), width: renderer.maxWidth) + "\n\n" + body.joined(separator: "\n") + "\n"
    }

    /// What the factorisation says for this padding mode.
    private static func headline(_ m: WeightedForm, padding: PaddingOperator) -> String {
        let mode = "padding_mode='\(padding.mode.name)'"
        let c = NumberFormat.compact(padding.borderValue)
        switch padding.mode {
        case .zeros: return "Wᵀ = Wᵀ_valid · P with \(mode): empty rows of P are border units that hold 0"
        case .constant:
            return "Wᵀ = Wᵀ_valid · P with \(mode): empty rows of P hold c = \(c), which adds the offset o = Wᵀ_valid (c·b)"
        default: return "Wᵀ = Wᵀ_valid · P with \(mode): each row of P copies one input unit"
        }
    }
}

/// A titled block of text lines, for laying matrices side by side.
struct Panel {
    let title: String
    let body: String

    var lines: [String] { [title, ""] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }

    /// The panels' lines joined left to right, each padded to its panel's width, with
    /// `operators[k]` between panel k and k + 1 on the title line, where a `·` cannot
    /// be mistaken for a structural zero.
    static func sideBySide(_ panels: [Panel], operators: [String]) -> [String] {
        let columns = panels.map(\.lines)
        let widths = columns.map { $0.map(visibleWidth).max() ?? 0 }
        let height = columns.map(\.count).max() ?? 0
        let operatorRow = 0
        return (0..<height).map { row in
            var line = ""
            for (k, column) in columns.enumerated() {
                let text = row < column.count ? column[row] : ""
                line += text + String(repeating: " ", count: widths[k] - visibleWidth(text))
                if k < operators.count {
                    line += row == operatorRow ? operators[k] : String(repeating: " ", count: operators[k].count)
                }
            }
            return line.trailingSpacesRemoved
        }
    }

    /// The panels in rows that fit `maxWidth`: each row takes panels left to right
    /// while side by side they fit (at least one), with `operators[k]` between panel
    /// k and k + 1 when they share a row; rows are one empty line apart.
    static func packed(_ panels: [Panel], operators: [String], maxWidth: Int?) -> [String] {
        var rows: [[String]] = []
        var start = 0
        while start < panels.count {
            var end = start + 1
            var lines = sideBySide(Array(panels[start..<end]), operators: [])
            while end < panels.count {
                let wider = sideBySide(Array(panels[start...end]), operators: Array(operators[start..<end]))
                guard maxWidth.map({ limit in wider.allSatisfy { visibleWidth($0) <= limit } }) ?? true else { break }
                lines = wider
                end += 1
            }
            rows.append(lines)
            start = end
        }
        return Array(rows.joined(separator: [""]))
    }

    /// Characters a terminal shows: ANSI escape sequences take no room.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character == "m" { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
