/// Max pooling's windows whatever x is: what LeCun's table counts as its connections.
///
/// J(x) holds one 1 per row, at the arg-max; the union of its supports over all
/// x is every real tap of every window,
///
///     connections = C · ∏_d Σ_i |taps_d(i)|      (taps_d(i): window i's real coordinates along d)
///
/// because a window's taps factor over the dimensions.
extension MaxPooling {
    /// J(x) selects one unit a window.
    public var geometricNonzeroCount: Int? { output.count }
    public var geometricConnectionCount: Int? { windowEntryCount }
    public func connectionMatrix() -> TiedMatrix { windowPattern() }

    /// C · ∏_d Σ_i |taps_d(i)|, from the geometry.
    ///
    /// - Complexity: O(Σ_d o_d·k_d).
    public var windowEntryCount: Int {
        saturatingProduct([input.channels] + realTaps().map { axis in axis.reduce(0) { $0 + $1.count } })
    }

    /// The windows as a matrix: a constant 1 at every real tap of every window on
    /// every map (the structure J(x) selects one entry of per row).
    ///
    /// - Complexity: O(``windowEntryCount``).
    public func windowPattern() -> TiedMatrix {
        let taps = realTaps()
        let positions = RowMajor(output.spatial), units = RowMajor(input.spatial)
        var constants: [ConstantEntry] = []
        for i in 0..<positions.count {
            let offsets = Self.windowOffsets(positions.index(i), taps: taps, units: units)
            for j in 0..<input.channels {
                for offset in offsets {
                    constants.append(ConstantEntry(row: j * output.mapSize + i, column: j * input.mapSize + offset, value: 1))
                }
            }
        }
        return TiedMatrix(
            rows: output.count, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: [], terms: [], constants: constants)
    }
}
