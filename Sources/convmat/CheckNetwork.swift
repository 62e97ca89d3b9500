import ConvMatrix

/// `convmat check NETWORK`: every layer's checks, then the whole network's finite differences.
extension Check {
    /// A spec always holds '(' (`ReLU()`); a network's name or file path, here, never does.
    static func namesANetwork(_ argument: String) -> Bool { !argument.contains("(") }

    /// A network draws its own weights and points: the layer-only options do not apply.
    func validateNetwork() throws {
        let layerOnly = [
            ("weight", weightFiles.weight), ("bias", weightFiles.bias), ("kernel", weightFiles.kernel),
            ("x", point.file), ("x-seed", point.seed.map(String.init)),
        ]
        if let (field, _) = layerOnly.first(where: { $0.1 != nil }) {
            throw OptionError(
                field: field,
                reason:
                    "--\(field) goes with a layer SPEC; check NETWORK reads every layer's weights with --weights DIR or draws them from --seed, and takes each point from the forward pass"
            )
        }
    }

    /// Refuses a check above the size or time guard before anything is built, then
    /// runs it and writes the report; a failed check exits 1.
    func runNetwork(_ name: String, budget: MemoryBudget) throws {
        let shape = try input.map { try TensorShape(parsing: $0) }
        let network = try Network(named: name, input: shape)
        try ResourceBudget(memory: budget, flops: flopOptions.budget())
            .require(NetworkChecker.estimate(for: network), for: "checking \(network.name) on \(network.input)")
        let weights = try weightsDirectory.map { directory throws(ConvMatrixError) in try NetworkWeights(directory: directory, for: network, budget: budget) }
        var progress = ProgressLine(label: "check \(network.name)")
        let report: NetworkCheckReport
        do {
            report = try NetworkChecker(network: network, seed: seed, weights: weights).run(budget: budget) { progress.update($0) }
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        Terminal.write(format == .json ? try JSONOutput.encode(NetworkCheckDocument(report)) : report.text)
        if !report.passed { throw CheckFailure(message: report.failureSummary) }
    }
}
