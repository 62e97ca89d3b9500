/// One tap of one parameter landing on one entry of a tied matrix: Wᵀ[row, column] gains v_parameter.
///
/// An entry usually carries one term. With circular, reflect or replicate
/// padding several taps can land on the same input unit, and the entry then
/// sums several parameters: it carries several terms.
public struct Term: Hashable, Sendable, Comparable {
    public var row: Int
    public var column: Int
    public var parameter: Int

    public init(row: Int, column: Int, parameter: Int) {
        self.row = row
        self.column = column
        self.parameter = parameter
    }

    /// Row-major order of entries, then parameter.
    public static func < (a: Term, b: Term) -> Bool {
        (a.row, a.column, a.parameter) < (b.row, b.column, b.parameter)
    }
}

/// An entry of a tied matrix that holds a number and no parameter: Wᵀ[row, column] = value.
///
/// P's copies (1), average pooling's 1/k, the identity's 1 and a sum pool's 1
/// are constants; so is any fixed part of an entry beside its parameters.
public struct ConstantEntry: Hashable, Sendable, Comparable {
    public var row: Int
    public var column: Int
    public var value: Double

    public init(row: Int, column: Int, value: Double) {
        self.row = row
        self.column = column
        self.value = value
    }

    /// Row-major order of entries.
    public static func < (a: ConstantEntry, b: ConstantEntry) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}
