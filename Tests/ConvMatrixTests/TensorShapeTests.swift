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

    @Test(arguments: ["", "2", "2x", "x6", "2x0", "2x-1", "2x6x6x6x6", "ax6"])
    func rejectsMalformedShapes(text: String) {
        #expect(throws: ConvMatrixError.self) { try TensorShape(parsing: text) }
    }

    @Test func rowMajorRoundTrips() {
        let box = RowMajor([2, 3, 4])
        #expect(box.strides == [12, 4, 1])
        for offset in 0..<box.count { #expect(box.offset(box.index(offset)) == offset) }
    }
}
