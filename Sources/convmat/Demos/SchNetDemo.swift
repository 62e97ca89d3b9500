import ConvMatrix
import Foundation

/// SchNet's continuous-filter convolution (Schütt et al. 2017) on methane:
///
///     x′_{f,i} = Σ_{j≠i} W_f(d_ij) x_{f,j},     W(d) = filter network of e_k(d) = exp(−γ (d − μ_k)²)
///     F_i = −∂E/∂r_i
///
/// the filter as a function of distance, the cfconv as a matrix whose entries
/// are tied by distance class, the energy and forces, and the invariances, all
/// from a small seeded model (F = 4 features) so the debug build runs it in seconds.
struct SchNetDemo: TeachingDemo {
    var seed: UInt64 = 0
    let configuration = SchNetConfiguration(features: 4, rbfCount: 30, interactions: 2)
    let title = "SchNet: a continuous-filter convolution on methane"

    func steps() throws -> [DemoStep] {
        let molecule = try Molecule(named: "methane")
        let model = try SchNetModel(configuration: configuration, seed: seed)
        let checks = SchNetCheck.run(model: model, molecule: molecule, seed: seed)
        return [
            DemoStep(
                title: "Atoms, not pixels: pairs grouped by distance",
                explanation: """
                    A grid convolution ties the weights of all pairs of units at one offset. A molecule \
                    has no grid; SchNet ties the filter of all pairs of atoms at one distance dᵢⱼ = \
                    ‖rᵢ − rⱼ‖, so the classes of equal distances play the part of the taps.
                    """, body: classes(molecule)),
            DemoStep(
                title: "The filter W(d) is a network of the distance",
                explanation: """
                    The distance is expanded in Gaussians eₖ(d) = exp(−γ(d − μₖ)²) and passed through \
                    two dense layers with shifted softplus: one smooth filter value W_f(d) for each \
                    feature f, at any d. These are the first interaction's filters.
                    """, body: filters(model, molecule: molecule)),
            DemoStep(
                title: "The cfconv as a matrix, tied by distance class",
                explanation: """
                    For feature f, x′_{f,i} = Σⱼ W_f(dᵢⱼ) x_{f,j}: entry (i, j) of the n × n block is \
                    W_f(dᵢⱼ), one parameter per distance class, zero on the diagonal (no self-pairs). \
                    The other features' blocks have the same pattern with their own values.
                    """, body: try matrix(model, molecule: molecule)),
            DemoStep(
                title: "Energy and forces F = −∂E/∂r",
                explanation: """
                    Atom-wise layers and the interactions give atomic energies Eᵢ, summed to E. The \
                    forces are the exact gradient from one backward pass through the network, the \
                    filters and the distances, checked against central differences of E. By methane's \
                    symmetry the carbon feels no force and the hydrogens' forces lie along the bonds.
                    """, body: energy(model, molecule: molecule, checks: checks)),
            DemoStep(
                title: "Invariances: rotate, translate, permute",
                explanation: """
                    E depends on the atoms only through the distances dᵢⱼ and sums over atoms, so a \
                    rigid motion or a renumbering leaves it unchanged, and the forces rotate and permute \
                    with the atoms. The differences are rounding, within the library's bounds.
                    """, body: invariances(model, molecule: molecule, checks: checks)),
        ]
    }

    private func classes(_ molecule: Molecule) -> String {
        var text = "\(molecule.name): \(molecule.count) atoms (Å)\n"
        for (i, r) in molecule.positions.enumerated() {
            text += "  \(i + 1) \(molecule.elements[i].symbol.padding(toLength: 2, withPad: " ", startingAt: 0)) " + Self.vector(r, digits: 4) + "\n"
        }
        text += "\ndistance classes (ordered pairs i ≠ j):\n"
        for (c, group) in DistanceClasses(molecule, configuration: configuration).classes.enumerated() {
            let kinds = Set(group.pairs.map { Self.bond(molecule, $0.i, $0.j) }).sorted().joined(separator: ", ")
            text += "  class \(c + 1)  d = \(String(format: "%.4f", group.distance)) Å  \(group.pairs.count) pairs  \(kinds)\n"
        }
        return text
    }

    private func filters(_ model: SchNetModel, molecule: Molecule) -> String {
        let classes = DistanceClasses(molecule, configuration: configuration).classes.map(\.distance)
        let grid = (1...6).map { 0.5 * Double($0) }
        let distances = (grid + classes).sorted()
        let values = model.filterValues(at: distances)
        var text = "γ = \(NumberFormat.compact(configuration.gamma)) Å⁻², μₖ = \(NumberFormat.compact(configuration.spacing))·k Å, "
        text += "k = 0 … \(configuration.rbfCount - 1); F = \(configuration.features) features\n\n"
        text += "   d (Å)" + (1...configuration.features).map { ("W" + VectorText.subscripted($0) + "(d)").leftPadded(to: 10) }.joined() + "\n"
        for (k, d) in distances.enumerated() {
            let mark = classes.firstIndex(of: d).map { "   ← class \($0 + 1)" } ?? ""
            text += String(format: "%8.4f", d) + (0..<configuration.features).map { String(format: "%10.4f", values[k, $0]) }.joined() + mark + "\n"
        }
        return text
    }

