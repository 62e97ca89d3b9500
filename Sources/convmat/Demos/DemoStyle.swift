import ConvMatrix

/// How a demo's matrices are drawn: in colour on a terminal, as `show` draws
/// them (a hue per block, NO_COLOR respected), plain in pipes, files and tests.
/// `convmat demo` sets ``colour`` for the whole run; the steps ask for their
/// renderer here, so no demo needs to know where its output goes.
enum DemoStyle {
    @TaskLocal static var colour = false

    /// The text renderer of a demo's matrices.
    static func renderer(entries: MatrixTextRenderer.Entries = .symbolic) -> MatrixTextRenderer {
        MatrixTextRenderer(entries: entries, colour: colour)
    }
}
