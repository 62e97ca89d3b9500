import Foundation

/// The pictures in docs/images are golden files too: with CONVMAT_UPDATE_GOLDEN=1
/// they are rewritten, otherwise a test compares them with what the library
/// draws now, so that the documentation never shows a stale picture.
extension Golden {
    static let docsImages = packageRoot.appendingPathComponent("docs").appendingPathComponent("images")

    /// The stored docs/images/`name`, rewritten first when updating.
    static func docsImage(_ name: String, actual: String) throws -> String {
        let url = docsImages.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CONVMAT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: docsImages, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
