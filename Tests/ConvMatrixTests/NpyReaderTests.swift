import Foundation
import Testing

@testable import ConvMatrix

@Suite struct NpyReaderTests {
    private func read(_ bytes: [UInt8]) throws -> NpyArray {
        try NpyArray(data: Data(bytes), path: "hand-built.npy")
    }

    @Test func readsFloat64() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "(2, 2)", payload: NpyBytes.f8([1.5, -2, 0.1, 1e300]))
        #expect(try read(bytes) == NpyArray(shape: [2, 2], values: [1.5, -2, 0.1, 1e300]))
    }

    @Test func readsFloat32() throws {
        let bytes = NpyBytes.file(descr: "<f4", shape: "(3,)", payload: NpyBytes.f4([1.5, -2.25, 0.1]))
        #expect(try read(bytes) == NpyArray(shape: [3], values: [1.5, -2.25, Double(Float(0.1))]))
    }

    @Test func readsInt32() throws {
        let bytes = NpyBytes.file(descr: "<i4", shape: "(3,)", payload: NpyBytes.i4([-1, 2, .max]))
        #expect(try read(bytes) == NpyArray(shape: [3], values: [-1, 2, 2_147_483_647]))
    }

    @Test func readsInt64() throws {
        let bytes = NpyBytes.file(descr: "<i8", shape: "(2,)", payload: NpyBytes.i8([-(1 << 40), 5]))
        #expect(try read(bytes) == NpyArray(shape: [2], values: [-1_099_511_627_776, 5]))
    }

    @Test func readsNativeOrderAsLittleEndian() throws {
        let bytes = NpyBytes.file(descr: "=f8", shape: "(1,)", payload: NpyBytes.f8([0.5]))
        #expect(try read(bytes).values == [0.5])
    }

    @Test func readsBigEndian() throws {
        let f8 = NpyBytes.file(descr: ">f8", shape: "(2,)", payload: NpyBytes.f8([1.5, -3], bigEndian: true))
        let f4 = NpyBytes.file(descr: ">f4", shape: "(2,)", payload: NpyBytes.f4([0.25, 8], bigEndian: true))
        let i8 = NpyBytes.file(descr: ">i8", shape: "(2,)", payload: NpyBytes.i8([-7, 1 << 33], bigEndian: true))
        let i4 = NpyBytes.file(descr: ">i4", shape: "(2,)", payload: NpyBytes.i4([-7, 300], bigEndian: true))
        #expect(try read(f8).values == [1.5, -3])
        #expect(try read(f4).values == [0.25, 8])
        #expect(try read(i8).values == [-7, 8_589_934_592])
        #expect(try read(i4).values == [-7, 300])
    }

    @Test func readsScalar() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "()", payload: NpyBytes.f8([42]))
        #expect(try read(bytes) == NpyArray(shape: [], values: [42]))
    }

    @Test(arguments: [(2, 0), (3, 0)] as [(UInt8, UInt8)])
    func readsVersions2And3(major: UInt8, minor: UInt8) throws {
        let bytes = NpyBytes.file(
            descr: "<f8", shape: "(2,)", version: (major, minor), payload: NpyBytes.f8([1, 2]))
        #expect(Array(bytes[6..<8]) == [major, minor])
        #expect(try read(bytes) == NpyArray(shape: [2], values: [1, 2]))
    }

    /// `np.save(f, np.asfortranarray(np.arange(6.).reshape(2, 3)))` stores 0 3 1 4 2 5.
    @Test func transposesFortranOrder2D() throws {
        let bytes = NpyBytes.file(
            descr: "<f8", shape: "(2, 3)", fortran: true, payload: NpyBytes.f8([0, 3, 1, 4, 2, 5]))
        #expect(try read(bytes) == NpyArray(shape: [2, 3], values: [0, 1, 2, 3, 4, 5]))
    }

    @Test func transposesFortranOrder3D() throws {
        let shape = [2, 3, 4]
        // In Fortran order element (i, j, k) is stored at i + 2·(j + 3·k).
        var stored = [Double](repeating: 0, count: 24)
        var expected: [Double] = []
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<4 {
                    let value = Double(100 * i + 10 * j + k)
                    stored[i + 2 * (j + 3 * k)] = value
                    expected.append(value)
                }
            }
        }
        let bytes = NpyBytes.file(descr: "<f4", shape: "(2, 3, 4)", fortran: true, payload: NpyBytes.f4(stored.map(Float.init)))
        #expect(try read(bytes) == NpyArray(shape: shape, values: expected))
    }

    @Test func fortranOrderOfOneAxisIsUnchanged() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "(3,)", fortran: true, payload: NpyBytes.f8([1, 2, 3]))
        #expect(try read(bytes).values == [1, 2, 3])
    }

    @Test(arguments: [
        "{'shape': (2, 3), 'descr': '<f8', 'fortran_order': False}",
        "{\"fortran_order\":False,\"shape\":(2,3,),\"descr\":\"<f8\",}",
        "{ 'descr' : '<f8' ,\t'fortran_order' : False , 'shape' : ( 2 , 3 ) , }   ",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': ((2), 3), }",
    ])
    func parsesHeaderSpellings(dict: String) throws {
        let bytes = NpyBytes.file(dict: dict, payload: NpyBytes.f8([1, 2, 3, 4, 5, 6]))
        #expect(try read(bytes) == NpyArray(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]))
    }

    @Test func readsEmptyArray() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "(0, 4)", payload: [])
        #expect(try read(bytes) == NpyArray(shape: [0, 4], values: []))
    }

    @Test func readsEmptyArrayWithHugeOtherAxes() throws {
        let bytes = NpyBytes.file(descr: "<f8", shape: "(4294967296, 4294967296, 0)", payload: [])
        #expect(try read(bytes) == NpyArray(shape: [1 << 32, 1 << 32, 0], values: []))
    }

    @Test func readsFromDataSlice() throws {
        let bytes = NpyWriter.float64([1, 2], shape: [2])
        let data = Data([0xAA] + bytes).dropFirst()
        #expect(try NpyArray(data: data, path: "slice.npy").values == [1, 2])
    }

    @Test func requireShapePassesMatchingArrayThrough() throws {
        let array = NpyArray(shape: [3, 2, 3], values: Array(repeating: 0, count: 18))
        let checked = try array.requireShape(
            [3, 2, 3], field: "weight", expectedBy: "Conv1d(2, 3, kernel_size=3)", path: "w.npy")
        #expect(checked == array)
    }
}
