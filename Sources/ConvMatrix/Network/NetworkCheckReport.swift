/// What ``NetworkChecker`` found: each layer's own report, then the
/// whole-network finite-difference checks of E = ½‖y‖².
public struct NetworkCheckReport: Sendable {
    /// One whole-network check: `∂E/∂x`, or `∂E/∂θ NAME` for one layer's parameters.
    public struct Check: Sendable, Equatable {
        public let name: String
        public let ran: Bool
        public let maxAbsError: Double?
        public let tolerance: Double?
        public let passed: Bool?
        /// The step, the sample, the data, or why the check did not run.
        public let note: String

        static func ran(_ name: String, error: Double, tolerance: Double, note: String) -> Check {
            Check(name: name, ran: true, maxAbsError: error, tolerance: tolerance, passed: error <= tolerance, note: note)
        }

        static func skipped(_ name: String, because note: String) -> Check {
            Check(name: name, ran: false, maxAbsError: nil, tolerance: nil, passed: nil, note: note)
        }
    }

    /// One layer's check, under its full name.
    public struct LayerReport: Sendable {
        public let name: String
        public let report: CheckReport
    }

    public let network: String
    public let input: TensorShape
    public let seed: UInt64
    /// The x the network checks ran at (and that gave the input-dependent layers their points).
    public let x: [Double]
    /// How x and the weights were drawn, and what the step was chosen against.
    public let dataNote: String
    public let layers: [LayerReport]
    public let checks: [Check]

    /// True when every layer passed and every network check that ran passed.
    public var passed: Bool { layers.allSatisfy(\.report.passed) && checks.allSatisfy { $0.passed != false } }

    /// True when some layer's matrix is a Jacobian at a point.
    public var isInputDependent: Bool { layers.contains { $0.report.point != nil } }

    /// `block.conv1: finite differences; …`: every failed check, by layer.
    public var failureSummary: String {
        let layerFailures = layers.flatMap { layer in layer.report.failures.map { "\(layer.name): \($0.name.rawValue)" } }
        let networkFailures = checks.filter { $0.passed == false }.map(\.name)
        return (layerFailures + networkFailures).joined(separator: "; ")
    }
}
