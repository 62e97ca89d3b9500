import Foundation

/// Golden files under Tests/ConvMatrixTests/Golden: with CONVMAT_UPDATE_GOLDEN=1 in
/// the environment the file is rewritten first, so a reviewer can read the diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func text(_ name: String, actual: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CONVMAT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The repository root, for tests that read docs/ or README.md.
    static let packageRoot =
        directory
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
