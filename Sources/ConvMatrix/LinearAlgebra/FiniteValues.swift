/// The rule of every computation in this library: a value that is not finite,
/// computed from finite input, is bad input, never an answer.
///
/// A Double is finite when |v| ≤ 1.797…·10³⁰⁸ (`Double.greatestFiniteMagnitude`);
/// beyond it IEEE arithmetic returns ±inf, and inf − inf or 0·inf returns NaN.
/// Neither may reach a user as a number (JSON cannot even encode it), nor as a
/// failed check: the caller is told, in one line, which value left the range and
/// what it was computed from.
///
/// Before LAPACK. LAPACKE rejects a NaN (as an illegal argument) but lets an
/// infinity through, and LAPACK's own error printer (xerbla) then writes to
/// stdout. Its routines first scale a matrix by max |a_ij| into a safe range, so
/// that intermediate values cannot overflow; what can is the answer itself. The
/// singular values of A obey
///
///     σ_k ≤ … ≤ σ₁ = ‖A‖₂ ≤ ‖A‖_F = √(Σ a_ij²),
///
/// so an A whose entries are finite and whose ‖A‖_F (dnrm2, which scales and so
/// overflows only when the norm itself does) is finite has representable singular
/// values, U and V orthonormal, and Uᵀb bounded by ‖b‖₂. That is the test every
/// LAPACK wrapper applies to its matrix and right-hand side,
/// ``Matrix/requireFactorable(field:name:)``: one place, before LAPACKE is called.
/// A solution x = A⁺b can still overflow through 1/σ_i; the callers check it.
enum FiniteValues {
    /// The index of the first value that is ±inf or NaN, or nil when all are finite.
    static func firstNonFinite(_ values: [Double]) -> Int? {
        values.firstIndex { !$0.isFinite }
    }

    /// Throws unless every value is finite and ‖values‖₂ is finite.
    ///
    /// - Parameters:
    ///   - field: the field the error names (what the user gave, or a routine).
    ///   - name: how the message calls the vector, e.g. `ỹ = y − o − b`.
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `field`.
    static func requireFiniteNorm(_ values: [Double], field: String, name: String) throws(ConvMatrixError) {
        if let k = firstNonFinite(values) {
            throw ConvMatrixError(.numerical, field: field, reason: "entry \(k + 1) of \(name) is \(values[k]), not a finite number")
        }
        let norm = euclideanNorm(values)
        guard norm.isFinite else {
            throw ConvMatrixError(
                .numerical, field: field,
                reason: "‖\(name)‖₂ exceeds the largest Double (\(largest)), with entries up to \(describe(maxMagnitude(values))); scale it down")
        }
    }

    /// max_k |v_k|, 0 for none.
    static func maxMagnitude(_ values: [Double]) -> Double {
        values.reduce(0) { max($0, abs($1)) }
    }

    /// Six significant digits, `1e+308`, for messages.
    static func describe(_ value: Double) -> String {
        NumberFormat.significant(value)
    }

    /// The largest Double, as messages write it.
    static let largest = "1.79769e+308"
}

extension Matrix {
    /// ‖A‖_F = √(Σ a_ij²) by dnrm2: finite whenever the norm itself is.
    public var frobeniusNorm: Double { euclideanNorm(storage) }

    /// Throws unless LAPACK can factor this matrix and return representable
    /// results: every entry finite and ‖A‖_F finite (see ``FiniteValues``).
    ///
    /// - Parameters:
    ///   - field: the field the error names: what the user gave that made the
    ///     matrix (`weight`), or the routine's name when the caller knows no better.
    ///   - name: how the message calls the matrix, e.g. `Wᵀ`.
    /// - Throws: ``ConvMatrixError`` of kind `.numerical` on `field`.
    /// - Complexity: O(rows · columns).
    public func requireFactorable(field: String, name: String) throws(ConvMatrixError) {
        if let k = FiniteValues.firstNonFinite(storage) {
            let (r, c) = (k % Swift.max(1, rows), k / Swift.max(1, rows))
            throw ConvMatrixError(.numerical, field: field, reason: "entry (\(r + 1), \(c + 1)) of \(name) is \(storage[k]), not a finite number")
        }
        guard frobeniusNorm.isFinite else {
            let largest = FiniteValues.describe(FiniteValues.maxMagnitude(storage))
            throw ConvMatrixError(
                .numerical, field: field,
                reason:
                    "‖\(name)‖_F exceeds the largest Double (\(FiniteValues.largest)), with entries up to \(largest): "
                    + "its largest singular value may not be representable; scale the values down")
        }
    }
}
