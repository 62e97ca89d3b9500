import Foundation

/// The size guard: a dense matrix or term list is estimated before it is built,
/// and refused when the estimate exceeds the budget.
public struct MemoryBudget: Sendable, Equatable {
    /// Bytes the library may allocate for one layer's matrices.
    public var limitBytes: Int

    public init(limitBytes: Int) {
        self.limitBytes = limitBytes
    }

    /// A quarter of physical memory.
    public static var `default`: MemoryBudget {
        MemoryBudget(limitBytes: Int(ProcessInfo.processInfo.physicalMemory / 4))
    }

    /// Throws when `bytes` exceed the limit.
    ///
    /// - Parameters:
    ///   - what: the computation, as a noun phrase.
    ///   - alternatives: other ways to the same answer, each an imperative phrase
    ///     ("use --block j,i"); "use a smaller layer or input" is always offered last.
    /// - Throws: ``ConvMatrixError`` of kind `.budget` on field `max-memory`, giving the estimate.
    public func require(_ bytes: Int, for what: String, alternatives: [String] = []) throws(ConvMatrixError) {
        guard bytes > limitBytes else { return }
        let ways = ["raise it with --max-memory \(Self.suggestion(bytes))"] + alternatives + ["use a smaller layer or input"]
        throw ConvMatrixError(
            .budget, field: "max-memory",
            reason:
                "\(what) would take \(bytes == Int.max ? "" : "about ")\(Self.format(bytes)), above the limit of \(Self.format(limitBytes)); "
                + ways.joined(separator: ", or "))
    }

    /// A limit that admits `bytes`, in whole K, M, G or T rounded up, with at
    /// most four digits where it can: what the message suggests for --max-memory.
    static func suggestion(_ bytes: Int) -> String {
        if bytes == Int.max { return "(no limit is that large)" }
        for (shift, unit) in [(10, "K"), (20, "M"), (30, "G"), (40, "T")] {
            let whole = (bytes >> shift) + (bytes & ((1 << shift) - 1) == 0 ? 0 : 1)
            if whole < 10_000 || shift == 40 { return "\(whole)\(unit)" }
        }
        return "\(bytes)"
    }

    /// `1.5 GiB`, `12.0 MiB`, `800 B`.
    public static func format(_ bytes: Int) -> String {
        if bytes == Int.max { return "more than 8 EiB" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}

extension Convolution {
    /// Taps on the extended input: positions per map · weight parameters
    /// (= out units · in/groups · ∏k without a connection table), an upper bound on the terms of Wᵀ.
    public var tapCount: Int {
        saturatingProduct(output.mapSize, spec.weightParameterCount)
    }
}

/// ∏ factors, or Int.max when the product overflows: an estimate that is too large
/// to represent is certainly too large to allocate.
public func saturatingProduct(_ factors: Int...) -> Int {
    saturatingProduct(factors)
}

/// ∏ factors, or Int.max when the product overflows.
public func saturatingProduct(_ factors: [Int]) -> Int {
    var product = 1
    for factor in factors {
        let (next, overflow) = product.multipliedReportingOverflow(by: factor)
        if overflow { return Int.max }
        product = next
    }
    return product
}

/// a + b, or Int.max when the sum overflows.
public func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}
