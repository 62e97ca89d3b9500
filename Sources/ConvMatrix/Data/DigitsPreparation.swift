/// The digits as LeNet 1989 reads them: 16×16 inputs in [−1, 1].
///
/// Upsampling is by the nearest pixel: each 8×8 pixel becomes a 2×2 block,
///
///     u[r, c] = g[⌊r/2⌋, ⌊c/2⌋]                      r, c ∈ 0…15
///
/// which keeps the 17 grey levels and adds none, and the levels are scaled as the
/// paper scaled its grey levels, background −1 and full ink +1:
///
///     x[r, c] = u[r, c] / 8 − 1                      0 ↦ −1,  8 ↦ 0,  16 ↦ +1
///
/// so that the border LeNet 1989 pads with (−1) is the background.
///
///     let prepared = DigitsPreparation.input(Digits.shipped.images[0])
///     prepared.count   // 256
public enum DigitsPreparation {
    /// Pixels per side after upsampling.
    public static let side = 2 * Digits.side
    /// The input shape, 1×16×16.
    public static let shape = TensorShape(channels: 1, spatial: [side, side])

    /// One image's 256 inputs, row-major, in [−1, 1].
    public static func input(_ image: [UInt8]) -> [Double] {
        precondition(image.count == Digits.side * Digits.side, "an image has \(Digits.side * Digits.side) pixels, not \(image.count)")
        var x: [Double] = []
        x.reserveCapacity(side * side)
        for r in 0..<side {
            for c in 0..<side {
                x.append(scaled(image[(r / 2) * Digits.side + c / 2]))
            }
        }
        return x
    }

    /// g / 8 − 1: the grey level on [−1, 1].
    public static func scaled(_ level: UInt8) -> Double {
        Double(level) / Double(Digits.maximumLevel / 2) - 1
    }
}
