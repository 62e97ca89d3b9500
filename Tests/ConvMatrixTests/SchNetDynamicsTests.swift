import Testing

@testable import ConvMatrix

/// Velocity Verlet's energy drift goes as dt², and steepest descent lowers the energy.
@Suite struct SchNetDynamicsTests {
    static let small = SchNetConfiguration(features: 8, rbfCount: 40, interactions: 2)

    /// Over a fixed 20 fs, halving dt divides the drift by 3 to 5: the forces are E's exact gradient.
    @Test(arguments: ["water", "methane"])
    func driftScalesAsTheSquareOfTheStep(_ name: String) throws {
        let model = try SchNetModel(configuration: Self.small, seed: 3)
        let molecule = try Molecule(named: name)
        let drifts = try [0.5, 0.25, 0.125].map { dt in
            try MolecularDynamics.run(model: model, molecule: molecule, timeStep: dt, steps: Int((20 / dt).rounded())).drift
        }
        for k in 0..<2 {
            let ratio = drifts[k] / drifts[k + 1]
            #expect(ratio >= 3 && ratio <= 5, "drift \(drifts[k]) / \(drifts[k + 1]) = \(ratio)")
        }
    }

    /// 1 eV/(Å·u) = 9.6485 × 10⁻³ Å/fs² (CODATA: e = 1.602176634 × 10⁻¹⁹ C, u = 1.66053906660 × 10⁻²⁷ kg).
    @Test func unitConversionIsEVPerAngstromPerU() {
        #expect(abs(MolecularDynamics.accelerationPerForce - 9.648533e-3) < 1e-8)
    }

    /// The atoms move: the run is not trivially at rest.
    @Test func atomsMoveFromRest() throws {
        let model = try SchNetModel(configuration: Self.small, seed: 3)
        let molecule = try Molecule(named: "water")
        let run = try MolecularDynamics.run(model: model, molecule: molecule, timeStep: 0.5, steps: 40)
        #expect(run.kinetic[0] == 0 && run.kinetic.last ?? 0 > 0)
        #expect(run.potential.count == 41)
        #expect(zip(run.final.positions, molecule.positions).contains { length($0 - $1) > 1e-3 })
    }

    @Test func optimisationLowersTheEnergyAndTheForces() throws {
        let model = try SchNetModel(configuration: Self.small, seed: 3)
        let molecule = try Molecule(named: "ammonia")
        let start = model.evaluate(molecule).forces.map(length).max() ?? 0
        let run = try StructureOptimisation.run(model: model, molecule: molecule, steps: 50)
        #expect(run.energies.count > 1)
        for k in 1..<run.energies.count { #expect(run.energies[k] < run.energies[k - 1]) }
        #expect(run.largestForce < start)
    }

    @Test func badStepsAreRefused() throws {
        let model = try SchNetModel(configuration: Self.small, seed: 3)
        let molecule = try Molecule(named: "water")
        for (dt, steps, field) in [(0.0, 10, "dt"), (.nan, 10, "dt"), (0.5, 0, "dynamics"), (0.5, MolecularDynamics.stepLimit + 1, "dynamics")] {
            #expect {
                _ = try MolecularDynamics.run(model: model, molecule: molecule, timeStep: dt, steps: steps)
            } throws: { ($0 as? ConvMatrixError)?.field == field }
        }
        #expect(throws: ConvMatrixError.self) { _ = try StructureOptimisation.run(model: model, molecule: molecule, steps: 0) }
    }
}
