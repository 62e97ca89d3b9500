import Foundation
import Testing

@testable import ConvMatrix

/// The digits compiled into the library are data/digits/*.npy, prepared by the
/// stated rules and split by the stated seed.
@Suite struct TrainingDigitsTests {
    static let folder = NetworkShippedTests.root.appendingPathComponent("data").appendingPathComponent("digits")

    /// The .npy data bytes after the header: (header text, data).
    static func npy(_ name: String) throws -> (header: String, data: [UInt8]) {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        try #require(bytes.count > 10 && bytes[0] == 0x93 && bytes[6] == 1)
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        return (String(decoding: bytes[10..<10 + length], as: UTF8.self), Array(bytes[(10 + length)...]))
    }

    /// images.npy is uint8 (1797, 8, 8) and its bytes are the compiled pixels;
    /// labels.npy (read by the library's own reader) holds the compiled labels.
    @Test func theCompiledCopyEqualsTheFiles() throws {
        let (header, data) = try Self.npy("images.npy")
        #expect(header.contains("'descr': '|u1'") && header.contains("'shape': (1797, 8, 8)"), "run scripts/digits_data.py")
        #expect(data == Digits.shipped.images.flatMap { $0 }, "run scripts/digits_data.py")
        let labels = try NpyArray(contentsOf: Self.folder.appendingPathComponent("labels.npy").path)
        #expect(labels.shape == [1797])
        #expect(labels.values == Digits.shipped.labels.map(Double.init), "run scripts/digits_data.py")
        #expect(Set(Digits.shipped.labels) == Set(0...9))
        #expect(Digits.shipped.images.allSatisfy { $0.count == 64 && $0.allSatisfy { $0 <= 16 } })
    }

    /// Each pixel becomes a 2×2 block, and 0, 8, 16 become −1, 0, +1.
    @Test func preparationUpsamplesByTheNearestPixelAndScalesToPlusMinusOne() {
        let image = (0..<64).map { UInt8($0 % 17) }
        let x = DigitsPreparation.input(image)
        #expect(x.count == 256)
        for r in 0..<16 {
            for c in 0..<16 { #expect(x[r * 16 + c] == Double(image[(r / 2) * 8 + c / 2]) / 8 - 1) }
        }
        #expect(DigitsPreparation.scaled(0) == -1 && DigitsPreparation.scaled(8) == 0 && DigitsPreparation.scaled(16) == 1)
    }

    /// 1,297 and 500, disjoint, covering every image, the same on every call, and
    /// from Fisher–Yates with seed 1989 (not the identity order).
    @Test func theSplitIsFixedAndSeeded() {
        let split = DigitsSplit.standard
        #expect(split.training.count == 1297 && split.test.count == 500)
        #expect(Set(split.training.indices).isDisjoint(with: split.test.indices))
        #expect(Set(split.training.indices + split.test.indices) == Set(0..<1797))
        #expect(split.training.indices == DigitsSplit(Digits.shipped).training.indices)
        #expect(split.training.indices + split.test.indices == DigitsSplit.shuffled(count: 1797, seed: 1989))
        #expect(split.training.indices != Array(0..<1297))
        #expect(split.test.labels == split.test.indices.map { Digits.shipped.labels[$0] })
        #expect(split.test.inputs[0] == DigitsPreparation.input(Digits.shipped.images[split.test.indices[0]]))
    }
}
