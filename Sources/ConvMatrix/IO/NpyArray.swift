/// An N-dimensional array of doubles as stored in a NumPy `.npy` file: the way
/// trained weights come in and materialised matrices go out.
///
/// A `.npy` file is a 6-byte magic `\x93NUMPY`, a format version, a header
/// length, a Python dict literal such as
///
///     {'descr': '<f8', 'fortran_order': False, 'shape': (3, 2, 3), }
///
/// padded with spaces and a newline so that the data starts at a multiple of 64
/// bytes, and then the raw elements. `values` are always in C (row-major) order,
/// whatever the order in the file, and always finite when read from a file.
///
/// Weights of a PyTorch layer saved with
///
///     numpy.save('w.npy', conv.weight.detach().numpy())
///
/// load as
///
///     let weight = try NpyArray(contentsOf: "w.npy")
///     // weight.shape == [3, 2, 3], weight.values.count == 18
///
/// and `NpyWriter` writes files NumPy loads with `numpy.load`.
public struct NpyArray: Equatable, Sendable {
    /// The extent of each axis; `[]` for a 0-dimensional (scalar) array.
    public var shape: [Int]
    /// The elements in C order: the last index varies fastest.
    public var values: [Double]

    /// An array of `shape` holding `values` in C order.
    ///
    ///     NpyArray(shape: [2, 2], values: [1, 2, 3, 4])
    ///
    /// The element count must be ∏ shape; that is the caller's invariant.
    public init(shape: [Int], values: [Double]) {
        precondition(
            NpyArray.elementCount(shape) == values.count,
            "NpyArray: \(values.count) values for shape \(shape)")
        self.shape = shape
        self.values = values
    }

    /// ∏ `shape`, or nil if an extent is negative or the product overflows `Int`.
    ///
    /// A shape with a zero extent has 0 elements however large the others are.
    ///
    ///     NpyArray.elementCount([3, 4])                  // 12
    ///     NpyArray.elementCount([1 << 40, 1 << 40, 0])   // 0
    static func elementCount(_ shape: [Int]) -> Int? {
        guard shape.allSatisfy({ $0 >= 0 }) else { return nil }
        guard !shape.contains(0) else { return 0 }
        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else { return nil }
            count = product
        }
        return count
    }
}
