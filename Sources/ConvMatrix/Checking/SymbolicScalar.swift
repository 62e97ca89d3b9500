/// A value of a layer's reference run on formal variables instead of numbers.
///
/// Each input unit is the formal variable x_c and each weight the formal
/// variable v_p. A linear layer's reference only ever multiplies weights, inputs
/// and constants (the padding value, a pooling divisor) and adds the products,
/// so every value it computes is a form of degree at most one in v and at most
/// one in x:
///
///     Σ a_{pc} · v_p x_c  +  Σ b_c · x_c  +  Σ g_p · v_p  +  k
///
/// a linear map in the pairs (parameter, input unit), the inputs alone (constant
/// entries of Wᵀ), the parameters alone (the offset o, e.g. c·v_p from constant
/// padding) and a constant. Two such forms are equal exactly when the two maps
/// are; with integer and dyadic coefficients no rounding is involved, and a
/// coefficient such as 1/3 is compared as the Double both sides computed.
public struct SymbolicScalar: ReferenceScalar, Equatable {
    /// A pair (parameter p, input unit c): the monomial v_p x_c.
    public struct Pair: Hashable, Sendable, Comparable {
        public let parameter: Int
        public let input: Int

        public static func < (a: Pair, b: Pair) -> Bool {
            (a.parameter, a.input) < (b.parameter, b.input)
        }
    }

    /// The lone factor a value may be before it is multiplied or added.
    enum Factor: Equatable, Sendable {
        case input(Int)
        case parameter(Int)
        case constant(Double)
    }

    /// Coefficients a_{pc} of v_p x_c.
    public private(set) var products: [Pair: Double] = [:]
    /// Coefficients b_c of x_c alone: the constant entries of Wᵀ.
    public private(set) var inputTerms: [Int: Double] = [:]
    /// Coefficients g_p of v_p alone: the offset, c·v_p for constant padding.
    public private(set) var constantProducts: [Int: Double] = [:]
    /// The constant k.
    public private(set) var constant = 0.0
    /// Set only on leaves: x_c, v_p or a constant.
    private(set) var factor: Factor?

    public static var zero: SymbolicScalar { SymbolicScalar() }

    /// The formal input variable x_c.
    public static func input(_ c: Int) -> SymbolicScalar { SymbolicScalar(factor: .input(c)) }

    /// The formal weight variable v_p.
    public static func parameter(_ p: Int) -> SymbolicScalar { SymbolicScalar(factor: .parameter(p)) }

    /// A constant: the padding value, or any fixed number a reference multiplies by.
    public init(paddingValue: Double) {
        factor = paddingValue == 0 ? nil : .constant(paddingValue)
    }

    private init(factor: Factor? = nil) {
        self.factor = factor
    }

    var isZero: Bool { factor == nil && products.isEmpty && inputTerms.isEmpty && constantProducts.isEmpty && constant == 0 }

    /// The value as a form, its lone factor spelt out.
    var expanded: SymbolicScalar {
        guard let factor else { return self }
        var form = SymbolicScalar()
        switch factor {
        case .input(let c): form.inputTerms[c] = 1
        case .parameter(let p): form.constantProducts[p] = 1
        case .constant(let value): form.constant = value
        }
        return form
    }

    public static func + (a: SymbolicScalar, b: SymbolicScalar) -> SymbolicScalar {
        if a.isZero { return b }
        if b.isZero { return a }
        var sum = a.expanded
        let other = b.expanded
        sum.products.merge(other.products, uniquingKeysWith: +)
        sum.inputTerms.merge(other.inputTerms, uniquingKeysWith: +)
        sum.constantProducts.merge(other.constantProducts, uniquingKeysWith: +)
        sum.constant += other.constant
        sum.products = sum.products.filter { $0.value != 0 }
        sum.inputTerms = sum.inputTerms.filter { $0.value != 0 }
        return sum
    }

    /// a = a + b with a's dictionaries grown in place: the same form as ``+(_:_:)``
    /// (zero coefficients of v·x and of x dropped), at the cost of b's terms.
    public static func += (a: inout SymbolicScalar, b: SymbolicScalar) {
        if b.isZero { return }
        if a.isZero {
            a = b
            return
        }
        if a.factor != nil { a = a.expanded }
        let other = b.expanded
        for (key, value) in other.products {
            let sum = a.products[key, default: 0] + value
            a.products[key] = sum == 0 ? nil : sum
        }
        for (key, value) in other.inputTerms {
            let sum = a.inputTerms[key, default: 0] + value
            a.inputTerms[key] = sum == 0 ? nil : sum
        }
        a.constantProducts.merge(other.constantProducts, uniquingKeysWith: +)
        a.constant += other.constant
    }

    /// The product of two forms whose product stays of degree one in v and in x.
    ///
    /// - Precondition: the reference never multiplies two inputs, two weights, or
    ///   a weight by a form that already holds one.
    public static func * (a: SymbolicScalar, b: SymbolicScalar) -> SymbolicScalar {
        if a.isZero || b.isZero { return .zero }
        switch (a.factor, b.factor) {
        case (.parameter(let p), .input(let c)), (.input(let c), .parameter(let p)):
            var product = SymbolicScalar()
            product.products[Pair(parameter: p, input: c)] = 1
            return product
        case (.parameter(let p), .constant(let value)), (.constant(let value), .parameter(let p)):
            var product = SymbolicScalar()
            product.constantProducts[p] = value
            return product
        default:
            return a.expanded.multiplied(by: b.expanded)
        }
    }

    /// The general product, monomial by monomial.
    private func multiplied(by other: SymbolicScalar) -> SymbolicScalar {
        var product = SymbolicScalar()
        precondition(
            products.isEmpty || (other.products.isEmpty && other.inputTerms.isEmpty && other.constantProducts.isEmpty),
            "the reference multiplied v·x by a form that is not constant")
        precondition(
            other.products.isEmpty || (inputTerms.isEmpty && constantProducts.isEmpty),
            "the reference multiplied v·x by a form that is not constant")
        product.products = products.mapValues { $0 * other.constant }.merging(other.products.mapValues { $0 * constant }, uniquingKeysWith: +)
        precondition(
            inputTerms.isEmpty || other.inputTerms.isEmpty, "the reference multiplied two inputs")
        precondition(
            constantProducts.isEmpty || other.constantProducts.isEmpty, "the reference multiplied two weights")
        for (p, g) in constantProducts {
            for (c, b) in other.inputTerms { product.products[Pair(parameter: p, input: c), default: 0] += g * b }
        }
        for (c, b) in inputTerms {
            for (p, g) in other.constantProducts { product.products[Pair(parameter: p, input: c), default: 0] += b * g }
        }
        product.inputTerms = inputTerms.mapValues { $0 * other.constant }.merging(other.inputTerms.mapValues { $0 * constant }, uniquingKeysWith: +)
        product.constantProducts =
            constantProducts.mapValues { $0 * other.constant }
            .merging(other.constantProducts.mapValues { $0 * constant }, uniquingKeysWith: +)
        product.constant = constant * other.constant
        product.products = product.products.filter { $0.value != 0 }
        product.inputTerms = product.inputTerms.filter { $0.value != 0 }
        product.constantProducts = product.constantProducts.filter { $0.value != 0 }
        return product
    }
}
