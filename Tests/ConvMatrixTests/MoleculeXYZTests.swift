import Foundation
import Testing

@testable import ConvMatrix

/// The XYZ parser: what it reads, and each fault with its line.
@Suite struct MoleculeXYZTests {
    @Test func readsAtomsInFileOrder() throws {
        let molecule = try Molecule(parsingXYZ: "2\nhydrogen chloride\nH 0 0 0\nCl\t0 0 1.2746\n\n")
        #expect(molecule.elements.map(\.symbol) == ["H", "Cl"])
        #expect(molecule.positions[1] == SIMD3(0, 0, 1.2746))
        #expect(molecule.name == "hydrogen chloride")
        #expect(abs(molecule.distance(0, 1) - 1.2746) < 1e-15)
        #expect(molecule.masses == [1.008, 35.45])
    }

    /// Windows line ends and trailing blank lines are accepted.
    @Test func carriageReturnsAndTrailingBlankLinesAreAccepted() throws {
        let molecule = try Molecule(parsingXYZ: "2\r\nHF\r\nH 0 0 0\r\nF 0 0 0.9168\r\n\r\n  \n")
        #expect(molecule.atomicNumbers == [1, 9])
    }

    @Test func elementTableCoversTheOrganicSet() throws {
        for (symbol, z) in [("H", 1), ("C", 6), ("N", 7), ("O", 8), ("F", 9), ("S", 16), ("Cl", 17)] {
            let element = try #require(Element(symbol: symbol))
            #expect(element.atomicNumber == z)
            #expect(Element(atomicNumber: z) == element)
            #expect(element.mass > Double(z) && element.mass < Double(3 * z))
        }
        #expect(Element(symbol: "CL") == nil)
    }

    static let faults: [(text: String, line: Int, words: String)] = [
        ("x\ncomment\n", 1, "whole number"),
        ("0\n\n", 1, "1 to"),
        ("\(Molecule.atomLimit + 1)\n\n", 1, "1 to"),
        ("2\nc\nH 0 0 0\n", 3, "promises 2 atoms"),
        ("1\nc\nXx 0 0 0\n", 3, "unknown element"),
        ("2\nc\nH 0 0 0\nH 0 zero 0\n", 4, "y = 'zero' is not a finite number"),
        ("1\nc\nH 0 0 nan\n", 3, "not a finite number"),
        ("1\nc\nH 0 0\n", 3, "'Element x y z'"),
        ("2\nc\nH 0 0 0\nH 0 0 0.0001\n", 4, "position of atom 1"),
        ("1\nc\nH 0 0 0\nH 1 1 1\n", 4, "text after"),
        ("1\nc\nH 2e6 0 0\n", 3, "farther than 10⁶ Å"),
        ("", 1, "whole number"),
    ]

    @Test(arguments: faults.indices)
    func faultsNameTheirLine(_ k: Int) {
        let fault = Self.faults[k]
        #expect {
            _ = try Molecule(parsingXYZ: fault.text)
        } throws: { error in
            guard let error = error as? ConvMatrixError else { return false }
            return error.field == "molecule" && error.reason.hasPrefix("line \(fault.line): ") && error.reason.contains(fault.words)
        }
    }

    @Test func filesAreSizedAndUTF8() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("molecule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("binary.xyz")
        try Data([0x31, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: binary)
        let large = directory.appendingPathComponent("large.xyz")
        try Data(repeating: 0x20, count: Molecule.fileSizeLimit + 1).write(to: large)
        for (path, words) in [(binary.path, "not UTF-8"), (large.path, "bytes; an XYZ file is at most"), (directory.path + "/none", "nor a file")] {
            #expect {
                _ = try Molecule(named: path)
            } throws: { error in
                (error as? ConvMatrixError).map { $0.field == "molecule" && $0.reason.contains(words) } ?? false
            }
        }
    }
}
