import Foundation

/// The colour of each drawn cell, per style.
///
///     sharing, one entry:   the colour of its parameter v_p (hue = block, lightness = tap),
///                           hatched when the entry sums several parameters
///     sharing, a bin:       its block's hue, darker the more of its entries are nonzero
///     numeric:              diverging(m / scale), m the entry's value or the bin's mean
///     spy:                  black, or for a bin grey by the share of nonzero entries
///
/// Structural zeros (cells with no nonzero entry) are white: no fill.
struct SvgCellFill {
    enum Kind {
        case sharing(SvgSharingPalette)
        /// `scale` is the largest |shown value|; `least` and `greatest` the extremes shown.
        case numeric(scale: Double, least: Double, greatest: Double)
        case spy
    }

    /// The hatching of entries that sum several parameters: black lines on white.
    static let summedFill = "url(#summed)"
    static let summedPattern =
        "<pattern id=\"summed\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
        + "<rect width=\"5\" height=\"5\" fill=\"#fff\"/>"
        + "<path d=\"M0 5L5 0M-1 1L1-1M4 6L6 4\" stroke=\"#000\" stroke-width=\"1.4\"/></pattern>"

    let kind: Kind
    /// True when a cell is a bin of several entries.
    let binned: Bool
    /// Entries drawn hatched (sharing style, unbinned).
    let summedEntries: Int

    /// The fill of `style` for `panels`, which share one bin size (and one
    /// colour scale, for numbers).
    init(style: SvgRenderer.Style, panels: [SvgMatrixPanel], binned: Bool) {
        self.binned = binned
        switch style {
        case .sharing:
            kind = .sharing(SvgSharingPalette(parameters: panels.first?.tied.parameters ?? []))
            summedEntries = binned ? 0 : panels.reduce(0) { $0 + $1.tied.sharedEntryCount }
        case .numeric(let values):
            kind = Self.numericScale(panels: panels, values: values)
            summedEntries = 0
        case .spy:
            kind = .spy
            summedEntries = 0
        }
    }

    /// The colour of a cell as an SVG paint, nil for white.
    func colour(_ cell: SvgCellSummary) -> String? {
        guard cell.nonzeros > 0 else { return nil }
        switch kind {
        case .sharing(let palette):
            if cell.parameter < 0 { return SvgColour.grey(1 - 0.6 * SvgColour.densityLevel(cell.density)).hex }
            if binned {
                return palette.colour(of: palette.block(ofParameter: cell.parameter), density: cell.density).hex
            }
            return cell.summedEntries > 0 ? Self.summedFill : palette.parameterColours[cell.parameter].hex
        case .numeric(let scale, _, _):
            return SvgColour.diverging(Self.shownValue(cell) / scale).hex
        case .spy:
            return binned ? SvgColour.grey(1 - SvgColour.densityLevel(cell.density)).hex : "#000"
        }
    }

    /// An entry's value, or the mean over a bin's entries (zeros included).
    static func shownValue(_ cell: SvgCellSummary) -> Double {
        cell.sum / Double(max(cell.area, 1))
    }

    /// The extremes of the shown values over every nonzero cell of `panels`.
    private static func numericScale(panels: [SvgMatrixPanel], values: [Double]) -> Kind {
        var least = Double.infinity
        var greatest = -Double.infinity
        for panel in panels {
            for rowCell in 0..<panel.cells.rows.cellCount {
                for cell in panel.cells.summarise(panel.tied, values: values, rowCell: rowCell) where cell.nonzeros > 0 {
                    least = min(least, shownValue(cell))
                    greatest = max(greatest, shownValue(cell))
                }
            }
        }
        guard least <= greatest else { return .numeric(scale: 1, least: 0, greatest: 0) }
        let scale = max(abs(least), abs(greatest))
        return .numeric(scale: scale > 0 ? scale : 1, least: least, greatest: greatest)
    }
}
