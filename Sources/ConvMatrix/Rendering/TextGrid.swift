/// A rectangle of a ``MatrixView`` laid out as aligned terminal text: the one
/// drawing routine behind full renderings, single blocks and cropped corners.
///
///              │ input map 1              │ input map 2          ← block titles (optional)
///              │ x₁(1) x₁(2) …            │ x₂(1) …              ← column labels (optional)
///     y₁(1)    │ v₁₁¹  v₁₁²  v₁₁³  ·  …   │ v₁₂¹ …
///     ─────────┼──────────────────────────┼─────────             ← between row blocks
///
/// Every cell has the same width, so columns align; │ opens each column block and
/// ─ with ┼ separates row blocks. A cropped grid ends its lines with … and its
/// rows with ⋮. Widths count Characters: sub- and superscript digits and box
/// drawing take one terminal column each.
struct TextGrid {
    let view: MatrixView
    var rows: Range<Int>
    var columns: Range<Int>
    let entryText: EntryText
    /// Draw a line of column-block titles (full renderings).
    var blockTitles = false
    /// Draw a line of column unit labels (single blocks).
    var columnLabels = false
    /// ANSI colours: a foreground per convolution block, dim zeros.
    var colour = false
    /// More columns exist to the right of `columns` (lines end with …).
    var croppedColumns = false
    /// More rows exist below `rows` (a last line of ⋮).
    var croppedRows = false
    /// The narrowest row labels and cells, so that grids drawn one under the other align.
    var labelWidthAtLeast = 0
    var cellWidthAtLeast = 1

    /// Each shown row's nonzeros inside `columns`, as (column, text).
    private var cells: [[(column: Int, text: String)]] {
        rows.map { entryText.row(view.tied, $0, columns: columns) }
    }

    /// The widths a layout needs: of the row labels, of every cell, and of the widest line.
    struct Metrics {
        var labelWidth: Int
        var cellWidth: Int
        var totalWidth: Int
    }

    func metrics() -> Metrics { metrics(cells) }

    private func metrics(_ cells: [[(column: Int, text: String)]]) -> Metrics {
        let labelWidth = max(labelWidthAtLeast, rows.map { view.rowUnit($0).unicode.count }.max() ?? 0)
        var cellWidth = max(cellWidthAtLeast, cells.joined().map(\.text.count).max() ?? 1)
        if columnLabels {
            cellWidth = max(cellWidth, columns.map { view.columnUnit($0).unicode.count }.max() ?? 1)
        }
        if blockTitles {
            for block in columnBlocks {
                // The short name must fit its block: " name" within n·(w + 1) characters.
                let name = view.columnBlockName(block.index)
                cellWidth = max(cellWidth, (name.count + 1 + block.count - 1) / block.count - 1)
            }
        }
        let blocksWidth = columnBlocks.reduce(0) { $0 + 2 + $1.count * (cellWidth + 1) }
        return Metrics(
            labelWidth: labelWidth, cellWidth: cellWidth,
            totalWidth: labelWidth + blocksWidth + (croppedColumns ? 2 : 0))
    }

    /// The column blocks `columns` touches: their index and how many of their columns it shows.
    private var columnBlocks: [(index: Int, count: Int)] {
        let size = view.tied.columnBlockSize
        guard !columns.isEmpty else { return [] }
        return (columns.lowerBound / size...(columns.upperBound - 1) / size).map { b in
            (b, min(columns.upperBound, (b + 1) * size) - max(columns.lowerBound, b * size))
        }
    }

    /// The grid's lines, without newlines.
    func lines() -> [String] {
        let cells = self.cells
        let m = metrics(cells)
        var lines: [String] = []
        if blockTitles { lines.append(titleLine(m)) }
        if columnLabels { lines.append(labelLine(m)) }
        for (k, r) in rows.enumerated() {
            if r > rows.lowerBound, r % view.tied.rowBlockSize == 0 { lines.append(separatorLine(m)) }
            lines.append(rowLine(r, cells: cells[k], m))
        }
        if croppedRows {
            lines.append(("⋮".padded(to: m.labelWidth) + columnBlocks.map { _ in " │" }.joined()))
        }
        return lines
    }

    private func titleLine(_ m: Metrics) -> String {
        var line = String(repeating: " ", count: m.labelWidth)
        for block in columnBlocks {
            let room = block.count * (m.cellWidth + 1)
            let title = " " + view.columnBlockTitle(block.index)
            line += " │" + (title.count <= room ? title : " " + view.columnBlockName(block.index)).padded(to: room)
        }
        return (line + (croppedColumns ? " …" : "")).trailingSpacesRemoved
    }

    private func labelLine(_ m: Metrics) -> String {
        var line = String(repeating: " ", count: m.labelWidth)
        for c in columns {
            if c == columns.lowerBound || c % view.tied.columnBlockSize == 0 { line += " │" }
            line += " " + align(view.columnUnit(c).unicode, m.cellWidth)
        }
        return (line + (croppedColumns ? " …" : "")).trailingSpacesRemoved
    }

    private func separatorLine(_ m: Metrics) -> String {
        var line = String(repeating: "─", count: m.labelWidth)
        for block in columnBlocks {
            line += "─┼" + String(repeating: "─", count: block.count * (m.cellWidth + 1))
        }
        return line + (croppedColumns ? "──" : "")
    }

    private func rowLine(_ r: Int, cells: [(column: Int, text: String)], _ m: Metrics) -> String {
        var line = view.rowUnit(r).unicode.padded(to: m.labelWidth)
        var next = cells.startIndex
        for c in columns {
            if c == columns.lowerBound || c % view.tied.columnBlockSize == 0 { line += " │" }
            if next < cells.endIndex, cells[next].column == c {
                let maps = view.maps(row: r, column: c)
                line += " " + align(cells[next].text, m.cellWidth) { painted($0, block: maps.output * view.input.channels + maps.input) }
                next += 1
            } else {
                line += " " + align("·", m.cellWidth) { colour ? TerminalColour.dim($0) : $0 }
            }
        }
        return (line + (croppedColumns ? " …" : "")).trailingSpacesRemoved
    }

    private func painted(_ text: String, block: Int) -> String {
        colour ? TerminalColour.foreground(text, block: block) : text
    }

    /// `text` padded to `width`, numbers to the right, names to the left; `style`
    /// wraps the text only, so escape codes never count towards the width.
    private func align(_ text: String, _ width: Int, style: (String) -> String = { $0 }) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return entryText.isNumeric ? padding + style(text) : style(text) + padding
    }
}

/// ANSI 256-colour escapes for terminals.
///
/// One foreground per convolution block (j, i), taken round a palette of twelve hues
/// that read on dark and light backgrounds; structural zeros are dim (SGR 2).
enum TerminalColour {
    static let palette = [33, 166, 34, 163, 136, 37, 160, 99, 70, 31, 172, 127]

    /// `text` in block `block`'s colour: ESC[38;5;nm … ESC[0m.
    static func foreground(_ text: String, block: Int) -> String {
        "\u{1B}[38;5;\(palette[block % palette.count])m" + text + "\u{1B}[0m"
    }

    /// `text` dim: ESC[2m … ESC[0m.
    static func dim(_ text: String) -> String {
        "\u{1B}[2m" + text + "\u{1B}[0m"
    }
}
