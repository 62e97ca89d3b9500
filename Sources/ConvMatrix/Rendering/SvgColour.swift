import Foundation

/// An sRGB colour, written `#rrggbb`, and the three colour scales of the SVG
/// pictures: hue and lightness (HSL), a diverging blue–white–red scale, and grey.
struct SvgColour: Hashable, Sendable {
    var red: Double
    var green: Double
    var blue: Double

    static let white = SvgColour(red: 1, green: 1, blue: 1)
    static let black = SvgColour(red: 0, green: 0, blue: 0)
    /// The ends of the diverging scale (ColorBrewer RdBu).
    static let negative = SvgColour(red: 0x21 / 255, green: 0x66 / 255, blue: 0xac / 255)
    static let positive = SvgColour(red: 0xb2 / 255, green: 0x18 / 255, blue: 0x2b / 255)

    /// `#rrggbb`.
    var hex: String {
        "#" + [red, green, blue].map { String(format: "%02x", Int(($0 * 255).rounded())) }.joined()
    }

    /// A colour from hue (degrees), saturation and lightness (both 0…1):
    ///
    ///     C = (1 − |2L − 1|)·S,   X = C·(1 − |(H/60) mod 2 − 1|),   m = L − C/2
    ///
    /// and (R, G, B) is (C, X, 0) turned by the sixth of the circle H lies in, plus m.
    static func hsl(hue: Double, saturation: Double, lightness: Double) -> SvgColour {
        let h = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360) / 60
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let x = chroma * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let m = lightness - chroma / 2
        let (r, g, b): (Double, Double, Double) =
            switch Int(h) {
            case 0: (chroma, x, 0)
            case 1: (x, chroma, 0)
            case 2: (0, chroma, x)
            case 3: (0, x, chroma)
            case 4: (x, 0, chroma)
            default: (chroma, 0, x)
            }
        return SvgColour(red: r + m, green: g + m, blue: b + m)
    }

    /// The straight line from `self` (at 0) to `other` (at 1).
    func mixed(with other: SvgColour, _ amount: Double) -> SvgColour {
        SvgColour(
            red: red + (other.red - red) * amount,
            green: green + (other.green - green) * amount,
            blue: blue + (other.blue - blue) * amount)
    }

    /// Grey: 0 black, 1 white.
    static func grey(_ level: Double) -> SvgColour {
        SvgColour(red: level, green: level, blue: level)
    }

    /// The diverging scale at v ∈ [−1, 1]: blue below 0, white at 0, red above,
    /// rounded to steps of 1/16 so that neighbouring entries share colours.
    static func diverging(_ v: Double) -> SvgColour {
        let t = (min(max(v, -1), 1) * 16).rounded() / 16
        return t < 0 ? white.mixed(with: negative, -t) : white.mixed(with: positive, t)
    }

    /// A density d ∈ (0, 1] rounded up to eighths, so that a cell with any nonzero
    /// entry is never white and neighbouring cells share colours.
    static func densityLevel(_ d: Double) -> Double {
        max(1, min(8, (d * 8).rounded(.up))) / 8
    }
}
