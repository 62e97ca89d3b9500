/// The legend of the sharing style: hue = block (j, i), lightness = tap t.
extension SvgLegend {
    /// Small layers get one row of tap swatches per block, laid out as the blocks
    /// of Wᵀ are (v₁₁ v₁₂ / v₂₁ v₂₂ / …); larger ones a map of block hues and a
    /// ramp of lightness.
    mutating func describeSharing(_ palette: SvgSharingPalette, tied: TiedMatrix, binSize: Int, summedEntries: Int) {
        if tied.parameterCount == 0 {
            line("Grey = a constant of the layer: it has no weights, so no entry is shared" + (binSize > 1 ? " (darker = denser)." : "."))
            return
        }
        if !tied.constants.isEmpty {
            swatchLine(fill: SvgColour.grey(0.4).hex, "a constant of the layer, no weight")
        }
        if binSize > 1 {
            line("Hue = block (output map j, input map i); a cell covers \(binSize) × \(binSize) entries,")
            line("and the more of them are nonzero, the darker it is:")
            densityRamp { palette.colour(of: palette.blocks.first ?? .init(outputMap: 1, inputMap: 1), density: $0).hex }
            blockMap(palette, tied: tied) { palette.colour(of: $0, density: 1).hex }
        } else {
            let rest = ": hue = block (output map j, input map i), lightness = tap t (first darkest)."
            line(
                "Colour = parameter vjit" + rest,
                markup: "Colour = parameter " + SvgDocument.subscripted("v", "ji") + SvgDocument.superscripted("t") + SvgDocument.escaped(rest))
            line("Every entry holding the same parameter has the same colour; each band is one kernel sliding.")
            if !blockSwatches(palette, tied: tied) {
                tapRamp(palette)
                blockMap(palette, tied: tied) { palette.colour(of: $0, tap: palette.tapCount / 2).hex }
            }
        }
        if summedEntries > 0 {
            swatchLine(fill: SvgCellFill.summedFill, "entry sums several parameters (\(summedEntries) entries), e.g. \(firstSum(tied))")
        }
    }

    /// Per-block tap swatches when the layer is small; false when it is not.
    private mutating func blockSwatches(_ palette: SvgSharingPalette, tied: TiedMatrix) -> Bool {
        let taps = palette.tapCount
        let step = Self.swatch + 2
        let notation = tied.notation
        let labelWidth = SvgDocument.estimatedWidth("v" + notation.indices(of: Self.name(tied.rowBlocks, tied.columnBlocks)).lower) + 8
        let groupWidth = labelWidth + taps * step + 18
        guard taps <= 16, tied.rowBlocks <= 12, tied.columnBlocks * groupWidth <= 960 else { return false }
        if palette.kernel.count == 1 {
            for i in 0..<tied.columnBlocks {
                for t in 0..<taps {
                    document.text(
                        "\(t + 1)", x: left + i * groupWidth + labelWidth + t * step + Self.swatch / 2,
                        y: bottom + 12, anchor: .middle, size: 10)
                }
            }
            document.text("t", x: left + labelWidth - 8, y: bottom + 12, anchor: .end, size: 10)
            advance(14)
        } else {
            let first = palette.kernel.map { _ in "1" }.joined(separator: ",")
            let last = palette.kernel.map(String.init).joined(separator: ",")
            let text = "taps t = (\(first)) to (\(last)), row-major over the kernel, left to right:"
            document.text(text, x: left, y: bottom + 12, size: 10)
            advance(16)
        }
        for j in 0..<tied.rowBlocks {
            for i in 0..<tied.columnBlocks {
                let block = SvgSharingPalette.Block(outputMap: j + 1, inputMap: i + 1)
                guard palette.blocks.contains(block) else { continue }
                let x = left + i * groupWidth
                let lower = notation.indices(of: Self.name(j + 1, i + 1)).lower
                document.text(SvgDocument.subscripted("v", lower), x: x, y: bottom + 12, escaped: true)
                for t in 0..<taps {
                    document.rect(
                        x: x + labelWidth + t * step, y: bottom + 1, width: Self.swatch, height: Self.swatch,
                        fill: palette.colour(of: block, tap: t).hex)
                }
            }
            advance(Self.lineHeight, extent: tied.columnBlocks * groupWidth)
        }
        return true
    }

    /// The lightness of block (1, 1)'s taps, first to last.
    private mutating func tapRamp(_ palette: SvgSharingPalette) {
        guard let block = palette.blocks.first else { return }
        let taps = palette.tapCount
        let shown = min(taps, 25)
        let step = Self.swatch + 2
        for k in 0..<shown {
            let tap = shown > 1 ? k * (taps - 1) / (shown - 1) : 0
            document.rect(
                x: left + k * step, y: bottom + 1, width: Self.swatch, height: Self.swatch,
                fill: palette.colour(of: block, tap: tap).hex)
        }
        let text = "taps 1 to \(taps) of one kernel (row-major), first darkest"
        document.text(text, x: left + shown * step + 6, y: bottom + 12)
        advance(Self.lineHeight, extent: shown * step + 6 + SvgDocument.estimatedWidth(text))
    }

    /// The blocks' hues laid out as the blocks of Wᵀ, when there are not too many.
    private mutating func blockMap(_ palette: SvgSharingPalette, tied: TiedMatrix, colour: (SvgSharingPalette.Block) -> String) {
        guard tied.rowBlocks <= 64, tied.columnBlocks <= 64 else {
            line("\(palette.blocks.count) blocks hold parameters, each with its own hue.")
            return
        }
        let size = max(4, min(14, 192 / max(tied.rowBlocks, tied.columnBlocks)))
        let top = bottom + 4
        for block in palette.blocks {
            document.rect(
                x: left + (block.inputMap - 1) * size, y: top + (block.outputMap - 1) * size,
                width: size, height: size, fill: colour(block))
        }
        let mapWidth = tied.columnBlocks * size
        document.append("<rect x=\"\(left)\" y=\"\(top)\" width=\"\(mapWidth)\" height=\"\(tied.rowBlocks * size)\" fill=\"none\" stroke=\"#666\"/>")
        let text = "the hue of each block (j, i): output map j down, input map i across"
        document.text(text, x: left + mapWidth + 8, y: top + 12)
        advance(tied.rowBlocks * size + 8, extent: mapWidth + 8 + SvgDocument.estimatedWidth(text))
    }

    /// "v₁₁¹ + v₁₁⁴": the parameters of the first entry that sums several.
    private func firstSum(_ tied: TiedMatrix) -> String {
        let notation = tied.notation
        for r in 0..<tied.rows {
            let rowTerms = Array(tied.terms(inRow: r))
            for (k, term) in rowTerms.enumerated() where k + 1 < rowTerms.count && rowTerms[k + 1].column == term.column {
                let entry = rowTerms.filter { $0.column == term.column }
                return entry.map { notation.unicode(tied.parameters[$0.parameter]) }.joined(separator: " + ")
                    + " at row \(r + 1), column \(term.column + 1)"
            }
        }
        return ""
    }

    private static func name(_ j: Int, _ i: Int) -> ParameterName {
        ParameterName(outputMap: j, inputMap: i, tap: [])
    }
}
