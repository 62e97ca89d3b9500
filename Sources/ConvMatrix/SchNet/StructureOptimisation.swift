/// Steepest descent with a backtracking step: every accepted step lowers E.
///
///     r ← r + α F(r)      accepted when E falls; then α ← 1.2 α, else α ← α/2 and retry
///
/// α starts at 0.01 Å² per energy unit. A step is abandoned after 40 halvings
/// (α below 10⁻¹² of its start: the geometry is at a minimum to rounding), and the
/// run stops there.
public enum StructureOptimisation {
    /// The most steps one run takes.
    public static let stepLimit = 100_000

    /// The energies after each accepted step (the first the start's), the final geometry and its largest force.
    public struct Run: Sendable {
        public let energies: [Double]
        public let final: Molecule
        /// max_i ‖F_i‖ at the final geometry, energy units per Å.
        public let largestForce: Double
    }

    /// Up to `steps` descent steps from `molecule`.
    ///
    /// - Throws: ``ConvMatrixError`` on field `optimise` for a step count outside 1…``stepLimit``.
    public static func run(model: SchNetModel, molecule: Molecule, steps: Int) throws(ConvMatrixError) -> Run {
        guard (1...stepLimit).contains(steps) else { throw ConvMatrixError(.option, field: "optimise", reason: "\(steps) steps; 1 to \(stepLimit)") }
        var current = molecule
        var evaluation = model.evaluate(current)
        var energies = [evaluation.energy]
        var alpha = 0.01
        for _ in 0..<steps {
            guard let (next, nextEvaluation) = descend(model: model, from: current, evaluation: evaluation, alpha: &alpha) else { break }
            (current, evaluation) = (next, nextEvaluation)
            energies.append(evaluation.energy)
        }
        return Run(energies: energies, final: current, largestForce: evaluation.forces.map(length).max() ?? 0)
    }

    /// One accepted step, or nil when 40 halvings find no lower energy.
    private static func descend(
        model: SchNetModel, from molecule: Molecule, evaluation: SchNetModel.Evaluation, alpha: inout Double
    ) -> (Molecule, SchNetModel.Evaluation)? {
        for _ in 0..<40 {
            let trial = molecule.moved(to: zip(molecule.positions, evaluation.forces).map { $0 + alpha * $1 })
            let trialEvaluation = model.evaluate(trial)
            if trialEvaluation.energy < evaluation.energy {
                alpha *= 1.2
                return (trial, trialEvaluation)
            }
            alpha /= 2
        }
        return nil
    }
}
