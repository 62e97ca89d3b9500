import Foundation

/// The singular values of a spectrum report as a small self-contained SVG line plot.
///
/// The horizontal axis is the index i = 1…k, each at the middle of its own
/// k-th of the axis (so that no point sits on the plot's edge), the vertical axis σ_i on a linear
/// scale from 0 to σ₁ (rounded up to a tick), so that a rank deficiency shows
/// as values on the floor; a dashed line after σ_r marks the rank when it is
/// below k. Points are drawn as dots up to 64 values, as a line beyond.
public struct SpectrumPlot: Sendable {
    public let report: SpectrumReport
    public static let width = 640.0
    public static let height = 400.0
    static let margin = (left: 72.0, right: 24.0, top: 56.0, bottom: 52.0)

    public init(_ report: SpectrumReport) {
        self.report = report
    }

    /// The plot as an SVG document.
    public var svg: String {
        let values = report.result.spectrum.singularValues
        let yTicks = Self.ticks(upTo: values.first ?? 0)
        let yTop = yTicks.last ?? 1
        let xTicks = [1] + Self.ticks(upTo: Double(values.count)).filter { $0 > 1 && $0 <= Double(values.count) && $0 == $0.rounded() }
        let (left, right, top, bottom) = Self.margin
        let plotWidth = Self.width - left - right, plotHeight = Self.height - top - bottom
        // Index i sits at the middle of the i-th of k equal slots, so that the first and the
        // last points (dots of radius 3) stay inside the axes instead of on their edges.
        func x(_ i: Double) -> Double { left + (i - 0.5) / Double(max(values.count, 1)) * plotWidth }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - v / yTop) }
        let number = { (v: Double) in String(format: "%.2f", v) }
        var out = [
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(Int(Self.width))" height="\##(Int(Self.height))" viewBox="0 0 \##(Int(Self.width)) \##(Int(Self.height))" font-family="sans-serif" font-size="12">"##,
            ##"<rect width="100%" height="100%" fill="white"/>"##,
            Self.text(title, x: left, y: 20, width: Self.width - left - right, attributes: ##"font-size="13""##),
            Self.text(subtitle, x: left, y: 38, width: Self.width - left - right, attributes: ##"fill="#555""##),
        ]
        for tick in yTicks {
            out.append(
                ##"<line x1="\##(number(left))" y1="\##(number(y(tick)))" x2="\##(number(left + plotWidth))" y2="\##(number(y(tick)))" stroke="#ddd"/>"##)
            out.append(
                ##"<text x="\##(number(left - 6))" y="\##(number(y(tick) + 4))" text-anchor="end">\##(NumberFormat.significant(tick, digits: 3))</text>"##)
        }
        for tick in xTicks {
            out.append(##"<text x="\##(number(x(tick)))" y="\##(number(top + plotHeight + 18))" text-anchor="middle">\##(Int(tick))</text>"##)
        }
        out.append(##"<path d="M\##(number(left)) \##(number(top))V\##(number(top + plotHeight))H\##(number(left + plotWidth))" fill="none" stroke="black"/>"##)
        out.append(##"<text x="\##(number(left + plotWidth / 2))" y="\##(number(Self.height - 10))" text-anchor="middle">index i (descending order)</text>"##)
        out.append(##"<text transform="translate(18 \##(number(top + plotHeight / 2))) rotate(-90)" text-anchor="middle">singular value σᵢ (gain)</text>"##)
        let spectrum = report.result.spectrum
        if spectrum.isRankDeficient, spectrum.rank > 0 {
            let at = x(Double(spectrum.rank) + 0.5)
            out.append(
                ##"<line x1="\##(number(at))" y1="\##(number(top))" x2="\##(number(at))" y2="\##(number(top + plotHeight))" stroke="#c00" stroke-dasharray="4 3"/>"##
            )
            out.append(##"<text x="\##(number(at - 4))" y="\##(number(top + 12))" text-anchor="end" fill="#c00">rank \##(spectrum.rank)</text>"##)
        }
        let points = values.enumerated().map { "\(number(x(Double($0.offset + 1)))),\(number(y($0.element)))" }
        out.append(##"<polyline points="\##(points.joined(separator: " "))" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>"##)
        if values.count <= 64 {
            for (i, v) in values.enumerated() {
                out.append(##"<circle cx="\##(number(x(Double(i + 1))))" cy="\##(number(y(v)))" r="3" fill="#1f5fa8"/>"##)
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private var title: String { report.result.layer.specDescription }

    private var subtitle: String {
        let s = report.result.spectrum
        let kappa = s.conditionNumber.map { NumberFormat.significant($0, digits: 4) } ?? "∞"
        return "input \(report.result.layer.input), Wᵀ \(s.rows) × \(s.columns), \(report.result.ran.rawValue): "
            + "σ₁ = \(NumberFormat.significant(s.spectralNorm, digits: 4)), rank \(s.rank), nullity \(s.nullity), κ = \(kappa)"
    }

    /// A line of text, squeezed to `width` when it would run past it (about 0.55 em a character).
    static func text(_ content: String, x: Double, y: Double, width: Double, attributes: String) -> String {
        let size = attributes.contains("font-size=\"13\"") ? 13.0 : 12.0
        let fit =
            Double(content.count) * 0.55 * size > width
            ? " textLength=\"\(String(format: "%.2f", width))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
        return "<text x=\"\(String(format: "%.2f", x))\" y=\"\(String(format: "%.2f", y))\" \(attributes)\(fit)>\(escaped(content))</text>"
    }

    /// 0 and multiples of a step of 1, 2 or 5 × 10ᵉ, up to the first at or above `top`
    /// (about five ticks); [0, 1] when `top` is 0.
    static func ticks(upTo top: Double) -> [Double] {
        guard top > 0, top.isFinite else { return [0, 1] }
        let rough = top / 5
        let power = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let count = Int((top / step).rounded(.up))
        return (0...max(1, count)).map { Double($0) * step }
    }

    /// Text with &, <, >, ' and " escaped for XML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&apos;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
