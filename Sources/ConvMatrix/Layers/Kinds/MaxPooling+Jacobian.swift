/// Max pooling at a point x: the selection matrix J(x), f(x), the drawn point and
/// the nearest tie.
///
///     J(x)[r, a(r)] = 1,     f(x)_r = x_{a(r)} = (J(x)·x)_r,     δx = J(x)ᵀ δy
///
/// with a(r) the first maximum of x in row r's window (``MaxPooling``).
extension MaxPooling {
    public var jacobianFormula: String { "S(x), a selection: 1 at each window's arg-max" }
    public var jacobianLatex: String { "S(x)" }

    /// f is piecewise linear: no curvature between ties.
    public var thirdDerivativeBound: Double { 0 }

    /// f(x): the arg-max of every window, then x gathered there.
    public func value(at x: [Double]) -> [Double] { argmaxUnits(of: x).map { x[$0] } }

    /// A seeded permutation (Fisher–Yates) of the integers −⌊n/2⌋, …, n − 1 − ⌊n/2⌋:
    /// distinct values, so every window has one maximum, ahead of the next by ≥ 1.
    public func drawPoint(seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        let n = input.count
        var values = (0..<n).map { Double($0 - n / 2) }
        for k in Swift.stride(from: n - 1, to: 0, by: -1) { values.swapAt(k, random.nextInt(in: 0...k)) }
        return values
    }

    /// The window, among those with at least two real taps, whose maximum leads its
    /// runner-up by the least. The distance is half that gap: moving every unit by
    /// less keeps every arg-max (0 at a tie). nil when no window has two real taps
    /// (f is then linear).
    ///
    /// - Complexity: O(output.count · ∏ k).
    public func nearestKink(to x: [Double]) -> Kink? { nearestKink(to: x, locked: nil) }

    /// A tie at a window's maximum is harmless when every unit at the maximum is
    /// locked (constant near x, as the zeros of a dead ReLU are): the maximum is
    /// then constant until an unlocked unit reaches it, so the gap is to the
    /// largest unlocked unit, and a window of locked units alone has no kink.
    public func nearestKink(to x: [Double], locked: [Bool]) -> Kink? { nearestKink(to: x, locked: Optional(locked)) }

    private func nearestKink(to x: [Double], locked: [Bool]?) -> Kink? {
        let taps = realTaps()
        let positions = RowMajor(output.spatial), units = RowMajor(input.spatial)
        var nearest: (gap: Double, first: Int, second: Int, window: Int, map: Int)?
        for i in 0..<positions.count {
            let offsets = Self.windowOffsets(positions.index(i), taps: taps, units: units)
            guard offsets.count >= 2 else { continue }
            for j in 0..<input.channels {
                guard let (gap, first, second) = Self.gap(offsets.map { j * input.mapSize + $0 }, in: x, locked: locked) else { continue }
                if nearest.map({ gap < $0.gap }) ?? true { nearest = (gap, first, second, i, j) }
            }
        }
        guard let nearest else { return nil }
        let (a, b) = (NumberFormat.compact(x[nearest.first]), NumberFormat.compact(x[nearest.second]))
        let pair = nearest.gap == 0 ? "x[\(nearest.first)] = x[\(nearest.second)] = \(a) tie" : "x[\(nearest.first)] = \(a) leads x[\(nearest.second)] = \(b)"
        return Kink(
            distance: nearest.gap / 2,
            description: "\(pair) in window \(nearest.window) of map \(nearest.map) (gap \(NumberFormat.compact(nearest.gap)))")
    }

    /// One entry per output unit.
    public var entryCountBound: Int { output.count }

    public var matrixNote: String? {
        "x \(point.sourceDescription); ties go to the first maximum in the window's row-major order, padding is −∞."
    }

    /// m − the largest unit that can reach the maximum m of `units`, with the
    /// leader and that unit; nil for a window whose units are all locked.
    private static func gap(_ units: [Int], in x: [Double], locked: [Bool]?) -> (gap: Double, first: Int, second: Int)? {
        let (first, second) = leaders(units, in: x)
        guard let locked, locked[first], !units.contains(where: { x[$0] == x[first] && !locked[$0] }) else {
            return (x[first] - x[second], first, second)
        }
        guard let rival = units.filter({ !locked[$0] }).max(by: { x[$0] < x[$1] }) else { return nil }
        return (x[first] - x[rival], first, rival)
    }

    /// The first maximum of x over `units` (in their order) and the runner-up: the
    /// largest of the others, the first of equals.
    private static func leaders(_ units: [Int], in x: [Double]) -> (first: Int, second: Int) {
        var first = units[0], second = units[1]
        if x[second] > x[first] { swap(&first, &second) }
        for u in units.dropFirst(2) {
            if x[u] > x[first] {
                second = first
                first = u
            } else if x[u] > x[second] {
                second = u
            }
        }
        return (first, second)
    }
}

/// The Jacobian as a ``Layer``: a selection of constants 1, and the plain-loop reference.
extension MaxPooling {
    /// Wᵀ(x)[r, a(r)] = 1, one constant a row.
    ///
    /// - Complexity: O(output.count · ∏ k) time, O(output.count) memory.
    public func matrixForm() -> MatrixForm {
        let constants = argmaxUnits(of: pointValues).enumerated().map { ConstantEntry(row: $0.offset, column: $0.element, value: 1) }
        let tied = TiedMatrix(
            rows: output.count, columns: input.count, rowBlockSize: output.mapSize, columnBlockSize: input.mapSize,
            parameters: [], terms: [], constants: constants)
        return MatrixForm(layer: self, tied: tied)
    }

    public func referenceValue(at x: [Double]) -> [Double] {
        ReferenceMaxPooling.windowMaxima(self, x: x).map(\.value)
    }

    /// J(x)·u: u read at each window's arg-max of x.
    public func referenceForward<S: ReferenceScalar>(x u: [S], weight: [S], bias: [S]?) -> [S] {
        ReferenceMaxPooling.windowMaxima(self, x: pointValues).map { S.zero + u[$0.unit] }
    }

    /// J(x)ᵀ δy: each δy added to its window's arg-max.
    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        var dx = Array(repeating: 0.0, count: input.count)
        for (r, maximum) in ReferenceMaxPooling.windowMaxima(self, x: pointValues).enumerated() { dx[maximum.unit] += dy[r] }
        return dx
    }

}
