/// Velocity Verlet with the model's own forces, starting at rest.
///
///     v ← v + (Δt/2) κ F/m,   r ← r + Δt v,   F ← F(r),   v ← v + (Δt/2) κ F/m
///
/// Units: Å, fs, u. The model's energy is in arbitrary units; for dynamics one
/// unit is taken to be 1 eV, so a force in units per Å gives the acceleration
/// κ F/m in Å/fs² with κ = 1 eV/(Å·u) = (e/u) · 10⁻¹⁰ Å/fs² ≈ 9.6485 × 10⁻³, and the
/// kinetic energy is ½ m v² / κ in the same units as E.
///
/// The drift, max_t |E_tot(t) − E_tot(0)| over a fixed total time, goes as Δt²
/// for the symplectic second-order integrator, as long as the forces are the
/// exact gradient of E: halving Δt divides it by about 4.
public enum MolecularDynamics {
    /// κ = 1 eV/(Å·u) in Å/fs²: 1.602176634 × 10⁻¹⁹ J / (10⁻¹⁰ m · 1.66053906660 × 10⁻²⁷ kg)
    /// in m/s², times 10¹⁰ Å/m and (10⁻¹⁵ s/fs)²: 10⁻¹⁰ overall.
    public static let accelerationPerForce = 1.602176634e-19 / 1.66053906660e-27 * 1e-10

    /// The most steps one run takes.
    public static let stepLimit = 100_000

    /// A trajectory's energies, one entry per step and one for t = 0.
    public struct Run: Sendable {
        public let timeStep: Double
        public let potential: [Double]
        public let kinetic: [Double]
        public var total: [Double] { zip(potential, kinetic).map(+) }
        /// max_t |E_tot(t) − E_tot(0)|.
        public var drift: Double { total.map { abs($0 - total[0]) }.max() ?? 0 }
        /// The final geometry.
        public let final: Molecule
    }

    /// `steps` steps of length `dt` fs from `molecule` at rest.
    ///
    /// - Throws: ``ConvMatrixError`` on field `dynamics` for a step count outside
    ///   1…``stepLimit``, on `dt` for a step that is not a positive number up to
    ///   10 fs, and on `dynamics` when the energy stops being finite.
    public static func run(model: SchNetModel, molecule: Molecule, timeStep dt: Double, steps: Int) throws(ConvMatrixError) -> Run {
        guard (1...stepLimit).contains(steps) else { throw ConvMatrixError(.option, field: "dynamics", reason: "\(steps) steps; 1 to \(stepLimit)") }
        guard dt.isFinite, dt > 0, dt <= 10 else { throw ConvMatrixError(.option, field: "dt", reason: "\(dt) fs; a time step is in (0, 10] fs") }
        let masses = molecule.masses
        var current = molecule
        var velocities = Array(repeating: SIMD3<Double>.zero, count: molecule.count)
        var evaluation = model.evaluate(current)
        var (potential, kinetic) = ([evaluation.energy], [0.0])
        for _ in 0..<steps {
            kick(&velocities, forces: evaluation.forces, masses: masses, by: dt / 2)
            current = current.moved(to: zip(current.positions, velocities).map { $0 + dt * $1 })
            evaluation = model.evaluate(current)
            kick(&velocities, forces: evaluation.forces, masses: masses, by: dt / 2)
            guard evaluation.energy.isFinite else {
                throw ConvMatrixError(.numerical, field: "dynamics", reason: "the energy is not finite after \(potential.count) steps")
            }
            potential.append(evaluation.energy)
            kinetic.append(kineticEnergy(velocities, masses: masses))
        }
        return Run(timeStep: dt, potential: potential, kinetic: kinetic, final: current)
    }

    /// v ← v + h κ F/m.
    static func kick(_ velocities: inout [SIMD3<Double>], forces: [SIMD3<Double>], masses: [Double], by h: Double) {
        for i in velocities.indices { velocities[i] += (h * accelerationPerForce / masses[i]) * forces[i] }
    }

    /// Σ ½ m v² / κ, in the energy's unit.
    static func kineticEnergy(_ velocities: [SIMD3<Double>], masses: [Double]) -> Double {
        zip(velocities, masses).reduce(0) { $0 + 0.5 * $1.1 * ($1.0 * $1.0).sum() } / accelerationPerForce
    }
}
