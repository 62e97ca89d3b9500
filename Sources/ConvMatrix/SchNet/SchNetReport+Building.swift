extension SchNetReport {
    /// The report of `model` on `molecule`: energy, forces, distances and classes, and
    /// the checks, dynamics and optimisation when asked for.
    ///
    /// - Parameters:
    ///   - dynamics: (dt in fs, steps): runs dt, then dt/2 and dt/4 over the same time for the drifts.
    ///   - optimise: steepest-descent steps.
    /// - Throws: ``ConvMatrixError`` on `dynamics`, `dt` or `optimise` for runs out of range,
    ///   on `max-memory` when one evaluation would exceed `budget`, on `molecule` when
    ///   the energy or a force is not finite (JSON has no NaN).
    public init(
        model: SchNetModel, molecule: Molecule, seed: UInt64, check: Bool = false, dynamics: (dt: Double, steps: Int)? = nil, optimise: Int? = nil,
        budget: MemoryBudget = .default
    ) throws(ConvMatrixError) {
        try model.requireBudget(budget, for: molecule)
        let evaluation = model.evaluate(molecule)
        guard evaluation.energy.isFinite, evaluation.forces.allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }) else {
            throw ConvMatrixError(.numerical, field: "molecule", reason: "the energy or a force of \(molecule.name) is not a finite number")
        }
        let classes = DistanceClasses(molecule, configuration: model.configuration)
        let filters = model.filterValues(at: classes.classes.map(\.distance))
        spec = model.configuration.specDescription
        inputShape = [model.configuration.features, molecule.count]
        self.molecule = molecule.name
        self.seed = seed
        elements = molecule.elements.map(\.symbol)
        positions = molecule.positions.map(Self.triple)
        energy = evaluation.energy
        forces = evaluation.forces.map(Self.triple)
        distances = molecule.distances
        distanceClasses = classes.classes.enumerated().map { c, group in
            DistanceClassEntry(
                distance: group.distance, pairs: group.pairs.map { [$0.i, $0.j] }, filter: (0..<filters.columns).map { filters[c, $0] })
        }
        checks =
            check
            ? SchNetCheck.run(model: model, molecule: molecule, seed: seed).map {
                CheckEntry(name: $0.name, error: $0.error, tolerance: $0.tolerance, passed: $0.passed)
            } : nil
        self.dynamics = try dynamics.map { (dt, steps) throws(ConvMatrixError) in try Self.dynamics(model, molecule, dt: dt, steps: steps) }
        optimisation = try optimise.map { (steps) throws(ConvMatrixError) in
            let run = try StructureOptimisation.run(model: model, molecule: molecule, steps: steps)
            return OptimisationEntry(energies: run.energies, largestForce: run.largestForce, finalPositions: run.final.positions.map(Self.triple))
        }
    }

    /// The run at dt, and the drifts at dt, dt/2 and dt/4 over steps · dt fs.
    private static func dynamics(_ model: SchNetModel, _ molecule: Molecule, dt: Double, steps: Int) throws(ConvMatrixError) -> DynamicsEntry {
        guard steps <= MolecularDynamics.stepLimit / 4 else {
            throw ConvMatrixError(
                .option, field: "dynamics", reason: "\(steps) steps; at most \(MolecularDynamics.stepLimit / 4), since dt/4 takes four times as many")
        }
        let run = try MolecularDynamics.run(model: model, molecule: molecule, timeStep: dt, steps: steps)
        var drifts = [DriftEntry(dt: dt, drift: run.drift)]
        for factor in [2, 4] {
            let finer = try MolecularDynamics.run(model: model, molecule: molecule, timeStep: dt / Double(factor), steps: steps * factor)
            drifts.append(DriftEntry(dt: dt / Double(factor), drift: finer.drift))
        }
        return DynamicsEntry(
            dt: dt, steps: steps, potentialEnergies: run.potential, kineticEnergies: run.kinetic, totalEnergies: run.total, drift: run.drift,
            drifts: drifts, finalPositions: run.final.positions.map(triple))
    }

    static func triple(_ v: SIMD3<Double>) -> [Double] { [v.x, v.y, v.z] }

    /// True when every check ran and passed (true without checks).
    public var passed: Bool { checks?.allSatisfy(\.passed) ?? true }
}

extension SchNetConfiguration {
    /// The canonical spec: `SchNet(n_features=64, n_rbf=300, gamma=10.0, spacing=0.1, cutoff=None, self_interaction=False, n_interactions=3)`.
    public var specDescription: String {
        let cut = cutoff.map { "\($0)" } ?? "None"
        return
            "SchNet(n_features=\(features), n_rbf=\(rbfCount), gamma=\(gamma), spacing=\(spacing), cutoff=\(cut), self_interaction=\(selfInteraction ? "True" : "False"), n_interactions=\(interactions))"
    }
}
