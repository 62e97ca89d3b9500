import Testing

@testable import ConvMatrix

/// An integer that also counts the products and the constant-border units summed into it:
/// a stand-in for the symbolic scalars a checker will run through the same loops.
struct Counted: ReferenceScalar, Equatable {
    var value: Int
    /// Multiplications performed to form this value.
    var products = 0
    /// Constant border units (from `init(paddingValue:)`) that entered it.
    var borderUnits = 0

    init(_ value: Int) { self.value = value }

    init(paddingValue: Double) {
        value = Int(paddingValue)
        borderUnits = 1
    }

    static var zero: Counted { Counted(0) }

    static func + (lhs: Counted, rhs: Counted) -> Counted {
        var sum = Counted(lhs.value + rhs.value)
        sum.products = lhs.products + rhs.products
        sum.borderUnits = lhs.borderUnits + rhs.borderUnits
        return sum
    }

    static func * (lhs: Counted, rhs: Counted) -> Counted {
        var product = Counted(lhs.value * rhs.value)
        product.products = lhs.products + rhs.products + 1
        product.borderUnits = lhs.borderUnits + rhs.borderUnits
        return product
    }
}

@Suite struct ReferenceScalarTests {
    /// Conv2d(2, 4, (3, 2), stride=(2, 1), padding=((1, 2), (0, 1)), groups=2,
    /// padding_mode='constant', padding_value=-1) on 2x4x5: extended 2x7x6, output 4x3x5.
    static let spec = ConvolutionSpec(
        spatialDimensions: 2, inChannels: 2, outChannels: 4, kernelSize: [3, 2], stride: [2, 1],
        padding: .asymmetric([SidePadding(before: 1, after: 2), SidePadding(before: 0, after: 1)]),
        groups: 2, bias: true, paddingMode: .constant(-1))
    static let input = TensorShape(channels: 2, spatial: [4, 5])

    /// Every tap of every output unit lands on x̃ and costs one product: each output unit
    /// holds in/groups · ∏k = 6 products, and its border count is the taps that land
    /// outside the input, counted here by hand from the padding (1 before rows, 0 before columns).
    @Test func countsProductsAndBorderTaps() {
        let x = (0..<Self.input.count).map { Counted($0 % 5 - 2) }
        let w = (0..<Self.spec.weightParameterCount).map { Counted($0 % 4 - 1) }
        let b = (0..<4).map { Counted($0) }
        let y = ReferenceConvolution.forward(spec: Self.spec, input: Self.input, x: x, weight: w, bias: b)
        #expect(ReferenceConvolution.outputShape(spec: Self.spec, input: Self.input).description == "4x3x5")
        #expect(y.count == 4 * 3 * 5)
        #expect(y.allSatisfy { $0.products == 6 })
        #expect(y.reduce(0) { $0 + $1.products } == 4 * 15 * 1 * 6)
        for j in 0..<4 {
            for row in 0..<3 {
                for column in 0..<5 {
                    var border = 0
                    for tapRow in 0..<3 {
                        for tapColumn in 0..<2 {
                            let u = row * 2 + tapRow - 1, v = column + tapColumn - 0
                            if !(0..<4).contains(u) || !(0..<5).contains(v) { border += 1 }
                        }
                    }
                    #expect(y[j * 15 + row * 5 + column].borderUnits == border, "border taps of y[\(j), \(row), \(column)]")
                }
            }
        }
        let numeric = ReferenceConvolution.forward(
            spec: Self.spec, input: Self.input, x: x.map { Double($0.value) }, weight: w.map { Double($0.value) },
            bias: b.map { Double($0.value) })
        #expect(y.map { Double($0.value) } == numeric)
    }

    /// Zero padding uses `zero`, never `init(paddingValue:)`.
    @Test func zeroPaddingIsNotAConstant() {
        var spec = Self.spec
        spec.paddingMode = .zeros
        let x = (0..<Self.input.count).map { Counted($0) }
        let extended = ReferenceConvolution.extendedInput(spec: spec, input: Self.input, x: x)
        #expect(extended.count == 2 * 7 * 6)
        #expect(extended.allSatisfy { $0.borderUnits == 0 })
        #expect(extended.filter { $0.value == 0 }.count == 2 * (7 * 6 - 4 * 5) + 1)
    }
}
