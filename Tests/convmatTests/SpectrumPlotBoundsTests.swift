import Foundation
import Testing

/// The spectrum plot keeps every point inside its axes: the first and the last
/// dots (radius 3) lie wholly between the vertical axis and the plot's right end.
@Suite struct SpectrumPlotBoundsTests {
    /// The plot's left axis and right end: the x-axis path `M left top V bottom H right`.
    static func axes(_ svg: String) throws -> (left: Double, right: Double) {
        let path = try #require(svg.firstMatch(of: /<path d="M([0-9.]+) [0-9.]+V[0-9.]+H([0-9.]+)"/))
        return (try #require(Double(path.1)), try #require(Double(path.2)))
    }

    @Test(arguments: [["Conv1d(1, 1, 3)", "--input", "1x8"], ["Conv1d(1, 1, 2, bias=False)", "--input", "1x2"], ["Linear(3, 2)", "--input", "3"]])
    func everyDotIsInsideTheAxes(_ layer: [String]) throws {
        let result = try CLI.run(["spectrum"] + layer + ["--format", "svg"])
        #expect(result.status == 0)
        let (left, right) = try Self.axes(result.stdout)
        let centres = result.stdout.matches(of: /<circle cx="([0-9.]+)" cy="[0-9.]+" r="([0-9.]+)"/).compactMap {
            (Double($0.1), Double($0.2))
        }
        try #require(!centres.isEmpty)
        for case let (x?, r?) in centres {
            #expect(x - r > left && x + r < right, "dot at \(x) (radius \(r)) leaves the axes \(left)…\(right)")
        }
    }
}
