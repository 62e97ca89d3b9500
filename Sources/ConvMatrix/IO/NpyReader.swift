import Foundation

extension NpyArray {
    /// Reads the `.npy` file at `path`, e.g. weights saved by `numpy.save`.
    ///
    /// Accepts format versions 1.0, 2.0 and 3.0; dtypes float64, float32, int64
    /// and int32 in either byte order (see `init(data:path:)`); C or Fortran order.
    ///
    ///     let weight = try NpyArray(contentsOf: "conv1.weight.npy")
    ///
    /// - Throws: `ConvMatrixError` of kind `.file` whose field is `field`, what
    ///   the file is for (e.g. `weight`), and whose reason starts with the quoted
    ///   path: "cannot read: …" when the file cannot be opened, or any error of
    ///   `init(data:path:)` when its content is wrong; "the path is empty".
    public init(contentsOf path: String, field: String = "path") throws(ConvMatrixError) {
        do {
            try self.init(bytes: try NpyFile.bytes(at: path, field: field), path: path)
        } catch {
            throw error.naming(field, forPath: path)
        }
    }

    /// Parses the bytes of a `.npy` file; `path` is used only in error messages.
    ///
    /// Elements may be `'<f8'`, `'<f4'`, `'<i8'` or `'<i4'`, little-endian (`'<'`
    /// or `'='`) or big-endian (`'>'`); integers become the nearest double. Data
    /// in Fortran order is transposed into C order. Every value must be finite.
    ///
    ///     let array = try NpyArray(data: downloaded, path: "https://…/w.npy")
    ///
    /// - Throws: `ConvMatrixError` of kind `.file` whose field is `path` and whose
    ///   one-line reason names the fault: a wrong magic, an unsupported version
    ///   or dtype (listing what is accepted), a malformed header, data that is
    ///   "truncated: expected N bytes of data, found M" or has extra bytes, or a
    ///   NaN or infinity (naming its flat index and multi-index).
    public init(data: Data, path: String) throws(ConvMatrixError) {
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Returns `self` if its shape is `expected`, for chaining after a read.
    ///
    /// `field` names what the array is for and `expectedBy` the layer that
    /// fixes the shape; `path` is the file it came from.
    ///
    ///     let weight = try NpyArray(contentsOf: path).requireShape(
    ///         [3, 2, 3], field: "weight", expectedBy: "Conv1d(2, 3, kernel_size=3)", path: path)
    ///
    /// - Throws: `ConvMatrixError` of kind `.shape` whose field is `field`, e.g.
    ///   "w.npy has shape (3, 2, 5) but Conv1d(2, 3, kernel_size=3) expects (3, 2, 3)".
    public func requireShape(
        _ expected: [Int], field: String, expectedBy: String, path: String
    ) throws(ConvMatrixError) -> NpyArray {
        guard shape != expected else { return self }
        throw .shape(
            field,
            "\(NpyArray.oneLine(path)) has shape \(NpyText.tuple(shape)) "
                + "but \(NpyArray.oneLine(expectedBy)) expects \(NpyText.tuple(expected))")
    }

    /// The reader proper, over bytes already in memory.
    init(bytes: [UInt8], path: String) throws(ConvMatrixError) {
        let header: NpyHeader
        do {
            header = try NpyHeader(parsing: bytes)
        } catch {
            throw .file(path, error.reason)
        }
        try Self.checkDataLength(header, fileSize: bytes.count, path: path)
        var values = header.dtype.decode(bytes, from: header.dataOffset, count: header.elementCount)
        if header.fortranOrder {
            values = Self.cOrder(fromFortranOrder: values, shape: header.shape)
        }
        try Self.checkFinite(values, shape: header.shape, path: path)
        self.init(shape: header.shape, values: values)
    }

    /// Requires exactly the data the header promises after it.
    private static func checkDataLength(
        _ header: NpyHeader, fileSize: Int, path: String
    ) throws(ConvMatrixError) {
        let expected = header.dataByteCount
        let found = fileSize - header.dataOffset
        if found < expected {
            throw .file(path, "truncated: expected \(expected) bytes of data, found \(found)")
        }
        if found > expected {
            throw .file(
                path,
                "expected \(expected) bytes of data, found \(found): "
                    + "\(found - expected) extra bytes after the array")
        }
    }

    /// Rejects the first NaN or infinity, naming its C-order flat index and multi-index.
    private static func checkFinite(
        _ values: [Double], shape: [Int], path: String
    ) throws(ConvMatrixError) {
        guard let flat = values.firstIndex(where: { !$0.isFinite }) else { return }
        let index = RowMajor(shape).index(flat)
        throw .file(
            path,
            "value \(values[flat]) at flat index \(flat), index \(NpyText.tuple(index)), "
                + "is not finite; every value must be finite")
    }

    /// Reorders elements stored with the first index varying fastest into C order.
    ///
    ///     cOrder(fromFortranOrder: [1, 4, 2, 5, 3, 6], shape: [2, 3])   // [1, 2, 3, 4, 5, 6]
    static func cOrder(fromFortranOrder values: [Double], shape: [Int]) -> [Double] {
        guard shape.count > 1, !values.isEmpty else { return values }
        let c = RowMajor(shape)
        let fortran = RowMajor(shape.reversed())
        return (0..<values.count).map { offset in
            values[fortran.offset(c.index(offset).reversed())]
        }
    }

    /// `text` with line breaks escaped, so that a message stays on one line.
    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}
