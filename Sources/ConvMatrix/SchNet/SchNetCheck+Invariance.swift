import Foundation

/// A rotation Q and a translation t: r ↦ Q r + t.
public struct RigidMotion: Sendable {
    /// Q's rows.
    public let rotation: [SIMD3<Double>]
    public let translation: SIMD3<Double>

    /// A uniformly random rotation (Shoemake's unit quaternion from three uniforms)
    /// and a translation uniform in [−5, 5)³ Å.
    public static func random(using generator: inout SplitMix64) -> RigidMotion {
        let (u1, u2, u3) = (generator.nextUnit(), generator.nextUnit(), generator.nextUnit())
        let (a, b) = ((1 - u1).squareRoot(), u1.squareRoot())
        let (w, x, y, z) = (a * sin(2 * .pi * u2), a * cos(2 * .pi * u2), b * sin(2 * .pi * u3), b * cos(2 * .pi * u3))
        let rows: [SIMD3<Double>] = [
            SIMD3(1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)),
            SIMD3(2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)),
            SIMD3(2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)),
        ]
        let t = SIMD3(generator.nextSymmetric(bound: 5), generator.nextSymmetric(bound: 5), generator.nextSymmetric(bound: 5))
        return RigidMotion(rotation: rows, translation: t)
    }

    /// Q v.
    public func rotate(_ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((rotation[0] * v).sum(), (rotation[1] * v).sum(), (rotation[2] * v).sum())
    }

    /// Q r + t.
    public func apply(_ r: SIMD3<Double>) -> SIMD3<Double> { rotate(r) + translation }
}

extension SchNetCheck {
    /// E invariant and F equivariant under a rigid motion and under a permutation.
    static func invarianceItems(
        model: SchNetModel, molecule: Molecule, evaluation: SchNetModel.Evaluation, transform: RigidMotion, permutation: [Int]
    ) -> [Item] {
        let eta = rounding(model, molecule)
        let n = chainLength(model.configuration, atoms: molecule.count)
        let etaF = n * Double.ulpOfOne / 2 * evaluation.absolutePairGradient
        let radius = molecule.positions.map(length).max() ?? 0
        let move = 4 * Double.ulpOfOne / 2 * (radius + length(transform.translation))
        let forceScale = evaluation.absolutePairGradient
        let closest = minimumDistance(molecule)

        let moved = model.evaluate(molecule.moved(to: molecule.positions.map(transform.apply)))
        let permuted = model.evaluate(
            Molecule(name: molecule.name, elements: permutation.map { molecule.elements[$0] }, positions: permutation.map { molecule.positions[$0] }))
        let rotatedForces = evaluation.forces.map(transform.rotate)
        let rotationError = zip(moved.forces, rotatedForces).map { maxNorm($0 - $1) }.max() ?? 0
        let permutationError = permutation.indices.map { maxNorm(permuted.forces[$0] - evaluation.forces[permutation[$0]]) }.max() ?? 0
        let forceTolerance = 2 * etaF + 2 * move * forceScale / closest
        return [
            Item(
                name: "E invariant under a rotation and translation", error: abs(moved.energy - evaluation.energy), tolerance: 2 * eta + 2 * move * forceScale),
            Item(name: "E invariant under a permutation of the atoms", error: abs(permuted.energy - evaluation.energy), tolerance: 2 * eta),
            Item(name: "F rotates with the molecule", error: rotationError, tolerance: forceTolerance),
            Item(name: "F permutes with the atoms", error: permutationError, tolerance: 2 * etaF),
        ]
    }

    /// The smallest d_ij over i ≠ j (1 Å for a single atom).
    static func minimumDistance(_ molecule: Molecule) -> Double {
        var closest = Double.infinity
        for i in 0..<molecule.count {
            for j in 0..<i { closest = min(closest, molecule.distance(i, j)) }
        }
        return closest.isFinite ? closest : 1
    }

    static func maxNorm(_ v: SIMD3<Double>) -> Double { max(abs(v.x), abs(v.y), abs(v.z)) }
}
