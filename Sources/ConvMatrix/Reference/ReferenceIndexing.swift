/// Index arithmetic the references share with each other (never with the matrix forms).
enum ReferenceIndexing {
    /// The row-major digits of `flat` in a box of `extents` (the last one fastest).
    static func digits(of flat: Int, extents: [Int]) -> [Int] {
        var rest = flat
        var result = Array(repeating: 0, count: extents.count)
        for d in extents.indices.reversed() {
            result[d] = rest % extents[d]
            rest /= extents[d]
        }
        return result
    }
}
