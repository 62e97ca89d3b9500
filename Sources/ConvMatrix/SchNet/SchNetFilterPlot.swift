import Foundation

/// An SVG plot of the filters W_f(d) against d, with the molecule's distance classes marked.
///
/// The first `features` filters of interaction block 1 over d ∈ [0, d_max + 0.5 Å],
/// 200 samples each; a dashed vertical line at each class distance d_c, where
/// the cfconv reads the filter.
public enum SchNetFilterPlot {
    public static func svg(model: SchNetModel, molecule: Molecule, features: Int = 4) -> String {
        let classes = DistanceClasses(molecule, configuration: model.configuration)
        let top = (classes.classes.last?.distance ?? 1) + 0.5
        let samples = (0...200).map { top * Double($0) / 200 }
        let shown = min(features, model.configuration.features)
        let values = model.filterValues(at: samples)
        let all = (0..<shown).flatMap { f in samples.indices.map { values[$0, f] } }
        let (low, high) = (min(all.min() ?? 0, 0), max(all.max() ?? 1, 0))
        let span = high - low > 0 ? high - low : 1
        let (width, height, margin) = (640.0, 360.0, 48.0)
        func x(_ d: Double) -> Double { margin + (width - 2 * margin) * d / top }
        func y(_ v: Double) -> Double { height - margin - (height - 2 * margin) * (v - low) / span }
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f"]
        var body: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">",
            "<title>SchNet filters W_f(d) of interaction 1 on \(Self.escaped(molecule.name))</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            line(x(0), y(0), x(top), y(0), "#000000", dashed: false),
            line(x(0), y(low), x(0), y(high), "#000000", dashed: false),
        ]
        for group in classes.classes {
            body.append(line(x(group.distance), y(low), x(group.distance), y(high), "#999999", dashed: true))
        }
        for f in 0..<shown {
            let points = samples.indices.map { "\(format(x(samples[$0]))),\(format(y(values[$0, f])))" }.joined(separator: " ")
            body.append("<polyline fill=\"none\" stroke=\"\(colours[f % colours.count])\" stroke-width=\"1.5\" points=\"\(points)\"/>")
            body.append(
                "<text x=\"\(format(width - margin + 4))\" y=\"\(format(margin + 14 * Double(f)))\" font-size=\"11\" fill=\"\(colours[f % colours.count])\">W_\(f + 1)</text>"
            )
        }
        body.append(
            "<text x=\"\(format(width / 2))\" y=\"\(format(height - 12))\" font-size=\"12\" text-anchor=\"middle\">d (Å); dashed: the molecule's distances</text>"
        )
        body.append("</svg>")
        return body.joined(separator: "\n") + "\n"
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ colour: String, dashed: Bool) -> String {
        "<line x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\" stroke=\"\(colour)\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
    }

    private static func format(_ v: Double) -> String { "\((v * 100).rounded() / 100)" }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
