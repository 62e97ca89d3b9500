/// What a weight-sharing matrix counts: entries, structural nonzeros, terms, parameters.
extension TiedMatrix {
    /// rows · columns.
    public var entryCount: Int { rows * columns }

    /// Entries that at least one term or a constant reaches: the structural nonzeros.
    public var nonzeroCount: Int {
        termEntryCount + constants.filter { entry in !terms(inRow: entry.row).contains { $0.column == entry.column } }.count
    }

    /// Terms: structural nonzeros plus one for every extra parameter an entry sums.
    public var termCount: Int { terms.count }

    /// Distinct parameters v_p.
    public var parameterCount: Int { parameters.count }

    /// How many entries each parameter occupies (its tied entries).
    public var occupancy: [Int] {
        var counts = Array(repeating: 0, count: parameterCount)
        for term in terms { counts[term.parameter] += 1 }
        return counts
    }

    /// Entries that sum more than one term (terms are sorted by row, then
    /// column, so an entry's terms are one run): an entry of three terms counts once.
    public var sharedEntryCount: Int {
        var (count, run) = (0, 0)
        var previous: (row: Int, column: Int)?
        for term in terms {
            run = previous.map { $0 == (term.row, term.column) } == true ? run + 1 : 1
            if run == 2 { count += 1 }
            previous = (term.row, term.column)
        }
        return count
    }

    /// Entries that at least one term reaches.
    public var termEntryCount: Int {
        var count = 0
        for r in 0..<rows {
            var previous = -1
            for term in terms(inRow: r) where term.column != previous {
                count += 1
                previous = term.column
            }
        }
        return count
    }

    /// The tie of each entry, row-major: the parameter p when the entry is v_p alone,
    /// −1 for a structural zero, −2 for an entry that sums several parameters,
    /// −3 for an entry that holds only a constant (a constant beside a parameter
    /// makes the entry a sum: −2).
    public var tieIndices: [Int] {
        var tie = Array(repeating: -1, count: entryCount)
        for entry in constants { tie[entry.row * columns + entry.column] = -3 }
        for term in terms {
            let at = term.row * columns + term.column
            tie[at] = tie[at] == -1 ? term.parameter : -2
        }
        return tie
    }
}
