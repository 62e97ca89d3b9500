/// The checks of a SchNet model on a molecule, each an error held to a stated tolerance.
///
/// Rounding model (Higham's γ_N): an inner product of length N computed in
/// floating point is off by at most N·u times the sum of its terms' magnitudes,
/// u = 2⁻⁵³. The energy is a chain of such sums whose lengths add up to
///
///     N = n_rbf + F (2 + 4T) + n (T + 1)      (T interactions, n atoms)
///
/// and, with activations of order one, its terms' magnitudes to A = Σ_i |E_i|, so
/// one evaluation of E is off by at most η = N u A. The forces are sums of pair
/// contributions ∂E/∂d_p, off by at most η_F = N u S with S = Σ_p |∂E/∂d_p|.
///
/// - Finite differences, step h: D(h) = (E(θ + h) − E(θ − h)) / 2h is off by
///   c₂h² + η/h. The h² term is removed by Richardson extrapolation,
///   R(h) = (4D(h) − D(2h))/3, whose h⁴ truncation is estimated from R(2h) (it
///   grows 16-fold) and held with a factor 2: tolerance = 2 |R(2h) − R(h)| / 15 + 3η/h
///   (``centralDifference(step:rounding:_:)``).
/// - Invariance: E(QR + t) and E(πR) against E(R). Rotating and translating
///   moves each position by up to δr = 4u (max‖r_i‖ + ‖t‖), which moves E by up to
///   δr Σ‖F_i‖; tolerance = 2η + 2 δr S.
/// - Equivariance: F(QR + t) against Q F(R), and F(πR) against πF(R); tolerance
///   2η_F + 2 δr S / d_min (the forces' change under a move δr, S/d_min bounding
///   their derivative).
public enum SchNetCheck {
    /// One check: its error, the tolerance it was held to, and whether it passed.
    public struct Item: Sendable, Equatable {
        public let name: String
        public let error: Double
        public let tolerance: Double
        public var passed: Bool { error <= tolerance }
    }

    /// Finite-difference steps: positions in Å, parameters in their own units.
    public static let positionStep = 1e-3
    public static let parameterStep = 1e-4
    /// Parameters sampled for the gradient check.
    public static let parameterSample = 24

    /// Every check of `model` on `molecule`, with rotation, translation, permutation
    /// and parameter sample drawn from `seed`.
    public static func run(model: SchNetModel, molecule: Molecule, seed: UInt64 = 0) -> [Item] {
        let evaluation = model.evaluate(molecule, parameterGradient: true)
        var generator = SplitMix64(seed: seed)
        let transform = RigidMotion.random(using: &generator)
        let permutation = randomPermutation(molecule.count, using: &generator)
        return [
            forceItem(model: model, molecule: molecule, forces: evaluation.forces),
            parameterItem(model: model, molecule: molecule, gradient: evaluation.parameterGradient?.flattened ?? [], using: &generator),
        ] + invarianceItems(model: model, molecule: molecule, evaluation: evaluation, transform: transform, permutation: permutation)
    }

    /// The forces against central differences of E in every coordinate.
    static func forceItem(model: SchNetModel, molecule: Molecule, forces: [SIMD3<Double>]) -> Item {
        var (error, tolerance) = (0.0, 0.0)
        let eta = rounding(model, molecule)
        for i in 0..<molecule.count {
            for axis in 0..<3 {
                let energy = { (h: Double) -> Double in
                    var positions = molecule.positions
                    positions[i][axis] += h
                    return model.energy(molecule.moved(to: positions))
                }
                let (estimate, bound) = centralDifference(step: positionStep, rounding: eta, energy)
                error = max(error, abs(-forces[i][axis] - estimate))
                tolerance = max(tolerance, bound)
            }
        }
        return Item(name: "forces = -dE/dr vs central differences (h = \(positionStep) Å)", error: error, tolerance: tolerance)
    }

    /// ∂E/∂θ against central differences on a seeded sample of parameters.
    static func parameterItem(model: SchNetModel, molecule: Molecule, gradient: [Double], using generator: inout SplitMix64) -> Item {
        let flat = model.parameters.flattened
        var (error, tolerance) = (0.0, 0.0)
        let eta = rounding(model, molecule)
        for _ in 0..<min(parameterSample, flat.count) {
            let k = generator.nextInt(in: 0...(flat.count - 1))
            let energy = { (h: Double) -> Double in
                var shifted = flat
                shifted[k] += h
                var perturbed = model
                perturbed.parameters = model.parameters.replacing(with: shifted)
                return perturbed.energy(molecule)
            }
            let (estimate, bound) = centralDifference(step: parameterStep, rounding: eta, energy)
            error = max(error, abs(gradient[k] - estimate))
            tolerance = max(tolerance, bound)
        }
        return Item(name: "dE/dtheta vs central differences (\(parameterSample) parameters, h = \(parameterStep))", error: error, tolerance: tolerance)
    }

    /// The Richardson estimate R(h) = (4D(h) − D(2h))/3 of the derivative and its tolerance.
    ///
    /// D(h) = (E(+h) − E(−h))/2h = E' + c₂h² + c₄h⁴ + …, so R(h) = E' − 4c₄h⁴ + …
    /// and R(2h) = E' − 64c₄h⁴: R's truncation is about |R(2h) − R(h)|/15, held with a
    /// factor 2 for the h⁶ remainder. Rounding: D(h) carries at most η/h, so R(h) at
    /// most (4/3 + 1/6) η/h = 1.5 η/h, and the estimate from R(2h) adds 0.75 η/h / 7.5;
    /// 3η/h covers both.
    static func centralDifference(step h: Double, rounding eta: Double, _ energy: (Double) -> Double) -> (Double, Double) {
        let d = [h, 2 * h, 4 * h].map { step in (energy(step) - energy(-step)) / (2 * step) }
        let (r1, r2) = ((4 * d[0] - d[1]) / 3, (4 * d[1] - d[2]) / 3)
        return (r1, 2 * abs(r2 - r1) / 15 + 3 * eta / h)
    }

    /// η = N u A for one evaluation of E on `molecule`.
    static func rounding(_ model: SchNetModel, _ molecule: Molecule) -> Double {
        chainLength(model.configuration, atoms: molecule.count) * Double.ulpOfOne / 2 * model.evaluate(molecule).absoluteAtomicEnergy
    }

    /// N = n_rbf + F (2 + 4T) + n (T + 1).
    static func chainLength(_ c: SchNetConfiguration, atoms: Int) -> Double {
        Double(c.rbfCount + c.features * (2 + 4 * c.interactions) + atoms * (c.interactions + 1))
    }

    /// A uniformly random permutation (Fisher–Yates).
    static func randomPermutation(_ n: Int, using generator: inout SplitMix64) -> [Int] {
        var order = Array(0..<n)
        for k in stride(from: n - 1, to: 0, by: -1) { order.swapAt(k, generator.nextInt(in: 0...k)) }
        return order
    }
}
