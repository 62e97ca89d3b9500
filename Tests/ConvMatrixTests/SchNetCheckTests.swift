import Testing

@testable import ConvMatrix

/// Forces and parameter gradients against finite differences, and the invariances, on every shipped molecule.
@Suite struct SchNetCheckTests {
    static let small = SchNetConfiguration(features: 6, rbfCount: 40, gamma: 10, spacing: 0.1, interactions: 2)

    @Test(arguments: ShippedMolecules.all.map(\.name))
    func everyCheckPassesOnAShippedMolecule(_ name: String) throws {
        let model = try SchNetModel(configuration: Self.small, seed: 1)
        let items = SchNetCheck.run(model: model, molecule: try Molecule(named: name), seed: 2)
        #expect(items.count == 6)
        for item in items {
            #expect(item.passed, "\(item.name): error \(item.error) > tolerance \(item.tolerance)")
            #expect(item.tolerance < 1e-4, "\(item.name): tolerance \(item.tolerance) too loose to mean anything")
        }
    }

    @Test func checksPassWithCutoffAndSelfInteraction() throws {
        var configuration = Self.small
        configuration.cutoff = 2.0
        configuration.selfInteraction = true
        let model = try SchNetModel(configuration: configuration, seed: 4)
        for item in SchNetCheck.run(model: model, molecule: try Molecule(named: "ethanol"), seed: 5) {
            #expect(item.passed, "\(item.name): error \(item.error) > tolerance \(item.tolerance)")
        }
    }

    /// The force check fails on forces that are not −∂E/∂r: one atom's force 10⁻⁵ (relative) off.
    @Test func forceCheckCatchesAWrongForce() throws {
        let model = try SchNetModel(configuration: Self.small, seed: 1)
        let molecule = try Molecule(named: "water")
        var forces = model.evaluate(molecule).forces
        #expect(SchNetCheck.forceItem(model: model, molecule: molecule, forces: forces).passed)
        forces[1] *= 1 + 1e-5
        #expect(!SchNetCheck.forceItem(model: model, molecule: molecule, forces: forces).passed)
    }

    /// The parameter check fails on a gradient with one sampled entry 10⁻⁶ off.
    @Test func parameterCheckCatchesAWrongGradient() throws {
        let model = try SchNetModel(configuration: Self.small, seed: 1)
        let molecule = try Molecule(named: "water")
        var gradient = try #require(model.evaluate(molecule, parameterGradient: true).parameterGradient).flattened
        var generator = SplitMix64(seed: 7)
        #expect(SchNetCheck.parameterItem(model: model, molecule: molecule, gradient: gradient, using: &generator).passed)
        generator = SplitMix64(seed: 7)
        let k = generator.nextInt(in: 0...(gradient.count - 1))
        gradient[k] += 1e-6
        generator = SplitMix64(seed: 7)
        #expect(!SchNetCheck.parameterItem(model: model, molecule: molecule, gradient: gradient, using: &generator).passed)
    }

    /// A rotation is orthogonal with determinant 1.
    @Test func randomRotationsAreRotations() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<5 {
            let q = RigidMotion.random(using: &generator).rotation
            for a in 0..<3 {
                for b in 0..<3 { #expect(abs((q[a] * q[b]).sum() - (a == b ? 1 : 0)) < 1e-14) }
            }
            let determinant = (q[0] * SIMD3(q[1].y * q[2].z - q[1].z * q[2].y, q[1].z * q[2].x - q[1].x * q[2].z, q[1].x * q[2].y - q[1].y * q[2].x)).sum()
            #expect(abs(determinant - 1) < 1e-14)
        }
    }
}

/// The paper's defaults (F = 64, 300 Gaussians, γ = 10 Å⁻², 3 interactions), checked once.
@Suite struct SchNetPaperDefaultsTests {
    @Test func everyCheckPassesAtThePaperDefaults() throws {
        let model = try SchNetModel(seed: 0)
        let molecule = try Molecule(named: "methane")
        #expect(abs(model.energy(molecule) - model.evaluate(molecule).energy) <= SchNetCheck.rounding(model, molecule))
        for item in SchNetCheck.run(model: model, molecule: molecule, seed: 0) {
            #expect(item.passed, "\(item.name): error \(item.error) > tolerance \(item.tolerance)")
        }
    }
}

/// One atom has no pairs: E is the atom's own output, the force zero, and every check still runs.
@Suite struct SchNetEdgeCaseTests {
    @Test(arguments: ["1\nhydrogen atom\nH 0 0 0\n", "2\nHCl\nH 0 0 0\nCl 0 0 1.2746\n"])
    func smallMoleculesEvaluateAndCheck(_ text: String) throws {
        let model = try SchNetModel(configuration: SchNetConfiguration(features: 4, rbfCount: 30, interactions: 2), seed: 1)
        let molecule = try Molecule(parsingXYZ: text)
        let report = try SchNetReport(model: model, molecule: molecule, seed: 0, check: true, dynamics: (0.5, 4), optimise: 3)
        #expect(report.passed, "\(report.checks?.filter { !$0.passed }.map(\.name) ?? [])")
        #expect(report.forces.count == molecule.count)
        if molecule.count == 1 { #expect(report.forces[0] == [0, 0, 0] && report.distanceClasses.isEmpty) }
        #expect(try CFConvMatrix(model: model, molecule: molecule).tied.rows == 4 * molecule.count)
    }
}
