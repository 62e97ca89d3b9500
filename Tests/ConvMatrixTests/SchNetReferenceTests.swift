import Foundation
import Testing

@testable import ConvMatrix

/// The filter network and the cfconv against naive references written from the formulas, with plain loops.
@Suite struct SchNetReferenceTests {
    static let small = SchNetConfiguration(features: 4, rbfCount: 30, gamma: 10, spacing: 0.1, interactions: 2)

    /// ssp(x) = ln(½eˣ + ½), directly; stable where the direct form is exact enough.
    @Test func shiftedSoftplusMatchesItsDefinitionAndStaysFinite() {
        for x in stride(from: -20.0, through: 20.0, by: 0.5) {
            #expect(abs(ShiftedSoftplus.value(x) - log(0.5 * exp(x) + 0.5)) < 1e-14 * max(1, abs(x)))
            let slope = (ShiftedSoftplus.value(x + 1e-6) - ShiftedSoftplus.value(x - 1e-6)) / 2e-6
            #expect(abs(ShiftedSoftplus.derivative(x) - slope) < 1e-8)
        }
        #expect(ShiftedSoftplus.value(0) == 0)
        #expect(ShiftedSoftplus.value(1000) == 1000 - M_LN2)
        #expect(abs(ShiftedSoftplus.value(-1000) + M_LN2) < 1e-15)
        #expect(ShiftedSoftplus.derivative(-1000) == 0 && ShiftedSoftplus.derivative(1000) == 1)
    }

    /// W_f(d) = c(d) ssp(Σ_g A₂[g, f] ssp(Σ_k A₁[k, g] e_k(d) + b₁[g]) + b₂[f]), written out per entry.
    @Test(arguments: [nil, 2.5] as [Double?])
    func filterNetworkMatchesTheFormula(cutoff: Double?) throws {
        var configuration = Self.small
        configuration.cutoff = cutoff
        let model = try SchNetModel(configuration: configuration, seed: 3)
        let block = model.parameters.interactions[0]
        let distances = [0.0, 0.7, 0.9572, 1.5, 2.4999]
        let values = model.filterValues(at: distances)
        for (p, d) in distances.enumerated() {
            let e = (0..<configuration.rbfCount).map { exp(-10 * pow(d - 0.1 * Double($0), 2)) }
            let h1 = (0..<4).map { g in ssp((0..<e.count).reduce(block.filter1.bias?[g] ?? 0) { $0 + block.filter1.weight[$1, g] * e[$1] }) }
            let cut = cutoff.map { 0.5 * (cos(Double.pi * d / $0) + 1) } ?? 1
            for f in 0..<4 {
                let h2 = ssp((0..<4).reduce(block.filter2.bias?[f] ?? 0) { $0 + block.filter2.weight[$1, f] * h1[$1] })
                #expect(abs(values[p, f] - cut * h2) < 1e-13)
            }
        }
    }

    /// x'_i = Σ_{j ≠ i} x_j ∘ W(d_ij) (and j = i with self-interaction), summed by hand.
    @Test(arguments: [false, true])
    func cfconvMatchesTheFormula(selfInteraction: Bool) throws {
        var configuration = Self.small
        configuration.selfInteraction = selfInteraction
        let model = try SchNetModel(configuration: configuration, seed: 5)
        let molecule = try Molecule(named: "ammonia")
        let pairs = PairList(positions: molecule.positions, configuration: configuration)
        #expect(pairs.count == (selfInteraction ? 16 : 12))
        var generator = SplitMix64(seed: 9)
        let x = Matrix(rows: 4, columns: 4, columnMajor: (0..<16).map { _ in generator.nextSymmetric(bound: 1) })
        let filters = model.filters(molecule).values
        let y = ContinuousFilterConvolution.forward(x, filters: filters, pairs: pairs)
        for i in 0..<4 {
            for f in 0..<4 {
                var sum = 0.0
                for j in 0..<4 where j != i || selfInteraction {
                    let w = model.filterValues(at: [molecule.distance(i, j)])
                    sum += x[j, f] * w[0, f]
                }
                #expect(abs(y[i, f] - sum) < 1e-14)
            }
        }
    }

    /// A cutoff drops the pairs at d ≥ r_c: water's H–H (1.514 Å) is out at r_c = 1.2 Å.
    @Test func cutoffDropsDistantPairs() throws {
        var configuration = Self.small
        configuration.cutoff = 1.2
        let pairs = PairList(positions: try Molecule(named: "water").positions, configuration: configuration)
        #expect(pairs.count == 4)
        #expect(pairs.distances.allSatisfy { $0 < 1.2 })
    }

    /// E = Σ_i E_i changes when any atom moves, and the defaults are the paper's.
    @Test func paperDefaultsGiveAFiniteEnergyAndForces() throws {
        let model = try SchNetModel()
        #expect(model.configuration == SchNetConfiguration(features: 64, rbfCount: 300, gamma: 10, spacing: 0.1, interactions: 3))
        let evaluation = model.evaluate(try Molecule(named: "methane"))
        #expect(evaluation.energy.isFinite && evaluation.energy != 0)
        #expect(evaluation.forces.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite })
        let total = evaluation.forces.reduce(SIMD3<Double>.zero, +)
        #expect(SchNetCheck.maxNorm(total) < 1e-12)
    }

    @Test func configurationsOutOfRangeAreRefused() {
        for (configuration, field) in [
            (SchNetConfiguration(features: 0), "n_features"), (SchNetConfiguration(gamma: -1), "gamma"),
            (SchNetConfiguration(cutoff: 0), "cutoff"), (SchNetConfiguration(rbfCount: 20_000), "n_rbf"),
        ] {
            #expect(throws: ConvMatrixError.self) { _ = try SchNetModel(configuration: configuration) }
            #expect((try? configuration.validated()) == nil, "\(field)")
        }
    }

    private func ssp(_ x: Double) -> Double { log(0.5 * exp(x) + 0.5) }
}
