import Foundation

/// rsvg-convert (Debian's librsvg2-bin, installed by `make test`) as the
/// independent renderer: if it draws the SVG at the size the SVG states, the
/// picture is usable outside a browser too.
enum Rsvg {
    static let executable = "/usr/bin/rsvg-convert"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The PNG rsvg-convert makes of `svg`.
    static func png(_ svg: String) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "\(executable) is missing: run `make test`, which installs librsvg2-bin")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("convmat-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.svg")
        let output = directory.appendingPathComponent("out.png")
        try svg.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-o", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "rsvg-convert failed (\(process.terminationStatus)): \(message)")
        }
        return try Data(contentsOf: output)
    }

    /// Width and height from a PNG's IHDR chunk: bytes 16–19 and 20–23, big-endian,
    /// after the 8-byte signature and the chunk's length and type.
    static func size(ofPNG data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            bytes[12..<16] == Array("IHDR".utf8)[...]
        else { return nil }
        let bigEndian = { (at: Int) in bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }
}

/// Hue and lightness of a `#rrggbb` fill, computed here from RGB (the test's own
/// formula, not the renderer's): hue in degrees, lightness (max + min) / 2.
struct HexColour {
    let hue: Double
    let lightness: Double

    init?(_ hex: String?) {
        guard let hex, hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        let r = Double(value >> 16 & 255) / 255, g = Double(value >> 8 & 255) / 255, b = Double(value & 255) / 255
        let high = max(r, g, b), low = min(r, g, b), range = high - low
        lightness = (high + low) / 2
        var h = 0.0
        if range > 0 {
            if high == r { h = (g - b) / range } else if high == g { h = 2 + (b - r) / range } else { h = 4 + (r - g) / range }
        }
        hue = (h * 60 + 360).truncatingRemainder(dividingBy: 360)
    }

    /// The distance between two hues around the circle, 0…180.
    static func hueDistance(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 360)
        return min(d, 360 - d)
    }
}
