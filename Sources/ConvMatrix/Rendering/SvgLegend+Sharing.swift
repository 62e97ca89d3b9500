/// The legend of the sharing style: hue = block (j, i), lightness = tap t.
extension SvgLegend {
    /// Small layers get one row of tap swatches per block, laid out as the blocks
    /// of Wᵀ are (v₁₁ v₁₂ / v₂₁ v₂₂ / …); larger ones a map of block hues and a
    /// ramp of lightness.
    mutating func describeSharing(
        _ palette: SvgSharingPalette, tied: TiedMatrix, binSize: Int, summedEntries: Int, maps: SvgMapGrid, marks: SvgCellMarks
    ) {
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
            blockMap(palette, maps: maps) { palette.colour(of: $0, density: 1).hex }
        } else {
            let rest = ": hue = block (output map j, input map i), lightness = tap t (first darkest)."
            line(
                "Colour = parameter vjit" + rest,
                markup: "Colour = parameter " + SvgDocument.subscripted("v", "ji") + SvgDocument.superscripted("t") + SvgDocument.escaped(rest))
            line("Every entry holding the same parameter has the same colour; each band is one kernel sliding.")
            if case .labels = marks { line("Each cell is labelled with the parameters it holds.") }
            if case .dots(let kernel) = marks { tapDots(palette, kernel: kernel) }
            if !blockSwatches(palette, tied: tied, maps: maps) {
                tapRamp(palette)
                blockMap(palette, maps: maps) { palette.colour(of: $0, tap: palette.tapCount / 2).hex }
            }
        }
        if summedEntries > 0 {
            swatchLine(fill: SvgCellFill.summedFill, "entry sums several parameters (\(summedEntries) entries), e.g. \(firstSum(tied))")
        }
    }

    /// Per-block tap swatches when the layer is small; false when it is not.
    private mutating func blockSwatches(_ palette: SvgSharingPalette, tied: TiedMatrix, maps grid: SvgMapGrid) -> Bool {
        let maps = grid.fitting(palette.blocks)
        let taps = palette.tapCount
        let step = Self.swatch + 2
        let notation = tied.notation
        let last = maps.block(row: maps.outputMaps - 1, column: maps.inputMaps - 1)
        let labelWidth = SvgDocument.estimatedWidth("v" + notation.indices(of: Self.name(last.outputMap, last.inputMap)).lower) + 8
        let groupWidth = labelWidth + taps * step + 18
        guard taps <= 16, maps.outputMaps <= 12, maps.inputMaps * groupWidth <= 960 else { return false }
        if palette.kernel.count == 1 {
            for i in 0..<maps.inputMaps {
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
        for j in 0..<maps.outputMaps {
            for i in 0..<maps.inputMaps {
                let block = maps.block(row: j, column: i)
                guard palette.blocks.contains(block) else { continue }
                let x = left + i * groupWidth
                let lower = notation.indices(of: Self.name(block.outputMap, block.inputMap)).lower
                document.text(SvgDocument.subscripted("v", lower), x: x, y: bottom + 12, escaped: true)
                for t in 0..<taps {
                    document.rect(
                        x: x + labelWidth + t * step, y: bottom + 1, width: Self.swatch, height: Self.swatch,
                        fill: palette.colour(of: block, tap: t).hex)
                }
            }
            advance(Self.lineHeight, extent: maps.inputMaps * groupWidth)
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

    /// The blocks' hues, compactly: laid out as the blocks of Wᵀ in a map at most
    /// 96 px tall (squares of 2 to 12 px), or, when fewer than half the blocks hold
    /// parameters (grouped and depthwise layers), as one strip of the blocks that do,
    /// wrapped at 640 px, so that the legend stays a few lines however many groups.
    private mutating func blockMap(_ palette: SvgSharingPalette, maps: SvgMapGrid, colour: (SvgSharingPalette.Block) -> String) {
        let grid = maps.outputMaps * maps.inputMaps
        if palette.blocks.count * 2 < grid || max(maps.outputMaps, maps.inputMaps) > 48 {
            blockStrip(palette, colour: colour)
            return
        }
        let size = max(2, min(12, 96 / max(maps.outputMaps, maps.inputMaps)))
        let top = bottom + 4
        for block in palette.blocks {
            document.rect(
                x: left + (block.inputMap - 1 - maps.firstInput) * size, y: top + (block.outputMap - 1 - maps.firstOutput) * size,
                width: size, height: size, fill: colour(block))
        }
        let mapWidth = maps.inputMaps * size
        let mapHeight = maps.outputMaps * size
        document.append("<rect x=\"\(left)\" y=\"\(top)\" width=\"\(mapWidth)\" height=\"\(mapHeight)\" fill=\"none\" stroke=\"#666\"/>")
        let text = "the hue of each block (j, i): output map j down, input map i across"
        document.text(text, x: left + mapWidth + 8, y: top + min(12, mapHeight))
        advance(max(mapHeight, 12) + 8, extent: mapWidth + 8 + SvgDocument.estimatedWidth(text))
    }

    /// The hues of the blocks that hold parameters, in order, as a strip of 8 px squares.
    private mutating func blockStrip(_ palette: SvgSharingPalette, colour: (SvgSharingPalette.Block) -> String) {
        guard let first = palette.blocks.first, let last = palette.blocks.last else { return }
        let size = 8
        let perLine = 80
        for (k, block) in palette.blocks.enumerated() {
            document.rect(x: left + (k % perLine) * size, y: bottom + 2 + (k / perLine) * size, width: size, height: size, fill: colour(block))
        }
        let lines = (palette.blocks.count + perLine - 1) / perLine
        let stripWidth = min(palette.blocks.count, perLine) * size
        let text =
            "the hues of the \(NumberFormat.count(palette.blocks.count)) blocks that hold parameters, "
            + "(\(first.outputMap), \(first.inputMap)) to (\(last.outputMap), \(last.inputMap)), row-major"
        if lines == 1 {
            document.text(text, x: left + stripWidth + 8, y: bottom + 10)
            advance(Self.lineHeight, extent: stripWidth + 8 + SvgDocument.estimatedWidth(text))
        } else {
            advance(lines * size + 4, extent: stripWidth)
            line(text)
        }
    }

    /// The key of the tap dots: one cell per tap of block (1, 1)'s kernel, laid out
    /// as the kernel's last two dimensions, each with its dot.
    private mutating func tapDots(_ palette: SvgSharingPalette, kernel: [Int]) {
        guard let block = palette.blocks.first else { return }
        let (down, across) = (kernel[kernel.count - 2], kernel[kernel.count - 1])
        let cell = 4 * max(down, across) + 2
        let sub = cell / max(down, across)
        let tapsPerPlane = down * across
        for a in 0..<down {
            for b in 0..<across {
                let x = left + b * (cell + 2)
                let y = bottom + 2 + a * (cell + 2)
                let fill = palette.colour(of: block, tap: a * across + b)
                document.rect(x: x, y: y, width: cell, height: cell, fill: fill.hex)
                let dot = SvgCellMarks.contrast(fill.hex) ?? "#000"
                document.rect(x: x + 1 + b * sub, y: y + 1 + a * sub, width: sub - 1, height: sub - 1, fill: dot)
            }
        }
        let names = kernel.count == 2 ? ("t₁", "t₂") : ("t₂", "t₃")
        let depth = kernel.count > 2 ? "; lightness steps through t₁ (\(tapsPerPlane) taps a step)" : ""
        let text = "tap dots: the dot sits where the tap t sits in the kernel, \(names.0) down, \(names.1) across\(depth)"
        let keyWidth = across * (cell + 2)
        document.text(text, x: left + keyWidth + 8, y: bottom + 12)
        advance(max(down * (cell + 2), Self.lineHeight) + 6, extent: keyWidth + 8 + SvgDocument.estimatedWidth(text))
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
