import Foundation
import Testing

@testable import ConvMatrix

/// The molecules compiled into the binary: the same text as molecules/, each with its textbook geometry.
@Suite struct MoleculeShippedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func copiesAgreeWithTheFiles() throws {
        let folder = Self.root.appendingPathComponent("molecules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xyz") }.sorted()
        #expect(files == ShippedMolecules.all.map { "\($0.name).xyz" }.sorted())
        for molecule in ShippedMolecules.all {
            let text = try String(contentsOf: folder.appendingPathComponent("\(molecule.name).xyz"), encoding: .utf8)
            #expect(text == molecule.text, "\(molecule.name): run scripts/shipped_molecules.py")
        }
    }

    /// Bond lengths (Å) and angles (degrees) from docs/schnet.md, to the files' 10⁻⁸ Å.
    @Test func geometriesHaveTheirBondLengthsAndAngles() throws {
        let water = try Molecule(named: "water")
        #expect(abs(water.distance(0, 1) - 0.9572) < 1e-7 && abs(water.distance(0, 2) - 0.9572) < 1e-7)
        #expect(abs(angle(water, 1, 0, 2) - 104.52) < 1e-5)
        let ammonia = try Molecule(named: "ammonia")
        for h in 1...3 { #expect(abs(ammonia.distance(0, h) - 1.012) < 1e-7) }
        #expect(abs(angle(ammonia, 1, 0, 2) - 106.67) < 1e-5)
        let methane = try Molecule(named: "methane")
        for h in 1...4 { #expect(abs(methane.distance(0, h) - 1.087) < 1e-7) }
        #expect(abs(angle(methane, 1, 0, 2) - 109.4712206) < 1e-5)
        let benzene = try Molecule(named: "benzene")
        for k in 0..<6 {
            #expect(abs(benzene.distance(k, (k + 1) % 6) - 1.397) < 1e-7)
            #expect(abs(benzene.distance(k, k + 6) - 1.084) < 1e-7)
        }
        let ethanol = try Molecule(named: "ethanol")
        #expect(ethanol.elements.map(\.symbol) == ["C", "C", "O", "H", "H", "H", "H", "H", "H"])
        for (i, j, d) in [(0, 1, 1.512), (1, 2, 1.431), (2, 3, 0.971), (0, 4, 1.090), (1, 7, 1.090)] {
            #expect(abs(ethanol.distance(i, j) - d) < 1e-7)
        }
        #expect(abs(angle(ethanol, 0, 1, 2) - 107.8) < 1e-5)
        #expect(abs(angle(ethanol, 1, 2, 3) - 108.5) < 1e-5)
    }

    @Test func namesAndPathsBothLoad() throws {
        let path = Self.root.appendingPathComponent("molecules/methane.xyz").path
        #expect(try Molecule(named: path).positions == Molecule(named: "methane").positions)
    }

    /// The angle a-b-c at b, in degrees.
    private func angle(_ m: Molecule, _ a: Int, _ b: Int, _ c: Int) -> Double {
        let u = m.positions[a] - m.positions[b]
        let v = m.positions[c] - m.positions[b]
        return acos((u * v).sum() / (length(u) * length(v))) * 180 / Double.pi
    }
}
