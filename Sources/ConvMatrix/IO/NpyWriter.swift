/// Writes NumPy `.npy` files byte for byte as `numpy.save` does.
///
/// The output is format version 1.0 (2.0 only if a header of thousands of axes
/// outgrows version 1.0's 16-bit length, as NumPy does), little-endian, C order.
/// The header dict is spelled as NumPy spells it, including the spare spaces
/// NumPy leaves for growing the first axis in place, then padded with spaces and
/// a final newline so that the data starts at a multiple of 64 bytes:
///
///     \x93NUMPY \x01\x00 \x76\x00 {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }␣…␣\n
///
/// (128 bytes in all), then 12 little-endian doubles.
///
///     let bytes = NpyWriter.float64(matrix, shape: [rows, columns])
///     try NpyWriter.write(bytes, to: "matrix.npy")   // numpy.load('matrix.npy')
public enum NpyWriter {
    /// A complete `.npy` file of dtype `'<f8'` (float64).
    ///
    /// `values` are in C order and must number ∏ `shape`; `shape: []` writes a
    /// 0-dimensional array of one value.
    ///
    ///     NpyWriter.float64([1, 2, 3, 4, 5, 6], shape: [2, 3])
    public static func float64(_ values: [Double], shape: [Int]) -> [UInt8] {
        var bytes = header(descr: "<f8", shape: shape, count: values.count, itemSize: 8)
        for value in values { append(value.bitPattern, to: &bytes) }
        return bytes
    }

    /// A complete `.npy` file of dtype `'<i8'` (int64).
    ///
    /// `values` are in C order and must number ∏ `shape`.
    ///
    ///     NpyWriter.int64([3, 2, 3], shape: [3])
    public static func int64(_ values: [Int], shape: [Int]) -> [UInt8] {
        var bytes = header(descr: "<i8", shape: shape, count: values.count, itemSize: 8)
        for value in values { append(UInt64(bitPattern: Int64(value)), to: &bytes) }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same
    /// directory, flushed, then renamed over `path`.
    ///
    /// Either `path` holds all of `bytes` afterwards, or the call throws and the
    /// directory is as it was: the temporary file is removed on every failure.
    ///
    ///     try NpyWriter.write(NpyWriter.float64([1, 2], shape: [2]), to: "v.npy")
    ///
    /// - Throws: `ConvMatrixError` of kind `.file` whose field is `path`, e.g.
    ///   "cannot write: No such file or directory" when the directory is missing.
    public static func write(_ bytes: [UInt8], to path: String) throws(ConvMatrixError) {
        try NpyFile.replace(path, with: bytes)
    }

    /// The preamble and padded header dict, with room reserved for the data.
    static func header(descr: String, shape: [Int], count: Int, itemSize: Int) -> [UInt8] {
        precondition(
            NpyArray.elementCount(shape) == count, "NpyWriter: \(count) values for shape \(shape)")
        let dict = Array(dictText(descr: descr, shape: shape).utf8)
        var lengthSize = 2
        var headerLength = paddedLength(dict.count, preambleSize: 10)
        if headerLength > 0xFFFF {
            lengthSize = 4
            headerLength = paddedLength(dict.count, preambleSize: 12)
        }
        let padding = headerLength - dict.count - 1

        var bytes = NpyHeader.magic + (lengthSize == 2 ? [1, 0] : [2, 0])
        bytes.reserveCapacity(10 + lengthSize + headerLength + count * itemSize)
        for shift in stride(from: 0, to: 8 * lengthSize, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: headerLength >> shift))
        }
        bytes += dict
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: padding)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The header dict as NumPy's `_write_array_header` spells it: keys sorted,
    /// `repr` values, a trailing `", }"`, then spare spaces for the first axis to
    /// grow to 21 digits.
    static func dictText(descr: String, shape: [Int]) -> String {
        let dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(NpyText.tuple(shape)), }"
        let spare = shape.first.map { 21 - String($0).count } ?? 0
        return dict + String(repeating: " ", count: max(0, spare))
    }

    /// The length of the header after the preamble: the dict, 1…64 spaces and
    /// `"\n"`, so that preamble and header end on a 64-byte boundary. Like NumPy's
    /// `_wrap_header`, a dict that would end exactly on the boundary still gets 64.
    private static func paddedLength(_ dictCount: Int, preambleSize: Int) -> Int {
        let unpadded = preambleSize + dictCount + 1
        let padding = NpyHeader.alignment - unpadded % NpyHeader.alignment
        return dictCount + padding + 1
    }

    private static func append(_ bits: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
