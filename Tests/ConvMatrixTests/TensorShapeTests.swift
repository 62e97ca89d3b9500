import Testing

@testable import ConvMatrix

@Suite struct TensorShapeTests {
    @Test func parsesChannelsFirst() throws {
        let shape = try TensorShape(parsing: "4x14x14")
        #expect(shape.channels == 4)
        #expect(shape.spatial == [14, 14])
        #expect(shape.count == 784)
        #expect(shape.description == "4x14x14")
    }

    /// A single extent is a vector of features: channels only, one unit per map.
    @Test func parsesASingleExtentAsFeatures() throws {
        let shape = try TensorShape(parsing: "192")
        #expect(shape.channels == 192)
        #expect(shape.spatial.isEmpty)
        #expect(shape.mapSize == 1)
        #expect(shape.count == 192)
        #expect(shape.description == "192")
        #expect(try TensorShape(parsing: shape.description) == shape)
    }

    @Test(arguments: ["", "0", "-3", "x", "2x", "x6", "2x0", "2x-1", "2x6x6x6x6", "ax6"])
    func rejectsMalformedShapes(text: String) {
        #expect(throws: ConvMatrixError.self) { try TensorShape(parsing: text) }
    }

    @Test func rowMajorRoundTrips() {
        let box = RowMajor([2, 3, 4])
        #expect(box.strides == [12, 4, 1])
        for offset in 0..<box.count { #expect(box.offset(box.index(offset)) == offset) }
    }
}

@Suite struct SplitMix64Tests {
    /// The first outputs of SplitMix64 seeded with 0, as published with the algorithm
    /// (and computed by every reference implementation).
    @Test func matchesTheReferenceSequence() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func integersStayInRangeEvenForTheWidestRange() {
        var g = SplitMix64(seed: 3)
        for _ in 0..<1000 { #expect((-3...3).contains(g.nextInt(in: -3...3))) }
        _ = g.nextInt(in: Int.min...Int.max)
        _ = g.nextInt(in: Int.min...0)
        #expect(g.nextInt(in: 5...5) == 5)
    }

    @Test func smallNonzeroIntegersAreNeverZero() {
        var g = SplitMix64(seed: 4)
        let draws = (0..<600).map { _ in g.nextSmallNonzeroInteger() }
        #expect(Set(draws) == [-3, -2, -1, 1, 2, 3])
    }
}
