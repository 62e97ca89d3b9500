/// A layer's kernels as an SVG picture (`show --view kernels --format svg`), as
/// the slides show AlexNet's learned conv1 kernels: one row per output map j,
/// one small image per kernel v_{ji}, each tap a square on the blue–white–red
/// scale of the numeric matrix picture, symmetric around 0 over the whole layer,
/// so kernels compare with each other. A 3-D kernel is its k₁ slices side by side.
public struct SvgKernels: Sendable {
    /// Pixels per tap, before the picture shrinks to fit.
    public static let tapSize = 12
    static let largestSide = 900
    static let gap = 4
    static let labelWidth = 40
    /// Characters of the title drawn, at most.
    static let titleLength = 64

    public init() {}

    /// The picture of `grid`, titled `title`.
    public func render(_ grid: KernelGrid, title: String? = nil) -> String {
        let (height, width) = Self.imageSize(grid.kernelSize)
        let perRow = grid.rows.map(\.count).max() ?? 0
        let tap = max(1, min(Self.tapSize, Self.largestSide / max(1, perRow * (width + 1)), Self.largestSide / max(1, grid.rows.count * (height + 1))))
        let scale = grid.largestMagnitude
        var document = SvgDocument()
        var y = SvgRenderer.margin
        var pictureWidth = Self.labelWidth + perRow * (width * tap + Self.gap)
        if let title {
            // A connection table can make a spec hundreds of characters long: the title keeps its start.
            let shown = title.count > Self.titleLength ? String(title.prefix(Self.titleLength - 1)) + "…" : title
            y += 14
            document.text(shown, x: SvgRenderer.margin, y: y, size: 14, bold: true)
            pictureWidth = max(pictureWidth, SvgDocument.estimatedWidth(shown, size: 14))
        }
        y += 18
        let gallery = perRow == 1 && grid.rows.count > Self.galleryColumns
        let layout = gallery ? "one kernel per output map j (one input map)" : "a row per output map j, a kernel per input map i it reads"
        let subtitle = "kernels vⱼᵢ: \(layout); \(grid.kernelSize.map(String.init).joined(separator: "×")) taps"
        document.text(subtitle, x: SvgRenderer.margin, y: y)
        pictureWidth = max(pictureWidth, SvgDocument.estimatedWidth(subtitle))
        y += 10
        if gallery {
            y = drawGallery(grid, top: y, tap: tap, scale: scale, into: &document, width: &pictureWidth)
        } else {
            for (j, kernels) in grid.rows.enumerated() {
                document.text("j = \(j + 1)", x: SvgRenderer.margin, y: y + height * tap / 2 + 4)
                for (k, kernel) in kernels.enumerated() {
                    let left = SvgRenderer.margin + Self.labelWidth + k * (width * tap + Self.gap)
                    draw(kernel, size: grid.kernelSize, left: left, top: y, tap: tap, scale: scale, into: &document)
                }
                y += height * tap + Self.gap
            }
        }
        y += 16
        let legend = "blue < 0 < red, white = 0; |v| ≤ \(NumberFormat.compact(scale)) over the layer; " + inputLabels(grid)
        document.text(legend, x: SvgRenderer.margin, y: y)
        pictureWidth = max(pictureWidth, SvgDocument.estimatedWidth(legend))
        return document.finished(width: pictureWidth + 2 * SvgRenderer.margin, height: y + SvgRenderer.margin)
    }

    /// A layer with one input map (LeNet's H1: 12 kernels): the kernels in rows of
    /// ``galleryColumns``, each titled with its output map, instead of one tall column.
    private func drawGallery(
        _ grid: KernelGrid, top: Int, tap: Int, scale: Double, into document: inout SvgDocument, width pictureWidth: inout Int
    ) -> Int {
        let (height, width) = Self.imageSize(grid.kernelSize)
        let tap = max(tap, min(Self.tapSize * 2, Self.largestSide / (Self.galleryColumns * (width + 1))))
        let cell = (width: max(width * tap, 40) + 3 * Self.gap, height: height * tap + 18 + Self.gap)
        var y = top
        for (j, kernels) in grid.rows.enumerated() {
            let (row, column) = (j / Self.galleryColumns, j % Self.galleryColumns)
            let left = SvgRenderer.margin + column * cell.width
            y = top + row * cell.height
            document.text("j = \(j + 1)", x: left, y: y + 12)
            draw(kernels[0], size: grid.kernelSize, left: left, top: y + 16, tap: tap, scale: scale, into: &document)
        }
        pictureWidth = max(pictureWidth, Self.galleryColumns * cell.width)
        return y + cell.height
    }

    /// Kernels a gallery row holds.
    static let galleryColumns = 6

    /// Rows × columns of taps in one kernel's image: (1, k), (k₁, k₂), or k₁ slices of (k₂, k₃) side by side.
    static func imageSize(_ k: [Int]) -> (height: Int, width: Int) {
        switch k.count {
        case 1: (1, k[0])
        case 2: (k[0], k[1])
        default: (k[1], k[0] * k[2] + k[0] - 1)
        }
    }

    /// Which input maps the columns are, when every row reads the same ones.
    private func inputLabels(_ grid: KernelGrid) -> String {
        let maps = grid.rows.map { $0.map(\.inputMap) }
        guard let first = maps.first, maps.allSatisfy({ $0 == first }) else { return "each row's kernels read its own input maps" }
        return "columns: input maps i = " + first.map { String($0 + 1) }.joined(separator: ", ")
    }

    private func draw(_ kernel: KernelGrid.Kernel, size k: [Int], left: Int, top: Int, tap: Int, scale: Double, into document: inout SvgDocument) {
        let (height, width) = Self.imageSize(k)
        document.rect(x: left, y: top, width: width * tap, height: height * tap, fill: "#fff", stroke: "#999")
        for (t, value) in kernel.taps.enumerated() {
            let (row, column) = Self.position(ofTap: t, size: k)
            let fill = SvgColour.diverging(scale > 0 ? value / scale : 0).hex
            document.rect(x: left + column * tap, y: top + row * tap, width: tap, height: tap, fill: fill)
        }
    }

    /// Where flat tap t (C order) sits in the kernel's image.
    static func position(ofTap t: Int, size k: [Int]) -> (row: Int, column: Int) {
        switch k.count {
        case 1: return (0, t)
        case 2: return (t / k[1], t % k[1])
        default:
            let (slice, rest) = (t / (k[1] * k[2]), t % (k[1] * k[2]))
            return (rest / k[2], slice * (k[2] + 1) + rest % k[2])
        }
    }
}
