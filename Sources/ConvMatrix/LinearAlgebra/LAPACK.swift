import CLinearAlgebra

/// What the LAPACK wrappers share: the storage order, 32-bit sizes, and how a
/// routine's `info` becomes a thrown error.
///
/// Every wrapper passes column-major storage (`LAPACK_COL_MAJOR`), the order of
/// ``Matrix``, so no copy is transposed on the way in or out. Every wrapper first
/// refuses input LAPACK could not return representable results for
/// (``Matrix/requireFactorable(field:name:)``: a non-finite entry, or a norm
/// beyond the largest Double), so that LAPACK's error printer, which writes to
/// stdout, is never reached. LAPACKE's own NaN check stays on behind it: a NaN
/// would be reported as an illegal argument, `info = −k`, and arrive here as an error.
enum LAPACK {
    /// LAPACKE's `lapack_int`: a C macro, so Swift cannot see it by name. It is
    /// `int32_t` in this build (Debian's liblapacke is not built with LAPACK_ILP64),
    /// and the compiler holds every call to that: LAPACKE's functions import with
    /// `Int32` parameters.
    typealias Integer = Int32

    /// LAPACKE's code for column-major storage.
    static let columnMajor = Int32(LAPACK_COL_MAJOR)

    /// `n` as LAPACKE's `lapack_int`, which is `int32_t` in this build
    /// (Debian's liblapacke is not built with LAPACK_ILP64).
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `routine` when `n`
    ///   does not fit in 32 bits (the size guard normally refuses such a matrix first).
    static func int(_ n: Int, routine: String) throws(ConvMatrixError) -> LAPACK.Integer {
        guard let value = LAPACK.Integer(exactly: n) else {
            throw ConvMatrixError(.numerical, field: routine, reason: "dimension \(n) exceeds LAPACK's 32-bit limit of \(LAPACK.Integer.max)")
        }
        return value
    }

    /// Turns a routine's `info` into a thrown error:
    ///
    ///     info = 0    success
    ///     info = −k   argument k was illegal; for a matrix argument that means a NaN (or infinity)
    ///     info > 0    the iteration did not converge
    ///
    /// - Parameters:
    ///   - arguments: the routine's argument names in order (1-based as LAPACKE counts),
    ///     so that the message names the culprit.
    ///   - matrixArguments: the positions of matrix arguments, where LAPACKE reports a NaN.
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` with `field` = the routine's name.
    static func check(_ info: LAPACK.Integer, routine: String, arguments: [String], matrixArguments: Set<Int>) throws(ConvMatrixError) {
        guard info != 0 else { return }
        if info < 0 {
            let position = Int(-info)
            let name = arguments.indices.contains(position - 1) ? arguments[position - 1] : "#\(position)"
            let reason =
                matrixArguments.contains(position)
                ? "argument \(position) (\(name)) contains a NaN or an infinity (info = \(info))"
                : "argument \(position) (\(name)) has an illegal value (info = \(info))"
            throw ConvMatrixError(.numerical, field: routine, reason: reason)
        }
        throw ConvMatrixError(
            .numerical, field: routine,
            reason: "the singular value iteration did not converge (info = \(info)); the matrix may hold infinities or values near overflow")
    }

    /// The character LAPACK reads for an option such as `jobz`.
    static func character(_ scalar: Unicode.Scalar) -> CChar {
        CChar(UInt8(ascii: scalar))
    }
}
