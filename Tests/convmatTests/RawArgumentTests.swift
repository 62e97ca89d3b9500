import Foundation
import Testing

/// Arguments that are not UTF-8 reach convmat only through a shell: Swift's own
/// strings cannot hold them, and would repair them into another path.
@Suite struct RawArgumentTests {
    /// Runs `script` under /bin/sh with $0 the convmat binary.
    static func shell(_ script: String) throws -> CLI.Result {
        try CLI.run(["-c", script, CLI.binary.path], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test(arguments: [
        (#"exec "$0" show 'Conv1d(1, 1, 3)' --input 1x4 --format npy --output "$(printf 'convmat-raw-t.np\303y')""#, "output"),
        (#"exec "$0" show 'Conv1d(1, 1, 3)' --input 1x4 --weight "$(printf 'w\377.npy')""#, "weight"),
        (#"exec "$0" show "$(printf 'Conv1d(1,\377 1, 3)')" --input 1x4"#, "argument"),
    ])
    func invalidUTF8IsRefusedNamingItsOption(script: String, field: String) throws {
        let result = try Self.shell(script)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("convmat: error: \(field): "), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("is not valid UTF-8"))
        let written = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        #expect(!written.contains { $0.hasPrefix("convmat-raw-t.np") }, "a repaired name was written")
    }
}
