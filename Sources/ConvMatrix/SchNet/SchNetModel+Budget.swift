extension SchNetModel {
    /// Bytes one evaluation with forces holds at most, from the sizes alone:
    ///
    ///     8 · T · P · (2 n_rbf + 12 F) + 8 · (P (n_rbf + 4F) + parameters)
    ///
    /// P ≤ n² pairs. Per interaction the forward pass keeps the P × n_rbf
    /// expansion and five P × F filter matrices, the backward pass another
    /// expansion-sized gradient and seven P × F ones; the parameter gradient is
    /// one more copy of the parameters.
    public func memoryEstimate(atoms n: Int) -> Int {
        let (k, f, t) = (configuration.rbfCount, configuration.features, configuration.interactions)
        let pairs = saturatingProduct(n, n)
        let perInteraction = saturatingProduct(8, t, pairs, saturatingSum(2 * k, 12 * f))
        return saturatingSum(perInteraction, saturatingProduct(8, saturatingSum(saturatingProduct(pairs, k + 4 * f), parameters.count)))
    }

    /// Throws when evaluating on `molecule` would exceed `budget`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `max-memory`.
    public func requireBudget(_ budget: MemoryBudget, for molecule: Molecule) throws(ConvMatrixError) {
        try budget.require(
            memoryEstimate(atoms: molecule.count), for: "SchNet on \(molecule.count) atoms (\(molecule.count * molecule.count) pairs)",
            alternatives: ["use fewer --features", "use a cutoff"])
    }
}