    private func matrix(_ model: SchNetModel, molecule: Molecule) throws -> String {
        let cfconv = try CFConvMatrix(model: model, molecule: molecule, featureLimit: 1)
        let block = cfconv.featureMatrix(0)
        var text = "feature 1, symbolic: W₁₁ᶜ = W₁(d) of class c\n"
        text += DemoStyle.renderer().render(cfconv.tied, input: cfconv.shape, output: cfconv.shape)
        text += "\nfeature 1, the values:\n"
        text += (0..<block.rows).map { r in "  " + (0..<block.columns).map { String(format: "%9.4f", block[r, $0]) }.joined() + "\n" }.joined()
        let n = molecule.count
        text += "\n\(cfconv.tied.nonzeroCount) nonzeros of \(n * n) entries, \(cfconv.tied.parameterCount) distinct values a feature;\n"
        text += "all \(configuration.features) features: Wᵀ is \(n * configuration.features) × \(n * configuration.features), block diagonal\n"
        return text
    }

    private func energy(_ model: SchNetModel, molecule: Molecule, checks: [SchNetCheck.Item]) -> String {
        let evaluation = model.evaluate(molecule)
        var text = "E = \(String(format: "%.10f", evaluation.energy))  (random weights, seed \(seed): arbitrary units)\n\n"
        text += "forces Fᵢ = −∂E/∂rᵢ (units of E per Å):\n"
        for (i, f) in evaluation.forces.enumerated() {
            text +=
                "  F\(VectorText.subscripted(i + 1)) \(molecule.elements[i].symbol.padding(toLength: 2, withPad: " ", startingAt: 0)) "
                + Self.vector(f, digits: 6) + "\n"
        }
        let total = evaluation.forces.reduce(SIMD3<Double>.zero, +)
        text += "  Σ Fᵢ  " + Self.vector(total, digits: 6) + "\n  (translation invariance: no net force)\n\n"
        text += checks.filter { $0.name.hasPrefix("forces") || $0.name.contains("dE/d") }.map(Self.line).joined()
        return text
    }

    private func invariances(_ model: SchNetModel, molecule: Molecule, checks: [SchNetCheck.Item]) -> String {
        let evaluation = model.evaluate(molecule)
        var generator = SplitMix64(seed: seed)
        let motion = RigidMotion.random(using: &generator)
        let moved = model.evaluate(molecule.moved(to: molecule.positions.map(motion.apply)))
        let order = Array((0..<molecule.count).reversed())
        let renumbered = Molecule(name: molecule.name, elements: order.map { molecule.elements[$0] }, positions: order.map { molecule.positions[$0] })
        let permuted = model.evaluate(renumbered)
        let rotation = zip(moved.forces, evaluation.forces.map(motion.rotate)).map { Self.maxNorm($0 - $1) }.max() ?? 0
        let permutation = order.indices.map { Self.maxNorm(permuted.forces[$0] - evaluation.forces[order[$0]]) }.max() ?? 0
        var text = "a rotation Q and a translation t drawn from seed \(seed),\n  t = \(Self.vector(motion.translation, digits: 3)) Å\n"
        text += "  E(QR + t) = \(String(format: "%.10f", moved.energy))   |E(QR + t) − E(R)| = \(Self.small(abs(moved.energy - evaluation.energy)))\n"
        text += "  max |F(QR + t) − Q F(R)| = \(Self.small(rotation))\n"
        text += "the atoms numbered backwards, π = (\(order.map { String($0 + 1) }.joined(separator: ", ")))\n"
        text += "  E(πR)      = \(String(format: "%.10f", permuted.energy))   |E(πR) − E(R)| = \(Self.small(abs(permuted.energy - evaluation.energy)))\n"
        text += "  max |F(πR) − πF(R)| = \(Self.small(permutation))\n\n"
        text += "the library's checks (the same motion, a random permutation),\neach against its rounding bound:\n"
        text += checks.filter { $0.name.hasPrefix("E ") || $0.name.hasPrefix("F ") }.map(Self.line).joined()
        return text
    }

    /// `  E invariant under …  2.2e-16 ≤ 1.1e-13  passed`.
    private static func line(_ item: SchNetCheck.Item) -> String {
        "  \(item.name)\n      error \(small(item.error)) ≤ tolerance \(small(item.tolerance)): \(item.passed ? "passed" : "FAILED")\n"
    }

    private static func small(_ value: Double) -> String { String(format: "%.1e", value) }

    private static func vector(_ v: SIMD3<Double>, digits: Int) -> String {
        "(" + [v.x, v.y, v.z].map { String(format: "%\(digits + 4).\(digits)f", $0) }.joined(separator: ", ") + ")"
    }

    private static func maxNorm(_ v: SIMD3<Double>) -> Double { max(abs(v.x), abs(v.y), abs(v.z)) }

    /// `C–H` for a pair, elements in alphabetical order.
    private static func bond(_ molecule: Molecule, _ i: Int, _ j: Int) -> String {
        [molecule.elements[i].symbol, molecule.elements[j].symbol].sorted().joined(separator: "–")
    }
}
