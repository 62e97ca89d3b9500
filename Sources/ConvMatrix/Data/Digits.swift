import Foundation

/// scikit-learn's handwritten digits, compiled into the library: 1,797 images of
/// 8×8 pixels, each pixel a grey level 0…16 (the count of inked pixels in a 4×4
/// block of the original 32×32 bitmap), and their labels 0…9.
///
/// From the UCI "Optical Recognition of Handwritten Digits" data set (Alpaydin and
/// Kaynak, 1998; CC BY 4.0) as scikit-learn ships it (BSD-3); data/digits/README.md
/// gives the provenance, scripts/digits_data.py regenerates the files and
/// ``DigitsData``, and scripts/check_digits_data.py checks them against scikit-learn.
///
///     let digits = Digits.shipped
///     digits.count          // 1797
///     digits.labels[0]      // 0
///     digits.images[0][3]   // 13: row 0, column 3 of image 0
public struct Digits: Sendable, Equatable {
    /// Pixels per side of an image.
    public static let side = 8
    /// The largest grey level: ink in all 16 pixels of the original block.
    public static let maximumLevel = 16

    /// Each image's 64 grey levels, row-major.
    public let images: [[UInt8]]
    /// Each image's digit, 0…9.
    public let labels: [Int]

    public var count: Int { labels.count }

    /// The compiled copy of data/digits/images.npy and labels.npy, decoded once.
    public static let shipped: Digits = {
        guard let bytes = Data(base64Encoded: DigitsData.imagesBase64, options: .ignoreUnknownCharacters) else {
            preconditionFailure("DigitsData.imagesBase64 is not base64: run scripts/digits_data.py")
        }
        let labels = DigitsData.labelDigits.compactMap(\.wholeNumberValue)
        let pixels = side * side
        precondition(bytes.count == DigitsData.imageCount * pixels && labels.count == DigitsData.imageCount, "DigitsData is inconsistent")
        let flat = [UInt8](bytes)
        let images = (0..<DigitsData.imageCount).map { k in Array(flat[k * pixels..<(k + 1) * pixels]) }
        return Digits(images: images, labels: labels)
    }()
}
