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

    /// Wᵀ_valid, P and Wᵀ one after another, each with its shape and what it means.
    public static func factor(_ m: MaterialisedConvolution, renderer: MatrixTextRenderer) -> String {
        let layer = m.layer
        let valid = layer.validTiedMatrix()
        let extended = layer.geometry.extendedInput
        let mode = layer.spec.paddingMode
        let border = mode == .zeros ? "0" : (layer.padding.borderValue != 0 ? NumberFormat.compact(layer.padding.borderValue) : nil)
        return [
            "Wᵀ = Wᵀ_valid · P" + (m.offset == nil ? "" : ", and the offset o = Wᵀ_valid (c·b) with c = \(NumberFormat.compact(layer.padding.borderValue))"),
            "",
            "Wᵀ_valid: \(valid.rows) × \(valid.columns), the 'valid' convolution of the extended input \(extended)",
            renderer.render(valid, values: m.weights.weight, input: extended, output: layer.output),
            "P: \(extended.count) × \(layer.input.count), padding_mode='\(mode.name)': x̃ = P x"
                + (border.map { ", empty rows hold \($0)" } ?? ""),
            render(layer.padding),
            "Wᵀ: \(m.tied.rows) × \(m.tied.columns)",
            renderer.render(m.tied, values: m.weights.weight, input: layer.input, output: layer.output),
        ].joined(separator: "\n")
    }
}
