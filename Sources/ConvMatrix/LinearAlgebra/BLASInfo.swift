import CLinearAlgebra

/// What BLAS this build runs on, for benchmark reports.
public enum BLASInfo {
    /// OpenBLAS's own description: version, target core, threading, e.g.
    /// `OpenBLAS 0.3.21 NO_AFFINITY USE_OPENMP HASWELL MAX_THREADS=64`.
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "unknown" }
        return String(cString: text).trimmingCharacters(in: .whitespaces)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\n", "\t"]
}
