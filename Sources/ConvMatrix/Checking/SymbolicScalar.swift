/// A value of the reference convolution run on formal variables instead of numbers.
///
/// Each input unit is the formal variable x_c and each weight the formal variable
/// v_p. The reference only ever multiplies a weight by an extended input unit
/// (x_c, the padding constant c, or 0) and adds the products, so every value it
/// computes is a sum
///
///     Σ a_{pc} · v_p x_c  +  Σ b_p · c·v_p  +  (a lone factor v_p, x_c or c)
///
/// with integer coefficients a_{pc} and b_p: a linear form in the pairs
/// (parameter, input unit) plus a constant part. Two such forms are equal
/// exactly when the two linear maps are equal: no floating point is involved.
public struct SymbolicScalar: ReferenceScalar, Equatable {
    /// A pair (parameter p, input unit c): the monomial v_p x_c.
    public struct Pair: Hashable, Sendable, Comparable {
        public let parameter: Int
        public let input: Int

        public static func < (a: Pair, b: Pair) -> Bool {
            (a.parameter, a.input) < (b.parameter, b.input)
        }
    }

    /// The lone factor a value may be before it is multiplied.
    enum Factor: Equatable, Sendable {
        case input(Int)
        case parameter(Int)
        case constant(Double)
    }

    /// Coefficients of v_p x_c.
    public private(set) var products: [Pair: Int] = [:]
    /// Coefficients of c·v_p: the constant part that padding_value contributes.
    public private(set) var constantProducts: [Int: Double] = [:]
    /// Set only on leaves: x_c, v_p or the padding constant.
    private(set) var factor: Factor?

    public static var zero: SymbolicScalar { SymbolicScalar() }

    /// The formal input variable x_c.
    public static func input(_ c: Int) -> SymbolicScalar { SymbolicScalar(factor: .input(c)) }

    /// The formal weight variable v_p.
    public static func parameter(_ p: Int) -> SymbolicScalar { SymbolicScalar(factor: .parameter(p)) }

    public init(paddingValue: Double) {
        factor = paddingValue == 0 ? nil : .constant(paddingValue)
    }

    private init(factor: Factor? = nil) {
        self.factor = factor
    }

    var isZero: Bool { factor == nil && products.isEmpty && constantProducts.isEmpty }

    public static func + (a: SymbolicScalar, b: SymbolicScalar) -> SymbolicScalar {
        if a.isZero { return b }
        if b.isZero { return a }
        precondition(a.factor == nil && b.factor == nil, "the reference adds a lone factor; only products are summed")
        var sum = a
        sum.products.merge(b.products, uniquingKeysWith: +)
        sum.constantProducts.merge(b.constantProducts, uniquingKeysWith: +)
        sum.products = sum.products.filter { $0.value != 0 }
        return sum
    }

    /// v_p · x_c, v_p · c, or 0: the only products a convolution forms.
    public static func * (a: SymbolicScalar, b: SymbolicScalar) -> SymbolicScalar {
        if a.isZero || b.isZero { return .zero }
        var product = SymbolicScalar()
        switch (a.factor, b.factor) {
        case (.parameter(let p), .input(let c)), (.input(let c), .parameter(let p)):
            product.products[Pair(parameter: p, input: c)] = 1
        case (.parameter(let p), .constant(let value)), (.constant(let value), .parameter(let p)):
            product.constantProducts[p] = value
        default:
            preconditionFailure("the reference multiplied \(String(describing: a.factor)) by \(String(describing: b.factor))")
        }
        return product
    }
}
