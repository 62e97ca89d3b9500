/// What the checker found for one layer configuration.
public struct CheckReport: Sendable {
    /// The fixed names of the checks (docs/checker.md).
    public enum Name: String, Sendable, CaseIterable {
        case structure = "structure"
        case forwardAtPoint = "forward at x"
        case forwardIntegers = "forward (integers)"
        case forwardReals = "forward (reals)"
        case forwardGivenWeights = "forward (given weights)"
        case inputGradient = "input gradient"
        case weightGradient = "weight gradient"
        case biasGradient = "bias gradient"
        case offset = "offset"
        case finiteDifferences = "finite differences"
        case adjoint = "adjoint"
    }

    /// One check's outcome. A check that did not run has nil error, tolerance and verdict.
    public struct Check: Sendable, Equatable {
        public let name: Name
        public let ran: Bool
        public let maxAbsError: Double?
        public let tolerance: Double?
        public let passed: Bool?
        /// What was compared, what was sampled, or why the check did not run.
        public let note: String

        static func ran(_ name: Name, error: Double, tolerance: Double, note: String) -> Check {
            Check(name: name, ran: true, maxAbsError: error, tolerance: tolerance, passed: error <= tolerance, note: note)
        }

        static func skipped(_ name: Name, because note: String) -> Check {
            Check(name: name, ran: false, maxAbsError: nil, tolerance: nil, passed: nil, note: note)
        }
    }

    /// The canonical spec of the layer checked.
    public let spec: String
    public let input: TensorShape
    public let seed: UInt64
    /// x, for an input-dependent layer: the point its Jacobian was checked at; nil for a linear layer.
    public let point: [Double]?
    /// Where x came from (`drawn from seed 1`, `given`); nil for a linear layer.
    public let pointSource: String?
    public let checks: [Check]

    /// True when every check that ran passed.
    public var passed: Bool { checks.allSatisfy { $0.passed != false } }

    /// The outcome of the check with this name.
    public subscript(name: Name) -> Check? { checks.first { $0.name == name } }

    /// The checks that ran and failed.
    public var failures: [Check] { checks.filter { $0.passed == false } }
}
