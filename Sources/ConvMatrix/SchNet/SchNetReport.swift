/// What `show schnet` and `check schnet` print for programs (docs/json.md, "SchNet").
///
/// Keys are snake_case; atoms are in the file's order, indices 0-based, lengths
/// in Å, times in fs, energies in the model's arbitrary unit (read as eV for dynamics).
public struct SchNetReport: Encodable, Sendable {
    public struct DistanceClassEntry: Encodable, Sendable {
        public let distance: Double
        /// Ordered pairs [i, j].
        public let pairs: [[Int]]
        /// W_f(d) for f = 1 … F, interaction block 1.
        public let filter: [Double]
    }

    public struct CheckEntry: Encodable, Sendable {
        public let name: String
        public let error: Double
        public let tolerance: Double
        public let passed: Bool
    }

    public struct DriftEntry: Encodable, Sendable {
        public let dt: Double
        public let drift: Double
    }

    public struct DynamicsEntry: Encodable, Sendable {
        public let dt: Double
        public let steps: Int
        public let potentialEnergies: [Double]
        public let kineticEnergies: [Double]
        public let totalEnergies: [Double]
        public let drift: Double
        /// The drift at dt, dt/2 and dt/4 over the same total time.
        public let drifts: [DriftEntry]
        public let finalPositions: [[Double]]
    }

    public struct OptimisationEntry: Encodable, Sendable {
        public let energies: [Double]
        public let largestForce: Double
        public let finalPositions: [[Double]]
    }

    public let version = 1
    public let kind = "SchNet"
    public let spec: String
    public let inputShape: [Int]
    public let molecule: String
    public let seed: UInt64
    public let elements: [String]
    public let positions: [[Double]]
    public let energy: Double
    public let energyUnit = "arbitrary"
    public let forces: [[Double]]
    public let distances: [[Double]]
    public let distanceClasses: [DistanceClassEntry]
    public let checks: [CheckEntry]?
    public let dynamics: DynamicsEntry?
    public let optimisation: OptimisationEntry?

    enum CodingKeys: String, CodingKey {
        case version, kind, spec, molecule, seed, elements, positions, energy, forces, distances, checks, dynamics, optimisation
        case inputShape = "input_shape", energyUnit = "energy_unit", distanceClasses = "distance_classes"
    }

    /// Every key is written, nil ones as null (docs/json.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(kind, forKey: .kind)
        try container.encode(spec, forKey: .spec)
        try container.encode(inputShape, forKey: .inputShape)
        try container.encode(molecule, forKey: .molecule)
        try container.encode(seed, forKey: .seed)
        try container.encode(elements, forKey: .elements)
        try container.encode(positions, forKey: .positions)
        try container.encode(energy, forKey: .energy)
        try container.encode(energyUnit, forKey: .energyUnit)
        try container.encode(forces, forKey: .forces)
        try container.encode(distances, forKey: .distances)
        try container.encode(distanceClasses, forKey: .distanceClasses)
        try container.encode(checks, forKey: .checks)
        try container.encode(dynamics, forKey: .dynamics)
        try container.encode(optimisation, forKey: .optimisation)
    }
}

extension SchNetReport.DynamicsEntry {
    enum CodingKeys: String, CodingKey {
        case dt, steps, drift, drifts
        case potentialEnergies = "potential_energies", kineticEnergies = "kinetic_energies", totalEnergies = "total_energies"
        case finalPositions = "final_positions"
    }
}

extension SchNetReport.OptimisationEntry {
    enum CodingKeys: String, CodingKey {
        case energies
        case largestForce = "largest_force", finalPositions = "final_positions"
    }
}
