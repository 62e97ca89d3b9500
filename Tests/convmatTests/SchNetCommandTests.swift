import ConvMatrix
import Foundation
import Testing

@testable import convmat

/// `show schnet` and `check schnet` through their option group, before the host commands hook them in.
@Suite struct SchNetCommandTests {
    static func options(_ arguments: [String]) throws -> SchNetOptions {
        try SchNetOptions.parse(arguments)
    }

    /// JSON: the keys, atoms in file order, finite numbers.
    @Test func showJSONHasTheFixedKeys() throws {
        let bytes = try SchNetShow.bytes(
            try Self.options(["--molecule", "water", "--features", "8"]), seed: 0, format: "json", order: .maps, entries: .symbolic)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(document["elements"] as? [String] == ["O", "H", "H"])
        let positions = try #require(document["positions"] as? [[Double]])
        #expect(positions.count == 3 && positions[1] == [0.75695033, 0, 0.58588228])
        #expect(document["energy"] is Double)
        #expect((document["forces"] as? [[Double]])?.count == 3)
        let distances = try #require(document["distances"] as? [[Double]])
        #expect(distances.count == 3 && distances[0][0] == 0 && abs(distances[0][1] - 0.9572) < 1e-7)
        for key in ["version", "spec", "input_shape", "checks", "dynamics", "optimisation", "distance_classes", "energy_unit"] {
            #expect(document.keys.contains(key), "\(key)")
        }
    }

    @Test func showDynamicsReportsThreeDrifts() throws {
        let options = try Self.options(["--molecule", "water", "--features", "4", "--dynamics", "20", "--dt", "0.5", "--optimise", "5"])
        let report = try SchNetReport(
            model: try options.model(seed: 1), molecule: try options.loadMolecule(), seed: 1, dynamics: (0.5, 20), optimise: 5)
        #expect(report.dynamics?.drifts.map(\.dt) == [0.5, 0.25, 0.125])
        #expect(report.dynamics?.totalEnergies.count == 21)
        #expect(report.text().contains("drift ratio"))
        let bytes = try SchNetShow.bytes(options, seed: 1, format: "text", order: .positions, entries: .numeric)
        #expect(String(decoding: bytes, as: UTF8.self).contains("steepest descent"))
    }

    @Test(arguments: ["latex", "svg"])
    func showDrawsTheMatrix(_ format: String) throws {
        let bytes = try SchNetShow.bytes(
            try Self.options(["--molecule", "methane", "--features", "2"]), seed: 0, format: format, order: .maps, entries: .symbolic)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(format == "svg" ? text.contains("<svg") : text.contains("W_{11}^{1}"))
        let plot = try SchNetShow.bytes(
            try Self.options(["--molecule", "methane", "--features", "2", "--plot", "filters"]), seed: 0, format: "svg", order: .maps, entries: .symbolic)
        #expect(String(decoding: plot, as: UTF8.self).contains("polyline"))
    }

    /// A CFConv spec goes through show's own pipeline: the weighted form of the layer.
    @Test func cfconvSpecIsAnOrdinaryLayer() throws {
        let (layer, weights) = try SchNetShow.cfconv(spec: "CFConv(2, n_rbf=30)", try Self.options(["--molecule", "methane"]), seed: 0)
        let weighted = try WeightedForm(layer, weights: weights)
        #expect(weighted.form.tied.parameters.count == 4)
        #expect(layer.input.description == "2x5")
    }

    @Test func badInputNamesItsField() throws {
        for (arguments, format, field) in [
            (["--features", "2"], "text", "molecule"), (["--molecule", "nowhere.xyz"], "text", "molecule"),
            (["--molecule", "water", "--features", "2"], "csv", "format"),
        ] {
            #expect {
                _ = try SchNetShow.bytes(try Self.options(arguments), seed: 0, format: format, order: .maps, entries: .symbolic)
            } throws: { error in
                (error as? OptionError)?.field == field || (error as? ConvMatrixError)?.field == field
            }
        }
    }
}

/// Large molecules are sized before anything is allocated.
@Suite struct SchNetBudgetTests {
    @Test func aLargeMoleculeIsRefusedBeforeAllocation() throws {
        let atoms = Molecule.atomLimit
        let text = "\(atoms)\nchain\n" + (0..<atoms).map { "H \(Double($0) * 1.1) 0 0" }.joined(separator: "\n") + "\n"
        let molecule = try Molecule(parsingXYZ: text)
        let model = try SchNetModel()
        #expect(model.memoryEstimate(atoms: atoms) > 1 << 30)
        #expect {
            _ = try SchNetReport(model: model, molecule: molecule, seed: 0, budget: MemoryBudget(limitBytes: 1 << 30))
        } throws: { ($0 as? ConvMatrixError)?.field == "max-memory" }
    }
}

/// The lattice demo: both matrices printed, and they agree.
@Suite struct SchNetLatticeDemoTests {
    @Test func demoShowsTheBandAndTheAgreement() throws {
        let text = try SchNetLatticeDemo().text()
        #expect(text.contains("Conv1d(2, 2, 5, padding=2, groups=2, bias=False)"))
        let difference = try #require(text.split(separator: "\n").first { $0.hasPrefix("largest difference") })
        let value = try #require(Double(difference.split(separator: " ")[6]))
        #expect(value < 1e-13)
        // Row 1 of the band: zero centre, two neighbours on the right, zeros beyond.
        let lines = text.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("feature 1, cfconv") })
        let row = lines[first + 1].split(separator: " ").compactMap { Double($0) }
        #expect(row.count == 6 && row[0] == 0 && row[1] != 0 && row[2] != 0 && row[3] == 0)
    }
}
