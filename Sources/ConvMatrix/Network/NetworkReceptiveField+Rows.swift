/// A layer's structural matrix S: for each output unit r, the input units its
/// row of Wᵀ has a structural nonzero at (a term's or a constant's column),
/// ascending, in compressed rows.
///
///     S[r, c] = 1  ⇔  Wᵀ[r, c] has a term or a constant          a linear layer
///     S[r, c] = 1  ⇔  J(x)[r, c] ≠ 0 for some x                   an input-dependent one
///
/// For an input-dependent layer the second is its structure, not one point's
/// Jacobian: max pooling's every real tap of the window
/// (``Layer/connectionMatrix()``), an activation's diagonal (it acts unit by
/// unit, so J(x) is diag(f′(x)) whatever x is, and a ReLU's zero slope at one
/// point is still a connection).
struct StructuralRows: Sendable {
    let inputCount: Int
    /// Row r's columns are columns[starts[r]..<starts[r + 1]].
    let starts: [Int]
    let columns: [Int]

    /// S of `layer`.
    ///
    /// - Complexity: O(``Layer/entryCountBound``): the layer's matrix form is built once.
    init(of layer: any Layer) {
        inputCount = layer.input.count
        if layer.isInputDependent, !layer.hasConnections {
            starts = Array(0...layer.output.count)
            columns = Array(0..<layer.output.count)
            return
        }
        let tied = layer.isInputDependent ? layer.connectionMatrix() : layer.matrixForm().tied
        var starts = [0]
        var columns: [Int] = []
        starts.reserveCapacity(tied.rows + 1)
        columns.reserveCapacity(tied.termCount + tied.constants.count)
        var k = 0
        for r in 0..<tied.rows {
            var row = tied.terms(inRow: r).map(\.column)
            while k < tied.constants.count, tied.constants[k].row == r {
                row.append(tied.constants[k].column)
                k += 1
            }
            row.sort()
            for (n, c) in row.enumerated() where n == 0 || row[n - 1] != c { columns.append(c) }
            starts.append(columns.count)
        }
        self.starts = starts
        self.columns = columns
    }

    /// Row r's columns.
    func row(_ r: Int) -> ArraySlice<Int> { columns[starts[r]..<starts[r + 1]] }

    /// F_in(u) = ∪_{r ∈ F_out(u)} S(r) for every u: one step back through the layer.
    ///
    /// - Complexity: O(Σ_u Σ_{r ∈ F_out(u)} |S(r)| + the sort of each result).
    func pullBack(_ fields: [[Int]]) -> [[Int]] {
        var stamp = Array(repeating: -1, count: inputCount)
        return fields.enumerated().map { u, field in
            var reached: [Int] = []
            for r in field {
                for c in row(r) where stamp[c] != u {
                    stamp[c] = u
                    reached.append(c)
                }
            }
            return reached.sorted()
        }
    }

    /// a ∪ b of two ascending lists, ascending.
    static func union(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }
}
